/**
 * The payment-result callback. The platform invokes the function named in the unified order with
 * the WeChat Pay v2 notify fields camelCased as the event, and retries for up to two days until it
 * gets `{ errcode: 0, errmsg: 'ok' }`. So: everything handled (applied, repeated, mismatched,
 * unknown) answers 0 and is logged; only a transient failure (database or WeChat Pay unreachable,
 * points not yet recorded) answers non-zero, so that the platform tries again later.
 *
 * The event is not trusted on its own: anyone able to invoke the function could send one. The
 * order must exist, the amount must match it, and WeChat Pay's own `queryOrder` must say SUCCESS
 * for that amount before a month is marked paid.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import { db, readInvocationContext } from '../platform/cloudbase';
import type { DuesOrderDoc } from './docs';
import { countPayEvent } from './pay-log';
import { parseWxTime, paymentGateway } from './payment-gateway';
import { awardOrderPoints, orderPointsRecorded } from './points';
import { logEntry, settleOrder, type TradeFacts } from './settle';

export interface CallbackReply {
  errcode: number;
  errmsg: string;
}

export const OK: CallbackReply = { errcode: 0, errmsg: 'ok' };
/** Anything but errcode 0 makes the platform call again later. */
const RETRY_LATER: CallbackReply = { errcode: -1, errmsg: 'temporarily unavailable, retry later' };

const fee = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** The notify fields we act on; the rest (bankType, cashFee, …) are kept in the log only. */
const notifySchema = z.object({
  returnCode: z.string(),
  resultCode: z.string().optional(),
  outTradeNo: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/),
  transactionId: z.string().min(1).max(64).optional(),
  totalFee: fee.optional(),
  timeEnd: z.string().optional(),
  subMchId: z.string().optional(),
  subOpenid: z.string().optional(),
});

async function findOrder(orderId: string): Promise<DuesOrderDoc | null> {
  const res = await db.collection(COLLECTIONS.duesOrders).doc(orderId).get();
  return ((res.data as DuesOrderDoc[])[0] as DuesOrderDoc | undefined) ?? null;
}

/** What a caller that is not WeChat Pay gets: a real notification carries no user's openid. */
export const REFUSED: CallbackReply = { errcode: 403, errmsg: 'not a payment notification' };

/** Handle one notify. Never throws. */
export async function handlePayCallback(event: unknown, context?: unknown): Promise<CallbackReply> {
  try {
    if (readInvocationContext(context).WX_OPENID) {
      await countPayEvent(logEntry(null, 'callback', 'refused_caller', '调用带有微信用户身份，不是支付通知'), false);
      return REFUSED;
    }
    return await handle(event);
  } catch (err) {
    console.error('[dues-pay-callback] failed; the platform will call again', err);
    try {
      await countPayEvent(logEntry(null, 'callback', 'error', err instanceof Error ? err.message : String(err)), false);
    } catch {
      // The database is what failed; the console has the detail.
    }
    return RETRY_LATER;
  }
}

async function handle(event: unknown): Promise<CallbackReply> {
  const parsed = notifySchema.safeParse(event);
  if (!parsed.success) {
    const orderId =
      typeof (event as { outTradeNo?: unknown })?.outTradeNo === 'string'
        ? (event as { outTradeNo: string }).outTradeNo.slice(0, 32)
        : null;
    await countPayEvent(
      logEntry(orderId, 'callback', 'bad_event', parsed.error.issues.map((i) => i.path.join('.')).join(',')),
      false,
    );
    return OK;
  }
  const n = parsed.data;
  const claimed: Partial<TradeFacts> = {
    ...(n.transactionId ? { transactionId: n.transactionId } : {}),
    ...(n.totalFee !== undefined ? { totalFee: n.totalFee } : {}),
  };
  const order = await findOrder(n.outTradeNo);
  if (!order) {
    await countPayEvent(logEntry(n.outTradeNo, 'callback', 'unknown_order', '没有这个订单', claimed), false);
    return OK;
  }
  if (n.returnCode !== 'SUCCESS' || n.resultCode !== 'SUCCESS' || !n.transactionId || n.totalFee === undefined) {
    await countPayEvent(
      logEntry(n.outTradeNo, 'callback', 'payment_failed', `${n.returnCode}/${n.resultCode ?? ''}`, claimed),
      true,
    );
    return OK;
  }
  if (order.state === 'paid' || order.state === 'unapplied') {
    // A repeat. Points left unrecorded by an earlier attempt are recorded now.
    await countPayEvent(logEntry(order._id, 'callback', 'duplicate', '重复通知，已处理过', claimed), true);
    if (order.state === 'paid' && !(await orderPointsRecorded(order))) {
      return (await awardOrderPoints(order)) ? OK : RETRY_LATER;
    }
    return OK;
  }
  if (n.totalFee !== order.totalFen) {
    await countPayEvent(
      logEntry(
        order._id,
        'callback',
        'amount_mismatch',
        `通知金额 ${n.totalFee} 分，订单金额 ${order.totalFen} 分`,
        claimed,
      ),
      true,
    );
    return OK;
  }

  // Ask WeChat Pay itself before money is counted.
  const query = await paymentGateway().queryOrder(order._id);
  if (!query.ok) throw new Error(`queryOrder ${order._id}: ${query.reason}`);
  const q = query.value;
  if (
    q.tradeState !== 'SUCCESS' ||
    q.totalFen !== order.totalFen ||
    (q.transactionId && q.transactionId !== n.transactionId)
  ) {
    await countPayEvent(
      logEntry(
        order._id,
        'callback',
        'not_confirmed',
        `微信支付查询：${q.tradeState}，${q.totalFen ?? '-'} 分，${q.transactionId ?? '-'}`,
        claimed,
      ),
      true,
    );
    return OK;
  }
  const trade: TradeFacts = {
    transactionId: n.transactionId,
    totalFee: order.totalFen,
    paidAt: parseWxTime(q.timeEnd ?? n.timeEnd) ?? new Date(),
  };
  const outcome = await settleOrder(order._id, trade, 'callback');
  if (outcome.kind === 'applied') return (await awardOrderPoints(outcome.order)) ? OK : RETRY_LATER;
  return OK;
}
