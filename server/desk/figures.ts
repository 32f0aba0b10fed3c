/**
 * `desk.figures`: every figure of a node for a period, with the change on the period before.
 * 覆盖 is counted now; 组织生活、党费、先锋作用 are sums of the branch months (or, for a week, of
 * the sessions' tallies). A fixed number of round trips whatever the size of the subtree.
 */
import type { DeskFigures, FigureGroupView, FigureView, PeriodView } from '../../typings/areas/desk';
import {
  betterOf,
  countedFor,
  FIGURE_GROUP_NAMES,
  FIGURES,
  figureText,
  type FigureGroup,
} from '../domain/desk/figures';
import { isClosed, previousReportPeriod, type ReportPeriod } from '../domain/desk/periods';
import { activityValues, coverageValues, type FigureValues } from '../domain/desk/values';
import { CATEGORY_LABELS } from '../domain/points/rules';
import { SESSION_KIND_LABELS, SESSION_KINDS } from '../domain/sessions';
import type { Handler } from '../platform/dispatch';
import { z } from '../platform/validation';
import { POINTS_CATEGORIES } from '../domain/desk/branch-month';
import { activityTotals } from './activity';
import { blankCoverage, coverageOf } from './coverage';
import { nodeIdSchema, periodAsked, periodKeySchema, readableNode } from './node-access';

export const periodView = (p: ReportPeriod, now: Date): PeriodView => ({
  key: p.key,
  kind: p.kind,
  label: p.label,
  closed: isClosed(p, now),
});

/** Figure views in the catalogue's order, grouped, for the figures counted for this kind of period. */
export function groupedViews(values: FigureValues, previous: FigureValues, period: ReportPeriod): FigureGroupView[] {
  const groups = new Map<FigureGroup, FigureView[]>();
  for (const spec of FIGURES) {
    if (!countedFor(spec, period.kind) || !(spec.id in values)) continue;
    const value = values[spec.id] ?? null;
    const before = previous[spec.id] ?? null;
    const view: FigureView = {
      id: spec.id,
      group: spec.group,
      name: spec.name,
      value,
      text: figureText(spec, value),
      definition: spec.definition,
      previous: before,
      change: value !== null && before !== null ? Math.round((value - before) * 10) / 10 : null,
      better: betterOf(spec),
    };
    const list = groups.get(spec.group) ?? [];
    list.push(view);
    groups.set(spec.group, list);
  }
  return [...groups].map(([group, figures]) => ({ group, name: FIGURE_GROUP_NAMES[group], figures }));
}

export const figures: Handler<'desk', 'figures'> = {
  input: z.object({ nodeId: nodeIdSchema, period: periodKeySchema.optional() }),
  async run({ nodeId, period: key }, { caller }) {
    const now = new Date();
    const period = periodAsked(key, now);
    const before = previousReportPeriod(period);
    const { node } = await readableNode(caller, nodeId);
    const [coverage, activity, previous] = await Promise.all([
      coverageOf(node._id, now),
      activityTotals(node._id, period, now),
      activityTotals(node._id, before, now),
    ]);
    const values = {
      ...coverageValues(coverage.get(null) ?? blankCoverage()),
      ...activityValues(activity.sums, period.kind),
    };
    const result: DeskFigures = {
      nodeId: node._id,
      nodeName: node.name,
      period: periodView(period, now),
      previousPeriod: periodView(before, now),
      source: 'live',
      report: null,
      asOf: now.toISOString(),
      activityAsOf: activity.countedAt ? new Date(activity.countedAt).toISOString() : null,
      groups: groupedViews(values, activityValues(previous.sums, before.kind), period),
      heldByKind: SESSION_KINDS.map((kind) => ({
        kind,
        label: SESSION_KIND_LABELS[kind],
        held: activity.sums.heldByKind[kind],
      })).filter((k) => k.held > 0),
      pointsByCategory: POINTS_CATEGORIES.map((category) => ({
        category,
        label: CATEGORY_LABELS[category],
        points: activity.sums.byCategory[category],
      })).filter((c) => c.points !== 0),
    };
    return result;
  },
};
