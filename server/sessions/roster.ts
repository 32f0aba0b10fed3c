/**
 * The secretary's attendance list of a session, with the figures (signed up, attended, on leave,
 * absent) from one aggregation, and attendance marked by hand with a reason (audit-logged).
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { Roster, RosterRow } from '../../typings/areas/sessions';
import { attendanceIdOf, handMarkOpen, hasEnded, seatIdOf, summarise, type StatusCounts } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import { findMember } from '../members/store';
import { loadAccess, refuseOwnRecord } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, notFound, permissionDenied } from '../platform/errors';
import { readKeysetPage, type KeysetSort } from '../platform/keyset';
import { labelled } from '../platform/validation';
import { placementOf } from '../points/award';
import { creditAttendance, earnsPoints } from './points';
import { bodyOf, blankAttendance } from './records';
import { inTransaction } from '../platform/transaction';
import { memberIdSchema, pageInput, pageOf, reasonSchema, sessionIdSchema } from './schemas';
import { toRow, withId, type AttendanceDoc, type SessionDoc } from './session-doc';
import {
  canManage,
  countExpected,
  findAttendance,
  findAttendances,
  findSeats,
  inAudience,
  requireSession,
  seatsTaken,
} from './store';
import { rosterRowOfRecord, toRosterRow, votingRightOfMember } from './views';
import { askRecount } from './tally';

/** Per-status counts of one session's records: one aggregation. */
async function statusCounts(sessionId: string): Promise<StatusCounts> {
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.sessionAttendance)
    .aggregate()
    .match({ sessionId })
    .group({ _id: '$status', n: $.sum(1) })
    .end();
  const counts: StatusCounts = { signed_up: 0, leave: 0, attended: 0 };
  for (const g of (res as { data: { _id: string; n: number }[] }).data) {
    if (g._id in counts) counts[g._id as keyof StatusCounts] = g.n;
  }
  return counts;
}

/** Keep the expected count of a branch's session current until it ends: members join and leave. */
async function currentExpected(session: SessionDoc, now: Date): Promise<number | null> {
  if (session.audience.type !== 'branch' || hasEnded(session, now)) return session.expected;
  const expected = await countExpected(session.audience.orgId);
  if (expected !== session.expected) {
    await db.collection(COLLECTIONS.sessions).doc(session._id).update({ expected });
  }
  return expected;
}

const MEMBER_FIELDS = { _id: true, name: true, branchName: true, partyStatus: true, home: true };

/**
 * The list: for a branch's own session, every active member of the branch by name with their
 * standing (so the absent can be seen and marked); for an open session, or filtered by status,
 * the records themselves.
 */
export const roster: Handler<'sessions', 'roster'> = {
  input: z.object({
    sessionId: sessionIdSchema,
    status: labelled(z.enum(['signed_up', 'leave', 'attended']), '出勤情况').optional(),
    ...pageInput,
  }),
  async run(input, { caller }) {
    const now = new Date();
    const [access, session] = await Promise.all([loadAccess(caller), requireSession(input.sessionId)]);
    if (!canManage(access, session)) throw permissionDenied('这个活动不在您的管理范围内');
    const { cursor, limit } = pageOf(input);
    const byMembers = session.audience.type === 'branch' && !input.status;
    const [counts, expected, page, seats] = await Promise.all([
      statusCounts(session._id),
      currentExpected(session, now),
      byMembers ? memberPage(session, cursor, limit, now) : recordPage(session, input.status, cursor, limit, now),
      findSeats([session._id]),
    ]);
    const taken = seatsTaken(seats.get(session._id));
    const ended = hasEnded(session, now);
    const result: Roster = {
      session: { ...toRow(session, taken, null), hasVote: session.hasVote, ended },
      summary: summarise({
        audienceType: session.audience.type,
        expected,
        seatsTaken: taken,
        counts,
        ended,
      }),
      rows: page,
    };
    return result;
  },
};

/** Rosters list by name; keyset, so marking someone between two pages hides nobody. */
const BY_NAME = (field: string): KeysetSort => [
  [field, 'asc'],
  ['_id', 'asc'],
];

async function memberPage(session: SessionDoc, cursor: string | undefined, limit: number, now: Date) {
  const { rows: members, nextCursor } = await readKeysetPage<MemberDoc>({
    collection: COLLECTIONS.members,
    where: { branchId: session.audience.orgId, state: 'active' },
    sort: BY_NAME('name'),
    cursor,
    limit,
    field: MEMBER_FIELDS,
  });
  const records = await findAttendances(members.map((m) => attendanceIdOf(session._id, m._id)));
  return {
    items: members.map((m) =>
      toRosterRow(
        session,
        {
          memberId: m._id,
          name: m.name,
          branchName: m.branchName,
          voting: votingRightOfMember(session, m),
        },
        records.get(attendanceIdOf(session._id, m._id)) ?? null,
        now,
      ),
    ),
    nextCursor,
  };
}

async function recordPage(
  session: SessionDoc,
  status: 'signed_up' | 'leave' | 'attended' | undefined,
  cursor: string | undefined,
  limit: number,
  now: Date,
) {
  const { rows, nextCursor } = await readKeysetPage<AttendanceDoc>({
    collection: COLLECTIONS.sessionAttendance,
    where: { sessionId: session._id, status: status ?? _.in(['signed_up', 'leave', 'attended']) },
    sort: BY_NAME('memberName'),
    cursor,
    limit,
  });
  return { items: rows.map((a) => rosterRowOfRecord(session, a, now)), nextCursor };
}

/**
 * Mark a member attended or on leave by hand, with the reason. Marking what is already so changes
 * nothing; an attended record is not taken back (its points are in the ledger: a correction there
 * is a reversal entry, made by an administrator).
 */
export const mark: Handler<'sessions', 'mark'> = {
  input: z.object({
    sessionId: sessionIdSchema,
    memberId: memberIdSchema,
    status: labelled(z.enum(['attended', 'leave']), '出勤情况'),
    reason: reasonSchema('登记原因'),
  }),
  async run({ sessionId, memberId, status, reason }, { caller }) {
    const now = new Date();
    const [access, session, member, known] = await Promise.all([
      loadAccess(caller),
      requireSession(sessionId),
      findMember(memberId),
      findAttendance(sessionId, memberId),
    ]);
    if (!canManage(access, session)) throw permissionDenied('这个活动不在您的管理范围内');
    refuseOwnRecord(caller, memberId, '不能登记本人的出勤，请由其他负责人登记');
    if (session.state === 'cancelled') throw failedPrecondition('这个活动已经取消了');
    const window = handMarkOpen(session, now);
    if (window === 'early') throw failedPrecondition('活动开始前 30 分钟起才能登记出勤');
    if (window === 'late') throw failedPrecondition('活动结束已超过 30 天，不能再补登');
    if (!member) throw notFound('该党员记录不存在');
    if (!inAudience(member, session)) throw failedPrecondition('该党员不在这次活动的参加范围内');
    const row = (att: AttendanceDoc, points: number | null): RosterRow => ({
      ...toRosterRow(
        session,
        {
          memberId: member._id,
          name: member.name,
          branchName: member.branchName,
          voting: votingRightOfMember(session, member),
        },
        att,
        now,
      ),
      points,
    });

    if (status === 'attended') {
      if (known?.status === 'attended') {
        const points = await creditAttendance(known, caller.openid, placementOf(member));
        return row(known, points.points);
      }
      const attId = attendanceIdOf(sessionId, memberId);
      const { att } = await inTransaction(async (tx: Transaction) => {
        const res = (await tx.collection(COLLECTIONS.sessionAttendance).doc(attId).get()) as {
          data: AttendanceDoc | null;
        };
        const current = res.data ? withId<AttendanceDoc>(res.data, attId) : null;
        if (current?.status === 'attended') return { att: current };
        const next: AttendanceDoc = {
          ...(current ?? blankAttendance(session, member, now)),
          status: 'attended',
          checkedInAt: now,
          checkIn: { method: 'hand', by: caller.openid, reason },
          changed: false,
          pointsPending: earnsPoints(session.kind),
          updatedAt: now,
        };
        await tx.collection(COLLECTIONS.sessionAttendance).doc(attId).set(bodyOf(next));
        await askRecount(tx, session, now);
        await writeAudit(
          {
            actor: caller.openid,
            action: 'session.markAttended',
            target: { collection: COLLECTIONS.sessionAttendance, id: attId },
            before: { status: current?.status ?? null },
            after: { status: 'attended' },
            reason,
          },
          tx,
        );
        return { att: next };
      });
      const points = await creditAttendance(att, caller.openid, placementOf(member));
      return row(att, points.points);
    }

    if (known?.status === 'attended') throw failedPrecondition('该党员已经签到，不能改为请假');
    if (known?.status === 'leave' && known.leaveReason === reason) return row(known, null);
    const att = await inTransaction(async (tx: Transaction) => {
      const attId = attendanceIdOf(sessionId, memberId);
      const [sRes, aRes] = (await Promise.all([
        tx.collection(COLLECTIONS.sessions).doc(sessionId).get(),
        tx.collection(COLLECTIONS.sessionAttendance).doc(attId).get(),
      ])) as [{ data: SessionDoc | null }, { data: AttendanceDoc | null }];
      if (!sRes.data) throw notFound('这个活动不存在或已被删除');
      const current = aRes.data ? withId<AttendanceDoc>(aRes.data, attId) : null;
      if (current?.status === 'attended') throw failedPrecondition('该党员已经签到，不能改为请假');
      const next: AttendanceDoc = {
        ...(current ?? blankAttendance(withId<SessionDoc>(sRes.data, sessionId), member, now)),
        status: 'leave',
        seatShard: null,
        leaveReason: reason,
        checkIn: null,
        updatedAt: now,
      };
      if (current && current.seatShard !== null && current.seatShard !== undefined) {
        await tx
          .collection(COLLECTIONS.sessionSeats)
          .doc(seatIdOf(sessionId, current.seatShard))
          .update({ taken: _.inc(-1) });
      }
      await tx.collection(COLLECTIONS.sessionAttendance).doc(attId).set(bodyOf(next));
      await askRecount(tx, { _id: sessionId, endAt: sRes.data.endAt }, now);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'session.markLeave',
          target: { collection: COLLECTIONS.sessionAttendance, id: attId },
          before: { status: current?.status ?? null },
          after: { status: 'leave' },
          reason,
        },
        tx,
      );
      return next;
    });
    return row(att, null);
  },
};
