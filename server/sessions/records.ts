/** Building attendance records: the member and the session copied in, so lists need no join. */
import { attendanceIdOf } from '../domain/sessions';
import { isInflowMember } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import type { AttendanceDoc, SessionDoc } from './session-doc';

/** A fresh record for this member at this session, with nothing recorded yet. */
export function blankAttendance(session: SessionDoc, member: MemberDoc, now: Date): AttendanceDoc {
  return {
    _id: attendanceIdOf(session._id, member._id),
    sessionId: session._id,
    memberId: member._id,
    openid: member.openid,
    memberName: member.name,
    memberBranchId: member.branchId,
    memberBranchName: member.branchName,
    partyStatus: member.partyStatus,
    inflow: isInflowMember(member),
    ...sessionCopy(session),
    status: 'cancelled',
    seatShard: null,
    signedUpAt: null,
    leaveReason: null,
    checkedInAt: null,
    checkIn: null,
    points: null,
    changed: false,
    changeNote: null,
    updatedAt: now,
  };
}

/** The session's fields a record carries; refreshed on every edit of the session. */
export function sessionCopy(session: SessionDoc) {
  return {
    sessionKind: session.kind,
    sessionTitle: session.title,
    sessionStartAt: session.startAt,
    sessionEndAt: session.endAt,
    sessionOwnerPath: session.ownerPath,
    sessionAudienceType: session.audience.type,
    sessionBranchId: session.branchId,
    sessionServiceHours: session.serviceHours,
  };
}

/** The document body to `set` (everything but `_id`). */
export function bodyOf(att: AttendanceDoc): Omit<AttendanceDoc, '_id'> {
  const { _id, ...body } = att;
  void _id;
  return body;
}
