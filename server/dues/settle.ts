/**
 * Applying a confirmed WeChat payment to its months, exactly once. Everything is decided inside one
 * transaction over the order and each per-member-month record (single-document operations only),
 * so a repeated callback, a status query racing the callback, or a second order paid for the same
 * months cannot pay a month twice: the loser of the race re-reads, finds the months paid, and
 * changes nothing but its own order (marked unapplied, to be refunded) and the log.
 */
import { COLLECTIONS } from '../../database/collections';
import { compareMonths, monthOf } from '../domain/dues';
import { _, type Transaction } from '../platform/cloudbase';
import {
  monthDocId,
  wxPaymentId,
  type DuesMonthDoc,
  type DuesOrderDoc,
  type DuesPaymentDoc,
  type MonthPayment,
  type PayLogDoc,
  type PayLogOutcome,
  type UnappliedReason,
} from './docs';
import { inTransaction } from '../platform/transaction';

/** What WeChat Pay says was paid. */
export interface TradeFacts {
  transactionId: string;
  totalFee: number;
  paidAt: Date;
}

export type SettleOutcome =
  | { kind: 'applied'; order: DuesOrderDoc; payment: DuesPaymentDoc; onTimeMonths: string[] }
  | { kind: 'duplicate'; order: DuesOrderDoc }
  | { kind: 'unapplied'; order: DuesOrderDoc; reason: UnappliedReason; months: string[] }
  | { kind: 'amount_mismatch'; order: DuesOrderDoc }
  | { kind: 'unknown_order' };

export function logEntry(
  orderId: string | null,
  source: PayLogDoc['source'],
  outcome: PayLogOutcome,
  detail: string,
  trade: Partial<TradeFacts> = {},
): PayLogDoc {
  return {
    orderId,
    source,
    outcome,
    detail,
    transactionId: trade.transactionId ?? null,
    totalFee: trade.totalFee ?? null,
    at: new Date(),
  };
}

async function log(tx: Transaction, entry: PayLogDoc): Promise<void> {
  await tx.collection(COLLECTIONS.duesPayLog).add(entry);
}

/** Paid on time: no later than the month it is for (prepayment included), in Asia/Shanghai. */
export const isOnTime = (month: string, paidAt: Date) => compareMonths(monthOf(paidAt), month) <= 0;

const UNAPPLIED_DETAIL: Record<UnappliedReason, string> = {
  months_already_paid: '所交月份已由其他订单或线下收款交纳',
  amount_changed: '所交月份的应交金额已调整',
};

/** Settle order `orderId` with a payment WeChat Pay confirmed. Safe to call any number of times. */
export async function settleOrder(
  orderId: string,
  trade: TradeFacts,
  source: PayLogDoc['source'],
): Promise<SettleOutcome> {
  return inTransaction(async (tx): Promise<SettleOutcome> => {
    const now = new Date();
    const got = (await tx.collection(COLLECTIONS.duesOrders).doc(orderId).get()) as { data: DuesOrderDoc | null };
    if (!got.data) {
      await log(tx, logEntry(orderId, source, 'unknown_order', '没有这个订单', trade));
      return { kind: 'unknown_order' };
    }
    const order: DuesOrderDoc = { ...got.data, _id: orderId };
    if (order.state === 'paid' || order.state === 'unapplied') {
      const same = order.transactionId === trade.transactionId;
      await log(
        tx,
        logEntry(
          orderId,
          source,
          'duplicate',
          same ? '重复通知，已处理过' : `订单已由交易 ${order.transactionId} 处理`,
          trade,
        ),
      );
      return { kind: 'duplicate', order };
    }
    if (trade.totalFee !== order.totalFen) {
      await log(
        tx,
        logEntry(
          orderId,
          source,
          'amount_mismatch',
          `通知金额 ${trade.totalFee} 分，订单金额 ${order.totalFen} 分`,
          trade,
        ),
      );
      return { kind: 'amount_mismatch', order };
    }

    const records = await Promise.all(
      order.months.map(async (m) => {
        const res = (await tx.collection(COLLECTIONS.duesMonths).doc(monthDocId(order.memberId, m.month)).get()) as {
          data: DuesMonthDoc | null;
        };
        return res.data;
      }),
    );
    const alreadyPaid = order.months.filter((_m, i) => records[i]?.state === 'paid').map((m) => m.month);
    const changed = order.months
      .filter((m, i) => {
        const rec = records[i];
        return rec && rec.state !== 'paid' && rec.amountFen !== m.amountFen;
      })
      .map((m) => m.month);
    if (alreadyPaid.length > 0 || changed.length > 0) {
      const reason: UnappliedReason = alreadyPaid.length > 0 ? 'months_already_paid' : 'amount_changed';
      const months = alreadyPaid.length > 0 ? alreadyPaid : changed;
      await tx.collection(COLLECTIONS.duesOrders).doc(orderId).update({
        state: 'unapplied',
        unappliedReason: reason,
        transactionId: trade.transactionId,
        paidAt: trade.paidAt,
        updatedAt: now,
      });
      await log(
        tx,
        logEntry(orderId, source, 'unapplied', `${UNAPPLIED_DETAIL[reason]}：${months.join('、')}，需退款`, trade),
      );
      return {
        kind: 'unapplied',
        order: {
          ...order,
          state: 'unapplied',
          unappliedReason: reason,
          transactionId: trade.transactionId,
          paidAt: trade.paidAt,
        },
        reason,
        months,
      };
    }

    const paymentId = wxPaymentId(orderId);
    const payment: MonthPayment = { paymentId, channel: 'wxpay', receiptNo: orderId, paidAt: trade.paidAt, orderId };
    const onTimeMonths: string[] = [];
    await Promise.all(
      order.months.map(async (m, i) => {
        const rec = records[i];
        const onTime = isOnTime(m.month, trade.paidAt);
        if (onTime) onTimeMonths.push(m.month);
        const event = { at: now, event: 'paid' as const, by: 'wxpay', detail: orderId };
        const ref = tx.collection(COLLECTIONS.duesMonths).doc(monthDocId(order.memberId, m.month));
        if (rec) {
          await ref.update({
            state: 'paid',
            payment: _.set(payment),
            onTime,
            updatedAt: now,
            history: _.push([event]),
          });
          return;
        }
        // A month ahead that no timer has reached yet: created here, already paid.
        const body: Omit<DuesMonthDoc, '_id'> = {
          memberId: order.memberId,
          memberName: order.memberName,
          branchId: order.branchId,
          orgPath: order.orgPath,
          month: m.month,
          standardFen: m.standardFen,
          amountFen: m.amountFen,
          state: 'paid',
          relief: m.relief,
          payment,
          onTime,
          createdBy: 'payment',
          createdAt: now,
          updatedAt: now,
          history: [{ ...event, event: 'created' as const }, event],
        };
        await ref.set(body);
      }),
    );
    const receipt: Omit<DuesPaymentDoc, '_id'> = {
      kind: 'payment',
      memberId: order.memberId,
      memberName: order.memberName,
      branchId: order.branchId,
      orgPath: order.orgPath,
      channel: 'wxpay',
      receiptNo: orderId,
      months: order.months.map((m) => ({ month: m.month, amountFen: m.amountFen })),
      totalFen: order.totalFen,
      paidAt: trade.paidAt,
      recordedAt: now,
      recordedBy: 'wxpay',
      recordedByName: null,
      orderId,
      transactionId: trade.transactionId,
      reverses: null,
      note: null,
    };
    await tx.collection(COLLECTIONS.duesPayments).doc(paymentId).set(receipt);
    const paidOrder = {
      state: 'paid' as const,
      transactionId: trade.transactionId,
      paidAt: trade.paidAt,
      paymentId,
      updatedAt: now,
    };
    await tx.collection(COLLECTIONS.duesOrders).doc(orderId).update(paidOrder);
    await log(tx, logEntry(orderId, source, 'applied', `入账 ${order.months.map((m) => m.month).join('、')}`, trade));
    return {
      kind: 'applied',
      order: { ...order, ...paidOrder },
      payment: { ...receipt, _id: paymentId },
      onTimeMonths: onTimeMonths.sort(compareMonths),
    };
  });
}
