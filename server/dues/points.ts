/**
 * Paying on time earns points ('dues.on_time'), one entry per month record: the ledger's entry id
 * is deterministic on the source, so a repeated award adds nothing. Always called after the
 * payment has committed, outside its transaction. The ledger itself says whether an order's
 * points are recorded (no flag on the order to keep in step, and one write less per payment).
 */
import { entryIdOf } from '../domain/points/ids';
import { awardWith, placementOf, type MemberPlacement } from '../points/award';
import { countEntries } from '../points/store';
import { monthDocId, type DuesOrderDoc } from './docs';
import { isOnTime } from './settle';

export const ON_TIME_RULE = 'dues.on_time';

/** Awards each month in turn; false when any failed (logged), so the caller can try again later. */
export async function awardOnTimePoints(
  memberId: string,
  months: readonly string[],
  paidAt: Date,
  approvedBy: string,
  member?: MemberPlacement,
): Promise<boolean> {
  let ok = true;
  for (const month of months) {
    try {
      await awardWith(
        {
          memberId,
          ruleCode: ON_TIME_RULE,
          source: { type: 'payment', id: monthDocId(memberId, month) },
          approvedBy,
          occurredAt: paidAt,
        },
        member ? { member } : {},
      );
    } catch (err) {
      ok = false;
      console.error(`[dues] on-time points for ${memberId} ${month} failed`, err);
    }
  }
  return ok;
}

/** The member as the order recorded them at payment, so the award need not read them again. */
function placementOfOrder(order: DuesOrderDoc): MemberPlacement | undefined {
  if (order.branchName === undefined) return undefined;
  const { memberId: _id, memberName: name, branchId, branchName, orgPath } = order;
  return placementOf({ _id, name, branchId, branchName, orgPath });
}

/** The months of a paid order that earn points: those paid on time. */
function onTimeMonths(order: DuesOrderDoc): { paidAt: Date; months: string[] } | null {
  if (!order.paidAt) return null;
  const paidAt = new Date(order.paidAt);
  const months = order.months.map((m) => m.month).filter((m) => isOnTime(m, paidAt));
  return months.length > 0 ? { paidAt, months } : null;
}

/** Points for a paid WeChat order's on-time months. */
export async function awardOrderPoints(order: DuesOrderDoc): Promise<boolean> {
  const due = onTimeMonths(order);
  if (!due) return true;
  return awardOnTimePoints(order.memberId, due.months, due.paidAt, 'system', placementOfOrder(order));
}

/** Whether a paid order's points are all in the ledger (one count); a repeated notify checks this. */
export async function orderPointsRecorded(order: DuesOrderDoc): Promise<boolean> {
  const due = onTimeMonths(order);
  if (!due) return true;
  const ids = due.months.map((month) =>
    entryIdOf(order.memberId, ON_TIME_RULE, { type: 'payment', id: monthDocId(order.memberId, month) }),
  );
  return (await countEntries(ids)) === ids.length;
}
