/**
 * Seeing who keeps up organisational life: a branch's cadence to-do (三会一课) and, for an
 * administrator, sessions held and attendance rate per branch under a node. Totals come from
 * aggregations, never from reading every record.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { BranchStatsRow, NodeStats, SessionKind } from '../../typings/areas/sessions';
import { canRunBranch } from '../domain/scope';
import { audienceKeyOf, cadenceItems, cadencePeriods, ratePercent, type KindCount } from '../domain/sessions';
import { parseMonth } from '../domain/sessions';
import { orgIdSchema } from '../members/schemas';
import { findOrg, type OrgDoc } from '../orgs/org-store';
import { loadAccess } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { labelled } from '../platform/validation';
import { BRANCH_TYPES } from './store';

type Aggregate = ReturnType<typeof db.command.aggregate.sum>;

/** 1 for a session that starts in [start, end) and (for `held`) has started by now, else 0. */
function countIf(start: Date, end: Date, startedBy?: Date): Aggregate {
  const $ = db.command.aggregate;
  const conditions = [$.gte(['$startAt', start]), $.lt(['$startAt', end])];
  if (startedBy) conditions.push($.lte(['$startAt', startedBy]));
  return $.sum($.cond({ if: $.and(conditions), then: 1, else: 0 }));
}

/**
 * The branch's sessions of each kind in the month, quarter and year of `at` (its own, and joint
 * ones of the nodes above it), held by `at` and still to come: one aggregation.
 */
export async function cadenceCounts(branch: Pick<OrgDoc, '_id' | 'ancestors'>, at: Date): Promise<KindCount[]> {
  const periods = cadencePeriods(at);
  const own = audienceKeyOf('branch', branch._id);
  const keys = [own, ...[...branch.ancestors, branch._id].map((id) => audienceKeyOf('subtree', id))];
  const $ = db.command.aggregate;
  const groups = await db
    .collection(COLLECTIONS.sessions)
    .aggregate()
    .match({
      audienceKey: _.in(keys),
      state: 'published',
      startAt: _.gte(periods.year.start).and(_.lt(periods.year.end)),
    })
    .group({
      _id: { kind: '$kind', audienceKey: '$audienceKey' },
      monthHeld: countIf(periods.month.start, periods.month.end, at),
      monthAll: countIf(periods.month.start, periods.month.end),
      quarterHeld: countIf(periods.quarter.start, periods.quarter.end, at),
      quarterAll: countIf(periods.quarter.start, periods.quarter.end),
      yearHeld: countIf(periods.year.start, periods.year.end, at),
      yearAll: $.sum(1),
    })
    .end();
  type Group = {
    _id: { kind: SessionKind; audienceKey: string };
    monthHeld: number;
    monthAll: number;
    quarterHeld: number;
    quarterAll: number;
    yearHeld: number;
    yearAll: number;
  };
  return (groups as { data: Group[] }).data.map((g) => ({
    kind: g._id.kind,
    own: g._id.audienceKey === own,
    monthHeld: g.monthHeld,
    monthScheduled: g.monthAll - g.monthHeld,
    quarterHeld: g.quarterHeld,
    quarterScheduled: g.quarterAll - g.quarterHeld,
    yearHeld: g.yearHeld,
    yearScheduled: g.yearAll - g.yearHeld,
  }));
}

/** A branch's required meetings this month, quarter and year, and which are missing. */
export const cadence: Handler<'sessions', 'cadence'> = {
  input: z.object({ branchId: orgIdSchema('支部') }),
  async run({ branchId }, { caller }) {
    const now = new Date();
    const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
    if (!branch || branch.closed || !BRANCH_TYPES.includes(branch.type)) throw notFound('该支部不存在或已撤销');
    if (!canRunBranch(access, { id: branch._id, ancestors: branch.ancestors })) {
      throw permissionDenied('该支部不在您的管理范围内');
    }
    const [counts, fullMembers] = await Promise.all([
      cadenceCounts(branch, now),
      db.collection(COLLECTIONS.members).where({ branchId, state: 'active', partyStatus: 'full' }).count(),
    ]);
    const items = cadenceItems(counts, now, { fullMembers: fullMembers.total });
    return {
      branchId: branch._id,
      branchName: branch.name,
      asOf: now.toISOString(),
      items,
      missing: items.filter((i) => i.status === 'missing').length,
    };
  },
};

const MONTH = (label: string) => labelled(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '格式应为 年-月'), label);
const MAX_MONTHS = 12;
const MAX_BRANCHES = 1000;

/**
 * Per branch under a node, over whole months: branch sessions held (started, not cancelled), the
 * members expected at them and those who attended; open sessions under the node counted apart.
 */
export const nodeStats: Handler<'sessions', 'nodeStats'> = {
  input: z.object({ orgId: orgIdSchema('组织'), fromMonth: MONTH('起始月份'), toMonth: MONTH('截止月份') }),
  async run({ orgId, fromMonth, toMonth }, { caller }) {
    const now = new Date();
    const from = parseMonth(fromMonth)!;
    const to = parseMonth(toMonth)!;
    if (to.start < from.start) throw invalidArgument('截止月份不能早于起始月份', 'toMonth');
    const months =
      (Number(toMonth.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 +
      Number(toMonth.slice(5)) -
      Number(fromMonth.slice(5)) +
      1;
    if (months > MAX_MONTHS) throw invalidArgument(`一次最多统计 ${MAX_MONTHS} 个月`, 'toMonth');
    const [access, org] = await Promise.all([loadAccess(caller), findOrg(orgId)]);
    if (!org) throw notFound('该组织不存在');
    if (!canRunBranch(access, { id: org._id, ancestors: org.ancestors })) {
      throw permissionDenied('该组织不在您的管理范围内');
    }
    const end = to.end < now ? to.end : now;
    const $ = db.command.aggregate;
    // Attendance is read from each session's tally (counted once it ends), never from the records.
    const [sessionGroups, branches] = await Promise.all([
      db
        .collection(COLLECTIONS.sessions)
        .aggregate()
        .match({ ownerPath: orgId, state: 'published', startAt: _.gte(from.start).and(_.lte(end)) })
        .group({
          _id: { type: '$audience.type', branchId: '$branchId' },
          held: $.sum(1),
          expected: $.sum('$expected'),
          attended: $.sum('$tally.attended'),
        })
        .end(),
      branchesUnder(org),
    ]);
    type Key = { type: 'branch' | 'subtree'; branchId: string | null };
    type Group = { _id: Key; held: number; expected: number | null; attended: number | null };
    const held = new Map<string, { held: number; expected: number; attended: number }>();
    const open = { held: 0, attended: 0 };
    for (const g of (sessionGroups as { data: Group[] }).data) {
      if (g._id.type === 'branch' && g._id.branchId) {
        held.set(g._id.branchId, { held: g.held, expected: g.expected ?? 0, attended: g.attended ?? 0 });
      } else {
        open.held += g.held;
        open.attended += g.attended ?? 0;
      }
    }
    const rows: BranchStatsRow[] = branches.map((b) => {
      const h = held.get(b._id) ?? { held: 0, expected: 0, attended: 0 };
      const a = h.attended;
      return {
        branchId: b._id,
        branchName: b.name,
        sessionsHeld: h.held,
        attended: a,
        expected: h.expected,
        ratePercent: ratePercent(a, h.expected),
      };
    });
    // Those that need attention first: fewest sessions, then the lowest rate.
    rows.sort(
      (x, y) =>
        x.sessionsHeld - y.sessionsHeld ||
        (x.ratePercent ?? -1) - (y.ratePercent ?? -1) ||
        x.branchName.localeCompare(y.branchName, 'zh'),
    );
    const totals = rows.reduce(
      (t, r) => ({
        sessionsHeld: t.sessionsHeld + r.sessionsHeld,
        attended: t.attended + r.attended,
        expected: t.expected + r.expected,
      }),
      { sessionsHeld: 0, attended: 0, expected: 0 },
    );
    const result: NodeStats = {
      orgId: org._id,
      orgName: org.name,
      fromMonth,
      toMonth,
      rows,
      totals: { ...totals, ratePercent: ratePercent(totals.attended, totals.expected) },
      openSessions: open,
    };
    return result;
  },
};

/** The node itself when it is a branch, else the open branches below it. One round trip at most. */
async function branchesUnder(org: OrgDoc): Promise<OrgDoc[]> {
  if (BRANCH_TYPES.includes(org.type)) return [org];
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ ancestors: org._id, type: _.in(BRANCH_TYPES), closed: _.neq(true) })
    .limit(MAX_BRANCHES)
    .get();
  return res.data as OrgDoc[];
}
