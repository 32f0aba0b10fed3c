/**
 * Paying inside WeChat: an order for the exact total of the chosen months (a new out-trade number
 * per attempt), the payment parameters for `wx.requestPayment`, the order's status (asking WeChat
 * Pay while it is pending), cancelling, and the member's receipts.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { OrderState, OrderStatus } from '../../typings/areas/dues';
import { compareMonths, monthOf, payableMonths } from '../domain/dues';
import { memberIdOf } from '../domain/ids';
import { shanghaiStamp } from '../domain/shanghai-day';
import { readInvocationContext, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { AppError, failedPrecondition, invalidArgument, notFound } from '../platform/errors';
import { amountForMonth } from './amounts';
import type { DuesOrderDoc, OrderMonth } from './docs';
import { loadMemberMonths } from './my-dues';
import { parseWxTime, paymentGateway } from './payment-gateway';
import { awardOrderPoints } from './points';
import { findPayment, readReceipts, receiptView } from './receipts';
import { ensureOwedMonths, UNPAID_STATES } from './records';
import { DEFAULT_PAGE, monthsSchema, orderIdSchema, pageInput } from './schemas';
import { settleOrder } from './settle';
import { standingNote } from './standing';

const ID_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';

/** `DF` + the time in Asia/Shanghai (yyyyMMddHHmmss) + 10 random characters: 26 of [0-9A-Za-z]. */
export function newOrderId(now: Date): string {
  const stamp = shanghaiStamp(now);
  const random = [...randomBytes(10)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  return `DF${stamp}${random}`;
}

const span = (months: string[]) =>
  months.length === 1 ? months[0]! : `${months[0]!}至${months[months.length - 1]!}（${months.length}个月）`;

/**
 * The member's chosen months become an order for their exact total: the rules of the window
 * (6 back, 6 ahead, oldest first) are checked by the domain, amounts come from the stored month
 * records (or, for months ahead, from the profile), and WeChat Pay gets a fresh out-trade number.
 */
export const pay: Handler<'dues', 'pay'> = {
  input: z.object({ months: monthsSchema }),
  async run({ months: requested }, { caller, raw }) {
    const now = new Date();
    const current = monthOf(now);
    const { dm, known: read } = await loadMemberMonths(memberIdOf(caller.openid), current);
    if (dm.standing !== 'owes_here' || !dm.member) throw failedPrecondition(standingNote(dm.standing));
    if (!amountForMonth(dm.profile, current)) {
      throw failedPrecondition('您的党费交纳基数还没有经党支部确认，确认后才能交纳。');
    }
    const known = await ensureOwedMonths(dm, current, read, now);
    const records = [...known.values()];
    const checked = payableMonths({
      currentMonth: current,
      unpaidMonths: records
        .filter((d) => (UNPAID_STATES as readonly string[]).includes(d.state) && compareMonths(d.month, current) <= 0)
        .map((d) => d.month),
      paidMonths: records.filter((d) => d.state === 'paid' || d.state === 'waived').map((d) => d.month),
      ...(dm.admittedMonth ? { admittedMonth: dm.admittedMonth } : {}),
      requested,
    });
    if (!checked.ok) throw invalidArgument(checked.reason, 'months');

    const lines: OrderMonth[] = [];
    for (const month of checked.months) {
      const rec = known.get(month);
      const amount = rec ?? amountForMonth(dm.profile, month);
      if (!amount) throw invalidArgument(`${month} 的党费金额尚未核定，请联系党支部。`, 'months');
      if (amount.amountFen <= 0 || amount.state === 'waived')
        throw invalidArgument(`${month} 已免交党费，无需交纳。`, 'months');
      lines.push({ month, amountFen: amount.amountFen, standardFen: amount.standardFen, relief: amount.relief });
    }
    const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);

    const orderId = newOrderId(now);
    const env = readInvocationContext(raw);
    const placed = await paymentGateway().unifiedOrder({
      outTradeNo: orderId,
      totalFen,
      body: `交纳党费 ${span(checked.months)}`,
      clientIp: env.CLIENTIP || env.WX_CLIENTIP || '127.0.0.1',
      envId: env.TCB_ENV || env.SCF_NAMESPACE || process.env.TCB_ENV || '',
    });
    if (!placed.ok) {
      console.error(`[dues.pay] unifiedOrder ${orderId} refused: ${placed.reason}`);
      if (placed.reason.includes('not configured')) throw failedPrecondition('暂未开通微信交纳党费，请向党支部交纳。');
      throw new AppError('UNAVAILABLE', '微信支付暂时不可用，请稍后再试。');
    }
    const order: DuesOrderDoc = {
      _id: orderId,
      memberId: dm.memberId,
      memberName: dm.member.name,
      openid: caller.openid,
      branchId: dm.member.branchId!,
      branchName: dm.member.branchName,
      orgPath: dm.member.orgPath,
      months: lines,
      totalFen,
      state: 'pending',
      prepayId: placed.value.prepayId,
      createdAt: now,
      updatedAt: now,
      transactionId: null,
      paidAt: null,
      paymentId: null,
      unappliedReason: null,
    };
    await db.collection(COLLECTIONS.duesOrders).add(order);
    return {
      orderId,
      totalFen,
      months: lines.map((l) => ({ month: l.month, amountFen: l.amountFen })),
      payment: placed.value.payment,
    };
  },
};

const STATE_MESSAGES: Record<OrderState, string> = {
  pending: '正在等待微信支付的结果……',
  paid: '党费交纳成功。',
  failed: '支付没有成功，没有扣款。您可以重新交纳。',
  closed: '已取消这次支付，没有扣款。',
  unapplied: '付款已收到，但所交月份已经交过或应交金额已调整，这笔钱不计入党费，由党支部退还给您。',
};

async function findOwnOrder(orderId: string, openid: string): Promise<DuesOrderDoc> {
  const res = await db.collection(COLLECTIONS.duesOrders).doc(orderId).get();
  const order = (res.data as DuesOrderDoc[])[0];
  // Another member's order does not exist for this caller.
  if (!order || order.openid !== openid) throw notFound('没有找到这笔交纳记录');
  return order;
}

async function statusOf(order: DuesOrderDoc): Promise<OrderStatus> {
  const payment = order.state === 'paid' && order.paymentId ? await findPayment(order.paymentId) : null;
  return {
    orderId: order._id,
    state: order.state,
    totalFen: order.totalFen,
    months: order.months.map((m) => m.month),
    message: STATE_MESSAGES[order.state],
    receipt: payment ? receiptView(payment, false) : null,
  };
}

/** Ask WeChat Pay about a pending order and act on the answer: settle a payment, close a failure. */
async function refresh(order: DuesOrderDoc): Promise<DuesOrderDoc> {
  const query = await paymentGateway().queryOrder(order._id);
  if (!query.ok) return order;
  const q = query.value;
  if (q.tradeState === 'SUCCESS' && q.transactionId && q.totalFen !== null) {
    const outcome = await settleOrder(
      order._id,
      { transactionId: q.transactionId, totalFee: q.totalFen, paidAt: parseWxTime(q.timeEnd) ?? new Date() },
      'query',
    );
    if (outcome.kind === 'applied') {
      await awardOrderPoints(outcome.order);
      return outcome.order;
    }
    if (outcome.kind === 'unapplied' || outcome.kind === 'duplicate') return outcome.order;
    return order;
  }
  if (q.tradeState === 'CLOSED' || q.tradeState === 'PAYERROR' || q.tradeState === 'REVOKED') {
    const state: OrderState = q.tradeState === 'CLOSED' ? 'closed' : 'failed';
    await db
      .collection(COLLECTIONS.duesOrders)
      .where({ _id: order._id, state: 'pending' })
      .update({ state, updatedAt: new Date() });
    return { ...order, state };
  }
  return order;
}

/** Where the caller's order stands; while pending, WeChat Pay is asked (the callback may be on its way). */
export const orderStatus: Handler<'dues', 'orderStatus'> = {
  input: z.object({ orderId: orderIdSchema }),
  async run({ orderId }, { caller }) {
    const order = await findOwnOrder(orderId, caller.openid);
    return statusOf(order.state === 'pending' ? await refresh(order) : order);
  },
};

/** The member closed the payment sheet: the order is closed at WeChat Pay so it cannot be paid later. */
export const cancelPayment: Handler<'dues', 'cancelPayment'> = {
  input: z.object({ orderId: orderIdSchema }),
  async run({ orderId }, { caller }) {
    const order = await findOwnOrder(orderId, caller.openid);
    if (order.state !== 'pending') return statusOf(order);
    const closed = await paymentGateway().closeOrder(orderId);
    if (!closed.ok) {
      // Already paid (ORDERPAID) or WeChat Pay unsure: what the query says is the truth.
      return statusOf(await refresh(order));
    }
    await db
      .collection(COLLECTIONS.duesOrders)
      .where({ _id: orderId, state: 'pending' })
      .update({ state: 'closed', updatedAt: new Date() });
    return statusOf({ ...order, state: 'closed' });
  },
};

/** The caller's receipts, newest first, a page at a time. */
export const myReceipts: Handler<'dues', 'myReceipts'> = {
  input: z.object(pageInput),
  async run({ cursor, limit = DEFAULT_PAGE }, { caller }) {
    return readReceipts(memberIdOf(caller.openid), cursor, limit);
  },
};
