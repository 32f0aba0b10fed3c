/** Sessions as members and managers find them: lists, one session, and the changes members should see. */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { Page } from '../../typings/areas/member';
import type { SessionRow, SessionUpdate } from '../../typings/areas/sessions';
import { memberIdOf } from '../domain/ids';
import { scopeIds } from '../domain/scope';
import { attendanceIdOf, audienceKeysOfMember } from '../domain/sessions';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireAnyManager } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound, permissionDenied } from '../platform/errors';
import { labelled } from '../platform/validation';
import { orgIdSchema } from '../members/schemas';
import { readKeysetPage, type KeysetSort } from '../platform/keyset';
import { pageInput, pageOf, sessionIdSchema } from './schemas';
import { toRow, type AttendanceDoc, type SessionDoc } from './session-doc';
import {
  canManage,
  findAttendance,
  findAttendances,
  findCallerMember,
  findSeats,
  findSessions,
  inAudience,
  requireSession,
  seatsTaken,
} from './store';
import { statusFor, toDetail } from './views';

const EMPTY: Page<SessionRow> = { items: [], nextCursor: null };
const MY_STATUSES = ['signed_up', 'leave', 'attended'];
/** Upcoming soonest first; past (and one's own) newest first, ties mirrored so one index serves both. */
const SOONEST_FIRST: KeysetSort = [
  ['startAt', 'asc'],
  ['_id', 'asc'],
];
const LATEST_FIRST: KeysetSort = [
  ['startAt', 'desc'],
  ['_id', 'desc'],
];

/**
 * Sessions open to the caller: upcoming soonest first (the next one is what a member needs),
 * past newest first, and their own (signed up, on leave, attended) newest first. Someone not yet
 * assigned to a branch sees none.
 */
export const list: Handler<'sessions', 'list'> = {
  input: z.object({ tab: labelled(z.enum(['upcoming', 'mine', 'past']), '列表'), ...pageInput }),
  async run(input, { caller }) {
    const now = new Date();
    const { cursor, limit } = pageOf(input);
    const member = await findCallerMember(caller.openid);
    if (!member || member.state !== 'active' || !member.branchId) return EMPTY;

    if (input.tab === 'mine') {
      const { rows: records, nextCursor } = await readKeysetPage<AttendanceDoc>({
        collection: COLLECTIONS.sessionAttendance,
        where: { memberId: member._id, status: _.in(MY_STATUSES) },
        sort: [
          ['sessionStartAt', 'desc'],
          ['_id', 'desc'],
        ],
        cursor,
        limit,
      });
      const ids = records.map((r) => r.sessionId);
      const [sessions, seats] = await Promise.all([findSessions(ids), findSeats(ids)]);
      return {
        items: records.flatMap((r) => {
          const s = sessions.get(r.sessionId);
          return s ? [toRow(s, seatsTaken(seats.get(s._id)), statusFor(s, r, now, member))] : [];
        }),
        nextCursor,
      };
    }

    const upcoming = input.tab === 'upcoming';
    const { rows: sessions, nextCursor } = await readKeysetPage<SessionDoc>({
      collection: COLLECTIONS.sessions,
      where: {
        audienceKey: _.in(audienceKeysOfMember(member)),
        state: 'published',
        endAt: upcoming ? _.gt(now) : _.lte(now),
      },
      sort: upcoming ? SOONEST_FIRST : LATEST_FIRST,
      cursor,
      limit,
    });
    const [records, seats] = await Promise.all([
      findAttendances(sessions.map((s) => attendanceIdOf(s._id, member._id))),
      findSeats(sessions.map((s) => s._id)),
    ]);
    return {
      items: sessions.map((s) =>
        toRow(
          s,
          seatsTaken(seats.get(s._id)),
          statusFor(s, records.get(attendanceIdOf(s._id, member._id)) ?? null, now, member),
        ),
      ),
      nextCursor,
    };
  },
};

/**
 * Sessions the caller manages: those owned at or under the nodes they hold a role for (or under
 * `scopeId`, which they must run). Cancelled ones are listed too, marked by their state.
 */
export const managed: Handler<'sessions', 'managed'> = {
  input: z.object({
    tab: labelled(z.enum(['upcoming', 'past']), '列表'),
    scopeId: orgIdSchema('组织').optional(),
    ...pageInput,
  }),
  async run(input, { caller }) {
    const now = new Date();
    const { cursor, limit } = pageOf(input);
    const access = await loadAccess(caller);
    requireAnyManager(access);
    const where: Record<string, unknown> = {};
    if (input.scopeId) {
      const org = await findOrg(input.scopeId);
      if (!org) throw notFound('该组织不存在');
      if (!canManage(access, { ownerPath: [...org.ancestors, org._id] })) {
        throw permissionDenied('该组织不在您的管理范围内');
      }
      where.ownerPath = input.scopeId;
    } else if (!access.isSuperAdmin) {
      where.ownerPath = _.in(scopeIds(access));
    }
    const upcoming = input.tab === 'upcoming';
    where.endAt = upcoming ? _.gt(now) : _.lte(now);
    const { rows: sessions, nextCursor } = await readKeysetPage<SessionDoc>({
      collection: COLLECTIONS.sessions,
      where,
      sort: upcoming ? SOONEST_FIRST : LATEST_FIRST,
      cursor,
      limit,
    });
    const seats = await findSeats(sessions.map((s) => s._id));
    return {
      items: sessions.map((s) => toRow(s, seatsTaken(seats.get(s._id)), null)),
      nextCursor,
    };
  },
};

/** One session, to a member it is open to or to a manager. */
export const detail: Handler<'sessions', 'detail'> = {
  input: z.object({ sessionId: sessionIdSchema }),
  async run({ sessionId }, { caller }) {
    const now = new Date();
    const [member, access, session, attendance, seats] = await Promise.all([
      findCallerMember(caller.openid),
      loadAccess(caller),
      requireSession(sessionId),
      findAttendance(sessionId, memberIdOf(caller.openid)),
      findSeats([sessionId]),
    ]);
    if (!inAudience(member, session) && !canManage(access, session)) {
      throw permissionDenied('这个活动不面向您所在的支部');
    }
    return toDetail(session, seatsTaken(seats.get(sessionId)), { member, attendance, access }, now);
  },
};

const MAX_UPDATES = 20;

/** Changes (new time, place, cancellation) to sessions the caller signed up for or asked leave from, not yet seen. */
export const updates: Handler<'sessions', 'updates'> = {
  input: z.object({}),
  async run(_input, { caller }) {
    const res = await db
      .collection(COLLECTIONS.sessionAttendance)
      .where({ memberId: memberIdOf(caller.openid), changed: true })
      .orderBy('sessionStartAt', 'asc')
      .limit(MAX_UPDATES)
      .get();
    const records = res.data as AttendanceDoc[];
    const sessions = await findSessions(records.map((r) => r.sessionId));
    const items: SessionUpdate[] = records.flatMap((r) => {
      const s = sessions.get(r.sessionId);
      if (!s) return [];
      return [
        {
          sessionId: s._id,
          title: s.title,
          startAt: s.startAt.toISOString(),
          state: s.state,
          note: r.changeNote ?? '活动内容有更新',
        },
      ];
    });
    return { items };
  },
};

/** The caller has seen the change; it leaves their list. */
export const ackUpdate: Handler<'sessions', 'ackUpdate'> = {
  input: z.object({ sessionId: sessionIdSchema }),
  async run({ sessionId }, { caller }) {
    const res = await db
      .collection(COLLECTIONS.sessionAttendance)
      .doc(attendanceIdOf(sessionId, memberIdOf(caller.openid)))
      .update({ changed: false, changeNote: null });
    return { acknowledged: (res as { updated?: number }).updated === 1 };
  },
};
