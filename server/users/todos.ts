/**
 * `user.todos`: what the caller should do now, for every role they hold, in one call. Two waves of
 * parallel reads: the caller's grants with their own records, then the queues those grants see
 * and each branch's work (counts, one oldest row, and reads bounded by a branch's size: never a
 * scan). The wording lives in server/domain/todos.ts.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { TodoItem } from '../../typings/areas/user';
import { monthOf } from '../domain/dues';
import { memberIdOf } from '../domain/ids';
import { catchmentIds, scopeIds, type Access } from '../domain/scope';
import { certificateStateOn } from '../domain/certificate';
import { shanghaiDay, shanghaiDaysBetween } from '../domain/shanghai-day';
import {
  branchTodos,
  managerTodos,
  memberTodos,
  orderTodos,
  subtreeTodos,
  type MemberFacts,
  type WaitingCount,
} from '../domain/todos';
import {
  PERIOD_WORD,
  SESSION_KIND_LABELS,
  cadenceItems,
  cadencePeriods,
  daysLeftIn,
  lastDayOf,
} from '../domain/sessions';
import { branchArrears } from '../dues/board';
import { buildMyDues, loadMemberMonths } from '../dues/my-dues';
import { membersWithoutBase } from '../dues/no-base';
import { orgIdSchema } from '../members/schemas';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireBranchManager } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound } from '../platform/errors';
import type { AttendanceDoc, SessionDoc } from '../sessions/session-doc';
import { cadenceCounts } from '../sessions/stats';

/** Sessions that start within this long are "soon". */
const SOON_MS = 24 * 3600_000;
/** A secretary of more branches than this sees the first ones' dues work on 首页 (each has its own desk). */
const MAX_HOME_BRANCHES = 3;
const MAX_SOON = 5;

/** How many wait, and how long the oldest has: a count and one row, in parallel. */
async function waiting(
  collection: string,
  where: Record<string, unknown>,
  timeField: string,
  now: Date,
): Promise<WaitingCount> {
  const [count, oldest] = await Promise.all([
    db.collection(collection).where(where).count(),
    db
      .collection(collection)
      .where(where)
      .orderBy(timeField, 'asc')
      .field({ [timeField]: true })
      .limit(1)
      .get(),
  ]);
  const first = (oldest.data as Record<string, unknown>[])[0];
  const total = (count as { total: number }).total;
  return {
    count: total,
    oldestDays: total > 0 && first ? shanghaiDaysBetween(new Date(first[timeField] as string), now) : null,
  };
}

/** Sessions the member signed up for that start within a day and are still on. */
async function soonSessions(memberId: string, now: Date): Promise<MemberFacts['soon']> {
  const res = await db
    .collection(COLLECTIONS.sessionAttendance)
    .where({ memberId, status: 'signed_up', sessionStartAt: _.gte(now).and(_.lte(new Date(now.getTime() + SOON_MS))) })
    .orderBy('sessionStartAt', 'asc')
    .field({ sessionId: true, sessionTitle: true, sessionStartAt: true })
    .limit(MAX_SOON)
    .get();
  const rows = res.data as AttendanceDoc[];
  if (rows.length === 0) return [];
  const sessions = await db
    .collection(COLLECTIONS.sessions)
    .where({ _id: _.in(rows.map((r) => r.sessionId)) })
    .field({ state: true })
    .limit(MAX_SOON)
    .get();
  const cancelled = new Set((sessions.data as SessionDoc[]).filter((s) => s.state === 'cancelled').map((s) => s._id));
  return rows
    .filter((r) => !cancelled.has(r.sessionId))
    .map((r) => ({ sessionId: r.sessionId, title: r.sessionTitle, startAt: new Date(r.sessionStartAt) }));
}

/** The member's own to-dos: registration, dues, sessions soon. */
async function ownTodos(openid: string, now: Date): Promise<TodoItem[]> {
  const memberId = memberIdOf(openid);
  const current = monthOf(now);
  const [{ dm, known }, soon] = await Promise.all([loadMemberMonths(memberId, current), soonSessions(memberId, now)]);
  if (!dm.member) return [];
  let dues: MemberFacts['dues'] = null;
  if (dm.standing === 'owes_here') {
    const view = buildMyDues(dm, known, current);
    dues = {
      unpaidMonths: view.unpaid.length,
      unpaidFen: view.unpaidFen,
      band: view.band,
      mustDeclare: (view.profile?.amountFen ?? null) === null && !view.profile?.pending,
    };
  }
  return memberTodos(
    {
      state: dm.member.state,
      sentBackReason: dm.member.sentBackReason ?? null,
      dues,
      soon,
      certificateReviewDue:
        dm.certificate !== null &&
        certificateStateOn(dm.certificate.state, dm.certificate.reviewDueOn, shanghaiDay(now)) === 'review_due',
    },
    now,
  );
}

/** Queues every manager shares: registrations in their catchment, claims in their scope. */
async function queueTodos(access: Access, now: Date): Promise<TodoItem[]> {
  const registrationsWhere: Record<string, unknown> = { state: 'pending' };
  const claimsWhere: Record<string, unknown> = { state: 'pending' };
  if (!access.isSuperAdmin) {
    registrationsWhere.candidateScopes = _.in(catchmentIds(access));
    claimsWhere.orgPath = _.in(scopeIds(access));
  }
  const [registrations, claims] = await Promise.all([
    waiting(COLLECTIONS.members, registrationsWhere, 'submittedAt', now),
    waiting(COLLECTIONS.pointsClaims, claimsWhere, 'submittedAt', now),
  ]);
  const role = access.grants.some((g) => g.role === 'secretary') ? 'secretary' : 'admin';
  return managerTodos({ role, registrations, claims });
}

/**
 * Branches below the caller's nodes with nothing held this month, from the hourly branch
 * summaries (desk.refresh-month): one count.
 */
async function idleBranchTodos(access: Access, now: Date): Promise<TodoItem[]> {
  const adminScopes = access.grants.filter((g) => g.role === 'admin').map((g) => g.scopeId);
  if (!access.isSuperAdmin && adminScopes.length === 0) return [];
  const month = cadencePeriods(now).month;
  const where: Record<string, unknown> = { month: monthOf(now), 'life.held': 0 };
  if (!access.isSuperAdmin) where.orgPath = _.in(adminScopes);
  const idle = await db.collection(COLLECTIONS.deskBranchMonths).where(where).count();
  return subtreeTodos({
    idleBranches: (idle as { total: number }).total,
    daysLeft: daysLeftIn(month, now),
    monthEndsOn: lastDayOf(month),
  });
}

interface RunBranch {
  id: string;
  name: string;
  /** The branch's ancestors, for the sessions open to its catchment. */
  ancestors: string[];
}

/**
 * A secretary's work on each branch: bases to confirm, members with none, members behind on
 * dues, sessions the cadence still needs. Each branch: seven reads in two waves, bounded by the
 * size of a branch.
 */
async function branchWork(branches: RunBranch[], now: Date): Promise<TodoItem[]> {
  const named = branches.length > 1;
  const current = monthOf(now);
  const each = await Promise.all(
    branches.map(async (b) => {
      const [pending, noBase, arrears, counts, fullMembers] = await Promise.all([
        db.collection(COLLECTIONS.duesProfiles).where({ branchId: b.id, hasPending: true }).count(),
        membersWithoutBase(b.id, now),
        branchArrears(b.id, current),
        cadenceCounts({ _id: b.id, ancestors: b.ancestors }, now),
        db.collection(COLLECTIONS.members).where({ branchId: b.id, state: 'active', partyStatus: 'full' }).count(),
      ]);
      const missing = cadenceItems(counts, now, { fullMembers: (fullMembers as { total: number }).total }).filter(
        (i) => i.status === 'missing',
      );
      const behind = (min: number) => arrears.filter((r) => r.runMonths >= min).length;
      return branchTodos({
        branchId: b.id,
        branchName: b.name,
        named,
        basesPending: (pending as { total: number }).total,
        noBase: noBase.length,
        arrears: { threePlus: behind(3), fivePlus: behind(5) },
        missingSessions: missing.map((i) => ({
          label: `${PERIOD_WORD[i.period]}${SESSION_KIND_LABELS[i.kind]}`,
          periodEndsOn: i.periodEndsOn,
          daysLeft: i.daysLeft,
        })),
      });
    }),
  );
  return each.flat();
}

export const todos: Handler<'user', 'todos'> = {
  input: z.object({ branchId: orgIdSchema('支部').optional() }),
  async run({ branchId }, { caller }) {
    const now = new Date();
    if (branchId) {
      // The 书记工作台 of one branch: its queues and its dues work, nothing of the caller's own.
      const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
      if (!branch) throw notFound('该支部不存在');
      requireBranchManager(access, { id: branch._id, ancestors: branch.ancestors });
      const [queues, dues] = await Promise.all([
        queueTodos(access, now),
        branchWork([{ id: branch._id, name: branch.name, ancestors: branch.ancestors }], now),
      ]);
      return { items: orderTodos([...queues, ...dues]) };
    }
    const [access, own] = await Promise.all([loadAccess(caller), ownTodos(caller.openid, now)]);
    const isManager = access.isSuperAdmin || access.grants.length > 0;
    const branches = access.grants
      .filter((g) => g.role === 'secretary')
      .slice(0, MAX_HOME_BRANCHES)
      .map((g) => ({ id: g.scopeId, name: g.scopeName, ancestors: g.scopePath.slice(0, -1) }));
    const [queues, dues, idle] = await Promise.all([
      isManager ? queueTodos(access, now) : Promise.resolve([]),
      branchWork(branches, now),
      idleBranchTodos(access, now),
    ]);
    return { items: orderTodos([...own, ...queues, ...dues, ...idle]) };
  },
};
