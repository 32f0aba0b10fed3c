/** What the sessions function returns, built from stored documents. */
import type {
  AttendanceStatus,
  MyAttendance,
  RosterRow,
  SessionDetail,
  VotingRight,
} from '../../typings/areas/sessions';
import type { Access } from '../domain/scope';
import {
  beforeStart,
  checkinOpensAt,
  checkinPhase,
  hasEnded,
  hasFreeSeat,
  isInflowMember,
  myStatus,
  rosterStatus,
  votingRightOf,
} from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import type { AttendanceDoc, SessionDoc } from './session-doc';
import { toRow } from './session-doc';
import { canManage, inAudience, joinedBranchAt } from './store';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The member's right at a session that votes; null when it does not vote. */
export function votingRightOfMember(
  session: Pick<SessionDoc, 'hasVote'>,
  member: Pick<MemberDoc, 'partyStatus' | 'home'>,
): VotingRight | null {
  return votingRightOf(session, { inflow: isInflowMember(member), partyStatus: member.partyStatus });
}

/**
 * The caller's standing: their record, or absent after the end of a branch session they were
 * expected at (one that started after they joined the branch).
 */
export function statusFor(
  session: SessionDoc,
  att: AttendanceDoc | null,
  now: Date,
  member: Pick<MemberDoc, 'history'>,
): SessionDetail['myStatus'] {
  const joined = joinedBranchAt(member);
  const expected = session.audience.type === 'branch' && (!joined || session.startAt >= joined);
  return myStatus(att?.status ?? null, hasEnded(session, now), expected);
}

/** The full session as the caller may see it, with what they may do now. */
export function toDetail(
  session: SessionDoc,
  seatsTaken: number,
  viewer: { member: MemberDoc | null; attendance: AttendanceDoc | null; access: Access | null },
  now: Date,
): SessionDetail {
  const { member, attendance } = viewer;
  const open = session.state === 'published';
  const member_ = inAudience(member, session) ? member : null;
  const status: AttendanceStatus | null = attendance?.status ?? null;
  const early = beforeStart(session, now);
  const signedUp = status === 'signed_up';
  const place =
    session.place?.type === 'station'
      ? {
          type: 'station' as const,
          stationId: session.place.stationId,
          name: session.place.name,
          address: session.place.address,
        }
      : session.place
        ? { type: 'address' as const, stationId: null, name: '', address: session.place.address }
        : null;
  return {
    ...toRow(session, seatsTaken, member_ ? statusFor(session, attendance, now, member_) : null),
    agenda: session.agenda,
    place,
    onlineUrl: session.onlineUrl,
    materials: session.materials,
    serviceHours: session.serviceHours,
    hasVote: session.hasVote,
    audience: session.audience,
    cancelReason: session.cancelReason,
    version: session.version,
    checkInOpensAt: checkinOpensAt(session).toISOString(),
    canSignUp:
      !!member_ &&
      open &&
      early &&
      status !== 'signed_up' &&
      status !== 'attended' &&
      hasFreeSeat(session.capacity, seatsTaken),
    canCancelSignUp: !!member_ && open && early && signedUp,
    canAskLeave: !!member_ && open && early && status !== 'leave' && status !== 'attended',
    canCheckIn: !!member_ && open && status !== 'attended' && checkinPhase(session, now) === 'open',
    canManage: viewer.access ? canManage(viewer.access, session) : false,
    myLeaveReason: status === 'leave' ? (attendance?.leaveReason ?? null) : null,
    myCheckedInAt: status === 'attended' ? iso(attendance?.checkedInAt ?? null) : null,
    myVotingRight: member_ ? votingRightOfMember(session, member_) : null,
  };
}

export function toMyAttendance(
  session: Pick<SessionDoc, '_id' | 'capacity'>,
  seatsTaken: number,
  att: AttendanceDoc,
): MyAttendance {
  return {
    sessionId: session._id,
    status: att.status,
    seatsTaken,
    capacity: session.capacity,
    leaveReason: att.status === 'leave' ? att.leaveReason : null,
    checkedInAt: att.status === 'attended' ? iso(att.checkedInAt) : null,
  };
}

/** A roster line from a record (or from the member alone, when they have none). */
export function toRosterRow(
  session: SessionDoc,
  who: { memberId: string; name: string; branchName: string | null; voting: VotingRight | null },
  att: AttendanceDoc | null,
  now: Date,
): RosterRow {
  const status = att?.status ?? null;
  return {
    memberId: who.memberId,
    name: who.name,
    branchName: who.branchName,
    status: rosterStatus(status, hasEnded(session, now)),
    checkedInAt: status === 'attended' ? iso(att?.checkedInAt ?? null) : null,
    method: status === 'attended' ? (att?.checkIn?.method ?? null) : null,
    reason:
      status === 'attended' ? (att?.checkIn?.reason ?? null) : status === 'leave' ? (att?.leaveReason ?? null) : null,
    votingRight: who.voting,
    points: att?.points?.points ?? null,
  };
}

/** A roster line from a record alone (open sessions, or a filtered list). */
export function rosterRowOfRecord(session: SessionDoc, att: AttendanceDoc, now: Date): RosterRow {
  return toRosterRow(
    session,
    {
      memberId: att.memberId,
      name: att.memberName,
      branchName: att.memberBranchName,
      voting: votingRightOf(session, { inflow: att.inflow, partyStatus: att.partyStatus }),
    },
    att,
    now,
  );
}
