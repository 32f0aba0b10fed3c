/**
 * Publishing, editing and cancelling sessions: a branch secretary for their branch, an
 * administrator for any branch or node under theirs. Every change is audit-logged in the same
 * transaction; members who signed up (or asked leave) are told what changed.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { SessionDetail } from '../../typings/areas/sessions';
import {
  audienceKeyOf,
  describeChange,
  hasEnded,
  seatIdOf,
  sessionIdOf,
  SESSION_KIND_LABELS,
  shardCountFor,
  splitCapacity,
  timesProblem,
  VOTING_KINDS,
} from '../domain/sessions';
import { canRunBranch, type Access } from '../domain/scope';
import { findOrg, type OrgDoc } from '../orgs/org-store';
import { loadAccess } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { inTransaction } from '../platform/transaction';
import { publishSchema, reasonSchema, sessionIdSchema, toFields, updateSchema, type SessionFields } from './schemas';
import { placeText, withId, type SeatDoc, type SessionDoc, type StoredPlace } from './session-doc';
import { BRANCH_TYPES, canManage, countExpected, findSeats, requireSession, seatsTaken } from './store';
import { toDetail } from './views';

/** Cross-field rules the schema cannot say; the first problem, as INVALID_ARGUMENT. */
function checkFields(f: SessionFields, now: Date): void {
  const times = timesProblem({ startAt: f.startAt, endAt: f.endAt }, now);
  if (times) throw invalidArgument(times, times.startsWith('开始') ? 'startAt' : 'endAt');
  if (!f.place && !f.onlineUrl) throw invalidArgument('请填写活动地点，或者线上会议链接', 'place');
  if (f.kind === 'volunteer' && f.serviceHours === undefined) {
    throw invalidArgument('志愿服务请填写服务时长（小时）', 'serviceHours');
  }
  if (f.kind !== 'volunteer' && f.serviceHours !== undefined) {
    throw invalidArgument('只有志愿服务需要填写服务时长', 'serviceHours');
  }
  if (f.hasVote && !VOTING_KINDS.includes(f.kind)) {
    throw invalidArgument(
      `只有${VOTING_KINDS.map((k) => SESSION_KIND_LABELS[k]).join('、')}可以设置表决事项`,
      'hasVote',
    );
  }
  if (f.hasVote && f.audience.type !== 'branch') {
    throw invalidArgument('表决事项只能在本支部的会议上进行', 'hasVote');
  }
}

/** The audience node: a branch for a branch's session, any open node but a station for an open one. */
function checkAudienceNode(org: OrgDoc | null, type: 'branch' | 'subtree'): OrgDoc {
  if (!org || org.closed) throw notFound('活动对象所在的组织不存在或已撤销');
  if (type === 'branch' && !BRANCH_TYPES.includes(org.type)) {
    throw invalidArgument('“本支部党员”只能选择一个党支部', 'audience.orgId');
  }
  if (org.type === 'station') throw invalidArgument('服务站不能作为活动对象', 'audience.orgId');
  return org;
}

async function resolvePlace(f: SessionFields): Promise<StoredPlace | null> {
  if (!f.place) return null;
  if (f.place.type === 'address') return { type: 'address', address: f.place.address };
  const station = await findOrg(f.place.stationId);
  if (!station || station.closed || station.type !== 'station') {
    throw invalidArgument('所选的服务站不存在或已撤销', 'place.stationId');
  }
  const extra = (station.extra ?? {}) as { address?: unknown };
  return {
    type: 'station',
    stationId: station._id,
    name: station.name,
    address: typeof extra.address === 'string' ? extra.address : '',
  };
}

/** The editable fields as stored. */
function storedFields(f: SessionFields, place: StoredPlace | null) {
  return {
    kind: f.kind,
    title: f.title,
    agenda: f.agenda ?? '',
    startAt: f.startAt,
    endAt: f.endAt,
    place,
    onlineUrl: f.onlineUrl ?? null,
    capacity: f.capacity ?? null,
    materials: {
      text: f.materials?.text ?? '',
      links: f.materials?.links ?? [],
      images: f.materials?.images ?? [],
    },
    serviceHours: f.kind === 'volunteer' ? (f.serviceHours ?? null) : null,
    hasVote: f.hasVote ?? false,
  };
}

/** What the audit log keeps of a session: enough to see what changed, no materials text. */
function auditView(s: SessionDoc) {
  return {
    kind: s.kind,
    title: s.title,
    startAt: s.startAt,
    endAt: s.endAt,
    place: placeText(s),
    capacity: s.capacity,
    audience: s.audience,
    state: s.state,
  };
}

const managerDetail = (s: SessionDoc, seatsTaken: number, access: Access, now: Date): SessionDetail =>
  toDetail(s, seatsTaken, { member: null, attendance: null, access }, now);

/**
 * Publish a session. The id comes from the caller and the form's request id, so a retried or
 * double-tapped submission returns the session already made instead of a second one.
 */
export const publish: Handler<'sessions', 'publish'> = {
  input: publishSchema,
  async run(raw, { caller }) {
    const now = new Date();
    const input = { ...toFields(raw), requestId: raw.requestId };
    checkFields(input, now);
    const [access, org, place] = await Promise.all([
      loadAccess(caller),
      findOrg(input.audience.orgId),
      resolvePlace(input),
    ]);
    const node = checkAudienceNode(org, input.audience.type);
    if (!canRunBranch(access, { id: node._id, ancestors: node.ancestors })) {
      throw permissionDenied(
        input.audience.type === 'branch' ? '该支部不在您的管理范围内' : '该组织不在您的管理范围内',
      );
    }
    const expected = input.audience.type === 'branch' ? await countExpected(node._id) : null;
    const id = sessionIdOf(caller.openid, input.requestId);
    const session: SessionDoc = {
      _id: id,
      ...storedFields(input, place),
      seatShards: shardCountFor(input.capacity ?? null),
      audience: { type: input.audience.type, orgId: node._id, orgName: node.name },
      audienceKey: audienceKeyOf(input.audience.type, node._id),
      ownerPath: [...node.ancestors, node._id],
      branchId: input.audience.type === 'branch' ? node._id : null,
      expected,
      state: 'published',
      cancelReason: null,
      version: 1,
      createdBy: caller.openid,
      createdAt: now,
      updatedAt: now,
      tallyDue: true,
      tallyRevision: 0,
      tally: null,
    };
    const stored = await inTransaction(async (tx: Transaction) => {
      const existing = (await tx.collection(COLLECTIONS.sessions).doc(id).get()) as { data: SessionDoc | null };
      if (existing.data) return withId<SessionDoc>(existing.data, id);
      const { _id, ...body } = session;
      const quotas = splitCapacity(session.capacity, new Array<number>(session.seatShards).fill(0))!;
      await Promise.all([
        tx.collection(COLLECTIONS.sessions).doc(_id).set(body),
        ...quotas.map((quota, shard) =>
          tx
            .collection(COLLECTIONS.sessionSeats)
            .doc(seatIdOf(id, shard))
            .set({ sessionId: id, shard, quota, taken: 0 } satisfies Omit<SeatDoc, '_id'>),
        ),
        writeAudit(
          {
            actor: caller.openid,
            action: 'session.publish',
            target: { collection: COLLECTIONS.sessions, id },
            before: null,
            after: auditView(session),
          },
          tx,
        ),
      ]);
      return session;
    });
    // A retried submission finds the session made the first time, perhaps with sign-ups since.
    const taken = stored === session ? 0 : seatsTaken((await findSeats([id])).get(id));
    return managerDetail(stored, taken, access, now);
  },
};

/** Load a session the caller manages, still open to change. */
async function loadManaged(caller: { openid: string; appid: string | null }, sessionId: string) {
  const [access, session] = await Promise.all([loadAccess(caller), requireSession(sessionId)]);
  if (!canManage(access, session)) throw permissionDenied('这个活动不在您的管理范围内');
  return { access, session };
}

/** Tell everyone signed up or on leave, and refresh the session fields copied into every record. */
async function propagate(after: SessionDoc, note: string | null): Promise<void> {
  const attendance = db.collection(COLLECTIONS.sessionAttendance);
  await attendance.where({ sessionId: after._id }).update({
    sessionKind: after.kind,
    sessionTitle: after.title,
    sessionStartAt: after.startAt,
    sessionEndAt: after.endAt,
    sessionServiceHours: after.serviceHours,
  });
  if (note) {
    await attendance
      .where({ sessionId: after._id, status: _.in(['signed_up', 'leave']) })
      .update({ changed: true, changeNote: note, updatedAt: after.updatedAt });
  }
}

/**
 * Edit a session before its end. The audience stays (people signed up for it); the capacity may
 * not fall below the places already taken: the counters are read in the transaction and their
 * quotas split afresh, so a sign-up racing with the edit makes one of the two retry.
 */
export const update: Handler<'sessions', 'update'> = {
  input: updateSchema,
  async run(raw, { caller }) {
    const now = new Date();
    const input = { ...toFields(raw), sessionId: raw.sessionId };
    checkFields(input, now);
    const [{ access, session }, place] = await Promise.all([loadManaged(caller, input.sessionId), resolvePlace(input)]);
    if (session.audience.type !== input.audience.type || session.audience.orgId !== input.audience.orgId) {
      throw failedPrecondition('活动对象发布后不能修改；如需更改，请取消这个活动后重新发布');
    }
    const expected = session.audience.type === 'branch' ? await countExpected(session.audience.orgId) : null;
    const fields = storedFields(input, place);
    const result = await inTransaction(async (tx: Transaction) => {
      const res = (await tx.collection(COLLECTIONS.sessions).doc(session._id).get()) as { data: SessionDoc | null };
      if (!res.data) throw notFound('这个活动不存在或已被删除');
      const current = withId<SessionDoc>(res.data, session._id);
      if (current.state === 'cancelled') throw failedPrecondition('这个活动已经取消，不能再修改');
      if (hasEnded(current, now)) throw failedPrecondition('这个活动已经结束，不能再修改');
      const counters = (await Promise.all(
        Array.from({ length: current.seatShards }, (_x, shard) =>
          tx.collection(COLLECTIONS.sessionSeats).doc(seatIdOf(current._id, shard)).get(),
        ),
      )) as { data: SeatDoc | null }[];
      const taken = counters.map((c) => c.data?.taken ?? 0);
      const used = taken.reduce((a, b) => a + b, 0);
      const quotas = splitCapacity(fields.capacity, taken);
      if (!quotas) throw failedPrecondition(`已有 ${used} 人报名，名额不能少于 ${used}`);
      const next: SessionDoc = { ...current, ...fields, expected, version: current.version + 1, updatedAt: now };
      await tx
        .collection(COLLECTIONS.sessions)
        .doc(session._id)
        .update({
          ...fields,
          place: fields.place ? _.set(fields.place) : null,
          materials: _.set(fields.materials),
          expected,
          version: _.inc(1),
          updatedAt: now,
        });
      await Promise.all(
        quotas.map((quota, shard) =>
          counters[shard]?.data?.quota === quota
            ? Promise.resolve()
            : tx
                .collection(COLLECTIONS.sessionSeats)
                .doc(seatIdOf(current._id, shard))
                .set({ sessionId: current._id, shard, quota, taken: taken[shard]! } satisfies Omit<SeatDoc, '_id'>),
        ),
      );
      await writeAudit(
        {
          actor: caller.openid,
          action: 'session.update',
          target: { collection: COLLECTIONS.sessions, id: session._id },
          before: auditView(current),
          after: auditView(next),
        },
        tx,
      );
      return { before: current, after: next, used };
    });
    const note = describeChange(
      { ...result.before, placeText: placeText(result.before) },
      { ...result.after, placeText: placeText(result.after) },
    );
    await propagate(result.after, note);
    return managerDetail(result.after, result.used, access, now);
  },
};

/** Cancel a session before its end, with the reason members will read. Cancelling twice changes nothing. */
export const cancel: Handler<'sessions', 'cancel'> = {
  input: z.object({ sessionId: sessionIdSchema, reason: reasonSchema('取消原因') }),
  async run({ sessionId, reason }, { caller }) {
    const now = new Date();
    const [{ access, session }, seats] = await Promise.all([loadManaged(caller, sessionId), findSeats([sessionId])]);
    const taken = seatsTaken(seats.get(sessionId));
    if (session.state === 'cancelled') return managerDetail(session, taken, access, now);
    const result = await inTransaction(async (tx: Transaction) => {
      const res = (await tx.collection(COLLECTIONS.sessions).doc(sessionId).get()) as { data: SessionDoc | null };
      if (!res.data) throw notFound('这个活动不存在或已被删除');
      const current = withId<SessionDoc>(res.data, sessionId);
      if (current.state === 'cancelled') return { current, changed: false };
      if (hasEnded(current, now)) throw failedPrecondition('这个活动已经结束，不能再取消');
      const next: SessionDoc = {
        ...current,
        state: 'cancelled',
        cancelReason: reason,
        version: current.version + 1,
        updatedAt: now,
      };
      await tx
        .collection(COLLECTIONS.sessions)
        .doc(sessionId)
        .update({ state: 'cancelled', cancelReason: reason, version: _.inc(1), updatedAt: now, tallyDue: false });
      await writeAudit(
        {
          actor: caller.openid,
          action: 'session.cancel',
          target: { collection: COLLECTIONS.sessions, id: sessionId },
          before: auditView(current),
          after: auditView(next),
          reason,
        },
        tx,
      );
      return { current: next, changed: true };
    });
    if (result.changed) {
      await db
        .collection(COLLECTIONS.sessionAttendance)
        .where({ sessionId, status: _.in(['signed_up', 'leave']) })
        .update({ changed: true, changeNote: `活动已取消：${reason}`, updatedAt: now });
    }
    return managerDetail(result.current, taken, access, now);
  },
};
