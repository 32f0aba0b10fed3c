/**
 * Attendance earns points through the ledger. The attendance record is written first, marked
 * `pointsPending`; the award's transaction then writes the ledger entry, the totals and the
 * record's `points` together, clearing the mark. A process that dies in between leaves the mark,
 * and `creditPendingAttendance` (the sessions timer, and points reconcile for one member) finishes
 * it. The ledger entry is keyed by the attendance id, so calling again (a second scan, a retry, a
 * hand mark over a scan, the sweep) adds nothing.
 */
import { COLLECTIONS } from '../../database/collections';
import { POINTS_RULE_OF_KIND } from '../domain/sessions';
import { applyAward, prepareAward, settleAward, type AwardResult, type MemberPlacement } from '../points/award';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { AttendanceDoc } from './session-doc';

export interface PointsOutcome {
  points: number | null;
  note: string | null;
  /** True when the award could not be made now and the record stays pending. */
  pending?: boolean;
}

/** Whether attended records of this kind of session earn points (and so start as pending). */
export const earnsPoints = (kind: AttendanceDoc['sessionKind']) => !!POINTS_RULE_OF_KIND[kind];

const stored = (r: AwardResult): NonNullable<AttendanceDoc['points']> => ({
  entryId: r.entryId,
  points: r.points,
  capped: r.capped,
  reason: r.reason,
});

const outcomeOf = (p: NonNullable<AttendanceDoc['points']>): PointsOutcome => ({
  points: p.points,
  note: p.capped || p.points === 0 ? p.reason : null,
});

/**
 * Credit the attendance once. `member` is the placement the caller already read (check-in has
 * it), saving a read. A ledger failure leaves the record pending, healed by the next call or the sweep.
 */
export async function creditAttendance(
  att: AttendanceDoc,
  approvedBy: string,
  member?: MemberPlacement,
): Promise<PointsOutcome> {
  if (att.points) return outcomeOf(att.points);
  const ruleCode = POINTS_RULE_OF_KIND[att.sessionKind];
  if (!ruleCode || !att.checkedInAt) return { points: null, note: null };
  const volunteer = att.sessionKind === 'volunteer';
  const record = (tx?: Transaction) => (tx ?? db).collection(COLLECTIONS.sessionAttendance).doc(att._id);
  try {
    const prepared = await prepareAward(
      {
        memberId: att.memberId,
        ruleCode,
        source: { type: volunteer ? 'volunteer' : 'attendance', id: att._id },
        ...(volunteer && att.sessionServiceHours ? { quantity: att.sessionServiceHours } : {}),
        approvedBy,
        occurredAt: att.checkedInAt,
      },
      member ? { member } : {},
    );
    if (!prepared.ready) {
      const points = stored(prepared.result);
      await record().update({ points: _.set(points), pointsPending: false });
      return outcomeOf(points);
    }
    const now = new Date();
    let written = false;
    const { result } = await settleAward(prepared.award, async (tx) => {
      const applied = await applyAward(tx, prepared.award, now);
      await record(tx).update({ points: _.set(stored(applied.result)), pointsPending: false });
      written = true;
      return applied;
    });
    // The entry existed already (an earlier call died after the ledger write): record it now.
    if (!written) await record().update({ points: _.set(stored(result)), pointsPending: false });
    return outcomeOf(stored(result));
  } catch (err) {
    console.error(`[sessions] points for ${att._id} not credited yet`, err);
    return { points: null, note: '积分稍后到账', pending: true };
  }
}

/** Attendance still pending after this long was left by a call that did not finish. */
const PENDING_GRACE_MS = 2 * 60_000;
/** Records one sweep finishes; the next run takes the rest. */
const SWEEP_LIMIT = 200;

/**
 * Finish the awards left pending (all members, or one): for the sessions timer and points
 * reconcile. Returns how many records it credited.
 */
export async function creditPendingAttendance(
  options: { memberId?: string; now?: Date } = {},
): Promise<{ credited: number; left: number }> {
  const now = options.now ?? new Date();
  const res = await db
    .collection(COLLECTIONS.sessionAttendance)
    .where({
      pointsPending: true,
      ...(options.memberId ? { memberId: options.memberId } : {}),
      checkedInAt: _.lt(new Date(now.getTime() - PENDING_GRACE_MS)),
    })
    .limit(SWEEP_LIMIT)
    .get();
  let credited = 0;
  for (const att of res.data as AttendanceDoc[]) {
    const outcome = await creditAttendance(att, 'system');
    if (!outcome.pending) credited += 1;
  }
  return { credited, left: res.data.length - credited };
}
