/** Receipts: reading payments and reversals, and showing them. */
import { COLLECTIONS } from '../../database/collections';
import type { DuesReceipt } from '../../typings/areas/dues';
import type { Page } from '../../typings/paging';
import { shanghaiDay } from '../domain/shanghai-day';
import { _, db } from '../platform/cloudbase';
import { readKeysetPage } from '../platform/keyset';
import type { DuesPaymentDoc } from './docs';

export function receiptView(p: DuesPaymentDoc, reversed: boolean): DuesReceipt {
  return {
    paymentId: p._id,
    receiptNo: p.receiptNo,
    kind: p.kind,
    channel: p.channel,
    months: p.months,
    totalFen: p.totalFen,
    paidAt: new Date(p.paidAt).toISOString(),
    paidOn: p.paidOn ?? shanghaiDay(new Date(p.paidAt)),
    reversed,
    reverses: p.reverses,
    note: p.note,
    recordedBy: p.channel === 'wxpay' ? null : (p.recordedByName ?? null),
  };
}

/** Which of these payments a reversal cancelled: one round trip (none for an empty list). */
export async function reversedAmong(paymentIds: string[]): Promise<Set<string>> {
  if (paymentIds.length === 0) return new Set();
  const res = await db
    .collection(COLLECTIONS.duesPayments)
    .where({ reverses: _.in(paymentIds) })
    .field({ reverses: true })
    .limit(paymentIds.length)
    .get();
  return new Set((res.data as { reverses: string }[]).map((r) => r.reverses));
}

/** A page of a member's receipts, newest first, each marked when reversed. Two round trips. */
export async function readReceipts(
  memberId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<DuesReceipt>> {
  const { rows: docs, nextCursor } = await readKeysetPage<DuesPaymentDoc>({
    collection: COLLECTIONS.duesPayments,
    where: { memberId },
    // By the moment each was recorded, not the day it was paid: a reversal is always listed above
    // the payment it cancels, even when that payment was received later in the day.
    sort: [
      ['recordedAt', 'desc'],
      ['_id', 'desc'],
    ],
    cursor,
    limit,
  });
  const reversed = await reversedAmong(docs.filter((d) => d.kind === 'payment').map((d) => d._id));
  return { items: docs.map((d) => receiptView(d, reversed.has(d._id))), nextCursor };
}

/** One payment by id, or null. One round trip. */
export async function findPayment(paymentId: string): Promise<DuesPaymentDoc | null> {
  const res = await db.collection(COLLECTIONS.duesPayments).doc(paymentId).get();
  return ((res.data as DuesPaymentDoc[])[0] as DuesPaymentDoc | undefined) ?? null;
}
