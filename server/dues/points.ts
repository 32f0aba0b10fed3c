/**
 * Paying on time earns points ('dues.on_time'), one entry per month record: the ledger's entry id
 * is deterministic on the source, so a repeated award adds nothing. Always called after the
 * payment has committed, outside its transaction.
 */
import { COLLECTIONS } from '../../database/collections';
import { db } from '../platform/cloudbase';
import { awardPoints } from '../points/award';
import { monthDocId, type DuesOrderDoc } from './docs';
import { isOnTime } from './settle';

export const ON_TIME_RULE = 'dues.on_time';

/** Awards each month in turn; false when any failed (logged), so the caller can try again later. */
export async function awardOnTimePoints(
  memberId: string,
  months: readonly string[],
  paidAt: Date,
  approvedBy: string,
): Promise<boolean> {
  let ok = true;
  for (const month of months) {
    try {
      await awardPoints({
        memberId,
        ruleCode: ON_TIME_RULE,
        source: { type: 'payment', id: monthDocId(memberId, month) },
        approvedBy,
        occurredAt: paidAt,
      });
    } catch (err) {
      ok = false;
      console.error(`[dues] on-time points for ${memberId} ${month} failed`, err);
    }
  }
  return ok;
}

/** Points for a paid WeChat order's on-time months; marks the order so a repeated callback skips it. */
export async function awardOrderPoints(order: DuesOrderDoc): Promise<boolean> {
  if (!order.paidAt) return true;
  const paidAt = new Date(order.paidAt);
  const months = order.months.map((m) => m.month).filter((m) => isOnTime(m, paidAt));
  if (months.length === 0) return true;
  const ok = await awardOnTimePoints(order.memberId, months, paidAt, 'system');
  if (ok) await db.collection(COLLECTIONS.duesOrders).doc(order._id).update({ pointsAwarded: true });
  return ok;
}
