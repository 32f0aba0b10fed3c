/**
 * 组织生活、党费、先锋作用 of a node over a period, summed on the database: one aggregation over
 * the branch months under the node (months, quarters, years), or over the node's sessions' tallies
 * (a week, which months cannot cut). Grouped by the node's children for a ranking, in the same
 * round trip. The branch months of the month under way are at most an hour old (`computedAt`).
 */
import { COLLECTIONS } from '../../database/collections';
import { POINTS_CATEGORIES } from '../domain/desk/branch-month';
import type { ReportPeriod } from '../domain/desk/periods';
import { emptyActivity, type ActivitySums } from '../domain/desk/values';
import { monthOf, monthRange } from '../domain/dues/months';
import { SESSION_KINDS } from '../domain/sessions';
import { _, db } from '../platform/cloudbase';

/** Whole node (`null`), one row per child of the node (its id), or one row per month (its key). */
export type Grouping = { byChildAt: number } | { byMonth: true } | null;

/** The months of a period up to now: a month, a quarter's three, a year's twelve. */
export function monthsOf(period: ReportPeriod, now: Date): string[] {
  const last = period.end.getTime() <= now.getTime() ? new Date(period.end.getTime() - 1) : now;
  return monthRange(monthOf(period.start), monthOf(last));
}

const MAX_GROUPS = 1000;

function groupKey(grouping: Grouping, path: string) {
  if (!grouping) return null;
  return 'byMonth' in grouping ? '$month' : db.command.aggregate.arrayElemAt([path, grouping.byChildAt]);
}

export interface ActivityRow {
  key: string | null;
  sums: ActivitySums;
  /** The oldest count among the branch months summed: what "as of" the figures are. */
  countedAt: Date | null;
}

type Flat = Record<string, number | string | null | Date>;

/** Months, quarters, years: the branch months under the node. */
async function fromBranchMonths(nodeId: string, months: string[], grouping: Grouping): Promise<ActivityRow[]> {
  const $ = db.command.aggregate;
  const last = months[months.length - 1]!;
  // By month, every month is its own end.
  const atEnd = (field: string) =>
    grouping && 'byMonth' in grouping
      ? $.sum(field)
      : $.sum($.cond({ if: $.eq(['$month', last]), then: field, else: 0 }));
  const res = await db
    .collection(COLLECTIONS.deskBranchMonths)
    .aggregate()
    .match({ orgPath: nodeId, month: _.in(months) })
    .group({
      _id: groupKey(grouping, '$orgPath'),
      countedAt: $.min('$computedAt'),
      held: $.sum('$life.held'),
      ...Object.fromEntries(SESSION_KINDS.map((k) => [`kind_${k}`, $.sum(`$life.heldByKind.${k}`)])),
      cadenceDue: $.sum('$life.cadenceDue'),
      cadenceMet: $.sum('$life.cadenceMet'),
      expected: $.sum('$life.expected'),
      attended: $.sum('$life.attended'),
      leave: $.sum('$life.leave'),
      absentAll: $.sum('$life.absentAll'),
      membersAtEnd: atEnd('$members'),
      owingAtEnd: atEnd('$dues.owing'),
      owingMonths: $.sum('$dues.owing'),
      paidMonths: $.sum('$dues.paid'),
      paidOnTime: $.sum('$dues.paidOnTime'),
      dueFen: $.sum('$dues.dueFen'),
      receivedFen: $.sum('$dues.receivedFen'),
      arrears1: atEnd('$dues.arrears.1'),
      arrears3: atEnd('$dues.arrears.3'),
      arrears5: atEnd('$dues.arrears.5'),
      arrears6: atEnd('$dues.arrears.6+'),
      points: $.sum('$vanguard.points'),
      ...Object.fromEntries(POINTS_CATEGORIES.map((c) => [`cat_${c}`, $.sum(`$vanguard.byCategory.${c}`)])),
      noPoints: $.sum($.subtract(['$members', '$vanguard.membersWithPoints'])),
      volunteerHours: $.sum('$vanguard.volunteerHours'),
      volunteerTimes: $.sum('$vanguard.volunteerTimes'),
    })
    .limit(MAX_GROUPS)
    .end();
  return ((res as { data?: Flat[] }).data ?? []).map((g) => {
    const sums = emptyActivity();
    for (const key of Object.keys(sums) as (keyof ActivitySums)[]) {
      if (typeof sums[key] === 'number') (sums as unknown as Record<string, number>)[key] = Number(g[key] ?? 0);
    }
    for (const k of SESSION_KINDS) sums.heldByKind[k] = Number(g[`kind_${k}`] ?? 0);
    for (const c of POINTS_CATEGORIES) sums.byCategory[c] = Number(g[`cat_${c}`] ?? 0);
    return { key: (g._id as string | null) ?? null, sums, countedAt: g.countedAt ? new Date(g.countedAt) : null };
  });
}

/** A week: the branch sessions under the node that started in it, from their tallies. */
async function fromSessions(
  nodeId: string,
  period: ReportPeriod,
  now: Date,
  grouping: Grouping,
): Promise<ActivityRow[]> {
  const $ = db.command.aggregate;
  const until = period.end.getTime() <= now.getTime() ? new Date(period.end.getTime() - 1) : now;
  const res = await db
    .collection(COLLECTIONS.sessions)
    .aggregate()
    .match({
      ownerPath: nodeId,
      branchId: _.neq(null),
      state: 'published',
      startAt: _.gte(period.start).and(_.lte(until)),
    })
    .group({
      _id: groupKey(grouping, '$ownerPath'),
      held: $.sum(1),
      ...Object.fromEntries(
        SESSION_KINDS.map((k) => [`kind_${k}`, $.sum($.cond({ if: $.eq(['$kind', k]), then: 1, else: 0 }))]),
      ),
      // Only counted (ended) sessions add to attendance.
      expected: $.sum('$tally.expected'),
      attended: $.sum('$tally.attended'),
      leave: $.sum('$tally.leave'),
    })
    .limit(MAX_GROUPS)
    .end();
  return ((res as { data?: Flat[] }).data ?? []).map((g) => {
    const sums = emptyActivity();
    sums.held = Number(g.held ?? 0);
    sums.expected = Number(g.expected ?? 0);
    sums.attended = Number(g.attended ?? 0);
    sums.leave = Number(g.leave ?? 0);
    for (const k of SESSION_KINDS) sums.heldByKind[k] = Number(g[`kind_${k}`] ?? 0);
    return { key: (g._id as string | null) ?? null, sums, countedAt: now };
  });
}

/** The node's activity month by month over `months`: one round trip, for a trend. */
export const activityByMonth = (nodeId: string, months: string[]) =>
  fromBranchMonths(nodeId, months, { byMonth: true });

/** The node's activity over the period, whole or by child: one round trip. */
export async function activityOf(
  nodeId: string,
  period: ReportPeriod,
  now: Date,
  grouping: Grouping = null,
): Promise<ActivityRow[]> {
  if (period.kind === 'week') return fromSessions(nodeId, period, now, grouping);
  return fromBranchMonths(nodeId, monthsOf(period, now), grouping);
}

/** The whole node's sums (zeros when nothing is under it yet). */
export async function activityTotals(nodeId: string, period: ReportPeriod, now: Date): Promise<ActivityRow> {
  const [row] = await activityOf(nodeId, period, now);
  return row ?? { key: null, sums: emptyActivity(), countedAt: null };
}
