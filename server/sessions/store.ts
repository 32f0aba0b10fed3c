/** Reads of the sessions area, and the checks that go with them. */
import { COLLECTIONS } from '../../database/collections';
import { memberIdOf } from '../domain/ids';
import { canRunBranch, type Access, type TreePlace } from '../domain/scope';
import { attendanceIdOf, SEAT_SHARDS, seatsTakenOf } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import { _, db } from '../platform/cloudbase';
import { failedPrecondition, notFound } from '../platform/errors';
import { withId, type AttendanceDoc, type SeatDoc, type SessionDoc } from './session-doc';

export const BRANCH_TYPES = ['branch', 'mobile_branch'];

/** One session, or null. One round trip. */
export async function findSession(id: string): Promise<SessionDoc | null> {
  const res = await db.collection(COLLECTIONS.sessions).doc(id).get();
  return ((res.data as SessionDoc[])[0] as SessionDoc | undefined) ?? null;
}

export async function requireSession(id: string): Promise<SessionDoc> {
  const session = await findSession(id);
  if (!session) throw notFound('这个活动不存在或已被删除');
  return session;
}

/** One attendance record, or null. One round trip. */
export async function findAttendance(sessionId: string, memberId: string): Promise<AttendanceDoc | null> {
  const res = await db.collection(COLLECTIONS.sessionAttendance).doc(attendanceIdOf(sessionId, memberId)).get();
  return ((res.data as AttendanceDoc[])[0] as AttendanceDoc | undefined) ?? null;
}

/** The caller's own member record, or null before registration. One round trip. */
export async function findCallerMember(openid: string): Promise<MemberDoc | null> {
  const res = await db.collection(COLLECTIONS.members).doc(memberIdOf(openid)).get();
  return ((res.data as MemberDoc[])[0] as MemberDoc | undefined) ?? null;
}

/** A member who may take part in organisational life: registered, assigned and active. */
export function requireActiveMember(member: MemberDoc | null): MemberDoc {
  if (!member) throw failedPrecondition('您还没有报到。请先在首页报到，划转到支部后就能参加活动');
  if (member.state !== 'active' || !member.branchId) {
    throw failedPrecondition('您的报到还在办理中，划转到支部后才能参加活动');
  }
  return member;
}

/** Sessions by id, in one round trip. */
export async function findSessions(ids: readonly string[]): Promise<Map<string, SessionDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await db
    .collection(COLLECTIONS.sessions)
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((res.data as SessionDoc[]).map((s) => [s._id, s]));
}

/** Attendance records by id, in one round trip. */
export async function findAttendances(ids: readonly string[]): Promise<Map<string, AttendanceDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await db
    .collection(COLLECTIONS.sessionAttendance)
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((res.data as AttendanceDoc[]).map((a) => [a._id, a]));
}

/** The place counters of sessions, by session id, in one round trip (shards in order). */
export async function findSeats(sessionIds: readonly string[]): Promise<Map<string, SeatDoc[]>> {
  const unique = [...new Set(sessionIds)];
  const bySession = new Map<string, SeatDoc[]>(unique.map((id) => [id, []]));
  if (unique.length === 0) return bySession;
  const res = await db
    .collection(COLLECTIONS.sessionSeats)
    .where({ sessionId: _.in(unique) })
    .limit(unique.length * SEAT_SHARDS)
    .get();
  for (const seat of res.data as SeatDoc[]) bySession.get(seat.sessionId)?.push(seat);
  for (const seats of bySession.values()) seats.sort((a, b) => a.shard - b.shard);
  return bySession;
}

/** Places taken in one session, from its counters. */
export const seatsTaken = (seats: readonly SeatDoc[] | undefined) => seatsTakenOf(seats ?? []);

/** Where the session sits in the tree: its audience node, under which its managers are found. */
export function ownerPlace(session: Pick<SessionDoc, 'ownerPath'>): TreePlace {
  return { id: session.ownerPath[session.ownerPath.length - 1]!, ancestors: session.ownerPath.slice(0, -1) };
}

/** The secretary of the audience branch, or an administrator above the audience node. */
export function canManage(access: Access, session: Pick<SessionDoc, 'ownerPath'>): boolean {
  return canRunBranch(access, ownerPlace(session));
}

/** Whether the session is open to this member: their branch, or a node above it. */
export function inAudience(
  member: Pick<MemberDoc, 'state' | 'branchId' | 'orgPath'> | null,
  session: Pick<SessionDoc, 'audience'>,
): boolean {
  if (!member || member.state !== 'active' || !member.branchId) return false;
  return session.audience.type === 'branch'
    ? member.branchId === session.audience.orgId
    : member.orgPath.includes(session.audience.orgId);
}

/** Active members of a branch: whom a branch's own session expects. One round trip. */
export async function countExpected(branchId: string): Promise<number> {
  const res = await db.collection(COLLECTIONS.members).where({ branchId, state: 'active' }).count();
  return res.total;
}

/** When the member last became active in their branch (assignment or transfer): sessions before it did not expect them. */
export function joinedBranchAt(member: Pick<MemberDoc, 'history'>): Date | null {
  for (let i = member.history.length - 1; i >= 0; i--) {
    const h = member.history[i]!;
    if (h.to === 'active') return h.at;
  }
  return null;
}

export { withId };
