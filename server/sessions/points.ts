/**
 * Attendance earns points through the ledger, after the attendance record has committed and
 * outside its transaction. The ledger entry is keyed by the attendance id, so calling again (a
 * second scan, a retry after a timeout, a hand mark over a scan) adds nothing; the result is kept
 * on the record so later scans need not ask the ledger again.
 */
import { COLLECTIONS } from '../../database/collections';
import { POINTS_RULE_OF_KIND } from '../domain/sessions';
import { awardPoints } from '../points/award';
import { _, db } from '../platform/cloudbase';
import type { AttendanceDoc } from './session-doc';

export interface PointsOutcome {
  points: number | null;
  note: string | null;
}

/** Credit the attendance once; a ledger failure leaves the attendance recorded and is healed by the next call. */
export async function creditAttendance(att: AttendanceDoc, approvedBy: string): Promise<PointsOutcome> {
  if (att.points) return { points: att.points.points, note: att.points.capped ? att.points.reason : null };
  const ruleCode = POINTS_RULE_OF_KIND[att.sessionKind];
  if (!ruleCode || !att.checkedInAt) return { points: null, note: null };
  const volunteer = att.sessionKind === 'volunteer';
  try {
    const result = await awardPoints({
      memberId: att.memberId,
      ruleCode,
      source: { type: volunteer ? 'volunteer' : 'attendance', id: att._id },
      ...(volunteer && att.sessionServiceHours ? { quantity: att.sessionServiceHours } : {}),
      approvedBy,
      occurredAt: att.checkedInAt,
    });
    const points = { entryId: result.entryId, points: result.points, capped: result.capped, reason: result.reason };
    await db
      .collection(COLLECTIONS.sessionAttendance)
      .doc(att._id)
      .update({ points: _.set(points) });
    return { points: result.points, note: result.capped || result.points === 0 ? result.reason : null };
  } catch (err) {
    console.error(`[sessions] points for ${att._id} not credited yet`, err);
    return { points: null, note: '积分稍后到账' };
  }
}
