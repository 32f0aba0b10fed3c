/**
 * A member signs up, cancels, or asks leave (请假) before the start. Places are counted on the
 * session's counter documents (`SeatDoc`, a few per session, their quotas adding up to the
 * capacity): a sign-up reads one counter with room and the member's record inside a transaction
 * and writes both, so two sign-ups for the last place of a counter cannot both commit; the loser
 * retries (`inTransaction`) or moves to another counter, and is told "full" only when every counter is.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import { attendanceIdOf, beforeStart, pickShard, seatIdOf, seatsTakenOf, type ShardState } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import { _, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { AppError, failedPrecondition, notFound, permissionDenied } from '../platform/errors';
import { bodyOf, blankAttendance } from './records';
import { busy, inTransaction } from '../platform/transaction';
import { reasonSchema, sessionIdSchema } from './schemas';
import { withId, type AttendanceDoc, type SeatDoc, type SessionDoc } from './session-doc';
import { findAttendance, findCallerMember, findSeats, findSession, inAudience, requireActiveMember } from './store';
import { toMyAttendance } from './views';

interface TxState {
  session: SessionDoc;
  att: AttendanceDoc | null;
}

type TxGet<T> = { data: T | null };

/** Read the session and the member's record inside the transaction, and check the session is open to them. */
async function readForChange(tx: Transaction, sessionId: string, member: MemberDoc): Promise<TxState> {
  const attId = attendanceIdOf(sessionId, member._id);
  const [sRes, aRes] = (await Promise.all([
    tx.collection(COLLECTIONS.sessions).doc(sessionId).get(),
    tx.collection(COLLECTIONS.sessionAttendance).doc(attId).get(),
  ])) as [TxGet<SessionDoc>, TxGet<AttendanceDoc>];
  return checkOpen(sRes.data, aRes.data, sessionId, attId, member);
}

function checkOpen(
  sessionData: SessionDoc | null,
  attData: AttendanceDoc | null,
  sessionId: string,
  attId: string,
  member: MemberDoc,
): TxState {
  if (!sessionData) throw notFound('这个活动不存在或已被删除');
  const session = withId<SessionDoc>(sessionData, sessionId);
  if (!inAudience(member, session)) throw permissionDenied('这个活动不面向您所在的支部');
  if (session.state === 'cancelled') throw failedPrecondition('这个活动已经取消了');
  return { session, att: attData ? withId<AttendanceDoc>(attData, attId) : null };
}

/** Give back the place a record holds, inside the transaction. Returns how many were given back. */
async function releaseSeat(tx: Transaction, att: AttendanceDoc | null): Promise<number> {
  if (!att || att.seatShard === null || att.seatShard === undefined) return 0;
  await tx
    .collection(COLLECTIONS.sessionSeats)
    .doc(seatIdOf(att.sessionId, att.seatShard))
    .update({ taken: _.inc(-1) });
  return 1;
}

const memberInput = z.object({ sessionId: sessionIdSchema });

const full = (capacity: number | null) =>
  new AppError('RESOURCE_EXHAUSTED', `名额已满（共 ${capacity} 个），下次请早点报名`);

/** The chosen counter turned out full inside the transaction: choose again from a fresh reading. */
class CounterFull extends Error {}

const MAX_COUNTER_CHOICES = 12;

const states = (seats: readonly SeatDoc[]): ShardState[] =>
  seats.map((s) => ({ shard: s.shard, quota: s.quota, taken: s.taken }));

/**
 * Take a place. Signing up again changes nothing; a full session says so. The session and its
 * counters are read first, outside the transaction, to choose a counter with room at random (a
 * burst spreads over them) and to answer "full" without contending at all once every counter is.
 */
export const signUp: Handler<'sessions', 'signUp'> = {
  input: memberInput,
  async run({ sessionId }, { caller }) {
    const [found, seen, seatMap] = await Promise.all([
      findCallerMember(caller.openid),
      findSession(sessionId),
      findSeats([sessionId]),
    ]);
    const member = requireActiveMember(found);
    if (!seen) throw notFound('这个活动不存在或已被删除');
    const now = new Date();
    let seats = seatMap.get(sessionId) ?? [];
    for (let choice = 0; choice < MAX_COUNTER_CHOICES; choice++) {
      const shard = pickShard(states(seats));
      if (shard === null) {
        // Full as read: unless this member already holds a place, that is the answer.
        const att = await findAttendance(sessionId, member._id);
        if (att && (att.status === 'signed_up' || att.status === 'attended')) {
          return toMyAttendance(seen, seatsTakenOf(states(seats)), att);
        }
        checkOpen(seen, att, sessionId, attendanceIdOf(sessionId, member._id), member);
        if (!beforeStart(seen, now)) {
          throw failedPrecondition('活动已经开始，不能再报名了；如果您在现场，请直接扫码签到');
        }
        throw full(seen.capacity);
      }
      try {
        return await inTransaction(async (tx) => {
          const attId = attendanceIdOf(sessionId, member._id);
          const [sRes, aRes, cRes] = (await Promise.all([
            tx.collection(COLLECTIONS.sessions).doc(sessionId).get(),
            tx.collection(COLLECTIONS.sessionAttendance).doc(attId).get(),
            tx.collection(COLLECTIONS.sessionSeats).doc(seatIdOf(sessionId, shard)).get(),
          ])) as [TxGet<SessionDoc>, TxGet<AttendanceDoc>, TxGet<SeatDoc>];
          const { session, att } = checkOpen(sRes.data, aRes.data, sessionId, attId, member);
          const taken = seatsTakenOf(states(seats));
          if (att && (att.status === 'signed_up' || att.status === 'attended')) {
            return toMyAttendance(session, taken, att);
          }
          if (!beforeStart(session, now)) {
            throw failedPrecondition('活动已经开始，不能再报名了；如果您在现场，请直接扫码签到');
          }
          const counter = cRes.data;
          if (!counter || (counter.quota !== null && counter.taken >= counter.quota)) throw new CounterFull();
          const next: AttendanceDoc = {
            ...(att ?? blankAttendance(session, member, now)),
            status: 'signed_up',
            seatShard: shard,
            signedUpAt: now,
            leaveReason: null,
            changed: false,
            changeNote: null,
            updatedAt: now,
          };
          // Both writes at once, then the commit: the shortest window for a concurrent sign-up to collide.
          await Promise.all([
            tx.collection(COLLECTIONS.sessionAttendance).doc(attId).set(bodyOf(next)),
            tx
              .collection(COLLECTIONS.sessionSeats)
              .doc(seatIdOf(sessionId, shard))
              .update({ taken: _.inc(1) }),
          ]);
          // What was read plus this place: others may have signed up meanwhile on other counters.
          const before = seats.find((s) => s.shard === shard)?.taken ?? 0;
          return toMyAttendance(session, taken - before + counter.taken + 1, next);
        });
      } catch (err) {
        if (!(err instanceof CounterFull)) throw err;
        seats = (await findSeats([sessionId])).get(sessionId) ?? [];
      }
    }
    throw busy();
  },
};

/** Give the place back before the start. Cancelling when not signed up changes nothing. */
export const cancelSignUp: Handler<'sessions', 'cancelSignUp'> = {
  input: memberInput,
  async run({ sessionId }, { caller }) {
    const member = requireActiveMember(await findCallerMember(caller.openid));
    const now = new Date();
    const att = await inTransaction(async (tx) => {
      const { session, att } = await readForChange(tx, sessionId, member);
      if (!att) return blankAttendance(session, member, now);
      if (att.status === 'attended') throw failedPrecondition('您已经签到了，不能再取消报名');
      if (att.status !== 'signed_up') return att;
      if (!beforeStart(session, now)) {
        throw failedPrecondition('活动已经开始，不能取消报名了；如果来不了，请联系书记说明情况');
      }
      await releaseSeat(tx, att);
      await tx
        .collection(COLLECTIONS.sessionAttendance)
        .doc(att._id)
        .update({ status: 'cancelled', seatShard: null, updatedAt: now });
      return { ...att, status: 'cancelled' as const, seatShard: null, updatedAt: now };
    });
    return answer(sessionId, att);
  },
};

/**
 * 请假 before the start, with the reason; a place held is given back. Asking again with the same
 * reason changes nothing, with another reason updates it. Someone who has checked in cannot.
 */
export const askLeave: Handler<'sessions', 'askLeave'> = {
  input: z.object({ sessionId: sessionIdSchema, reason: reasonSchema('请假原因') }),
  async run({ sessionId, reason }, { caller }) {
    const member = requireActiveMember(await findCallerMember(caller.openid));
    const now = new Date();
    const att = await inTransaction(async (tx) => {
      const { session, att } = await readForChange(tx, sessionId, member);
      if (att?.status === 'attended') throw failedPrecondition('您已经签到了，不用再请假');
      if (att?.status === 'leave' && att.leaveReason === reason) return att;
      if (!beforeStart(session, now)) {
        throw failedPrecondition('活动已经开始，不能在这里请假了；请直接联系书记说明情况');
      }
      const next: AttendanceDoc = {
        ...(att ?? blankAttendance(session, member, now)),
        status: 'leave',
        seatShard: null,
        leaveReason: reason,
        changed: false,
        changeNote: null,
        updatedAt: now,
      };
      await releaseSeat(tx, att);
      await tx.collection(COLLECTIONS.sessionAttendance).doc(next._id).set(bodyOf(next));
      return next;
    });
    return answer(sessionId, att);
  },
};

/** The member's record with the places as they now stand (one more read, after the commit). */
async function answer(sessionId: string, att: AttendanceDoc) {
  const [session, seats] = await Promise.all([findSession(sessionId), findSeats([sessionId])]);
  if (!session) throw notFound('这个活动不存在或已被删除');
  return toMyAttendance(session, seatsTakenOf(states(seats.get(sessionId) ?? [])), att);
}
