/**
 * `desk.figures`: every figure of a node for a period, with the change on the period before.
 * A closed period whose report was issued is read from the report, never recounted: the figure
 * read out at the meeting is the figure shown. Otherwise 覆盖 is counted now, and 组织生活、党费、
 * 先锋作用 are sums of the branch months (a week: of the sessions' tallies). A fixed number of
 * round trips whatever the size of the subtree.
 */
import type { DeskFigures } from '../../typings/areas/desk';
import { isClosed, previousReportPeriod, type ReportPeriod } from '../domain/desk/periods';
import { activityValues, coverageValues, type FigureValues } from '../domain/desk/values';
import type { OrgDoc } from '../orgs/org-store';
import type { Handler } from '../platform/dispatch';
import { z } from '../platform/validation';
import { activityTotals } from './activity';
import { blankCoverage, coverageOf } from './coverage';
import { nodeIdSchema, periodAsked, periodKeySchema, readableNode } from './node-access';
import { issuedRow, REPORT_KINDS, valuesOfRow } from './reports';
import { categoryRows, groupedViews, kindRows, periodChoices, periodView } from './views';

/** The node's figures of a period with no report: counted now. */
async function liveFigures(node: OrgDoc, period: ReportPeriod, now: Date) {
  const [coverage, activity] = await Promise.all([coverageOf(node._id, now), activityTotals(node._id, period, now)]);
  const values: FigureValues = {
    ...coverageValues(coverage.get(null) ?? blankCoverage()),
    ...activityValues(activity.sums, period.kind),
  };
  return { values, sums: activity.sums, countedAt: activity.countedAt };
}

/** The period before's values: its report when issued, else its activity counted now (覆盖 is not known for it). */
async function previousValues(node: OrgDoc, before: ReportPeriod, now: Date): Promise<FigureValues> {
  const issued = REPORT_KINDS.includes(before.kind) ? await issuedRow(before.key, node._id) : null;
  if (issued) return valuesOfRow(issued.row);
  return activityValues((await activityTotals(node._id, before, now)).sums, before.kind);
}

export const figures: Handler<'desk', 'figures'> = {
  input: z.object({ nodeId: nodeIdSchema, period: periodKeySchema.optional() }),
  async run({ nodeId, period: key }, { caller }) {
    const now = new Date();
    const period = periodAsked(key, now);
    const before = previousReportPeriod(period);
    const { node } = await readableNode(caller, nodeId);
    const closedWithReport = isClosed(period, now) && REPORT_KINDS.includes(period.kind);
    const [issued, previous] = await Promise.all([
      closedWithReport ? issuedRow(period.key, node._id) : Promise.resolve(null),
      previousValues(node, before, now),
    ]);
    const base = {
      nodeId: node._id,
      nodeName: node.name,
      period: periodView(period, now),
      previousPeriod: periodView(before, now),
      choices: periodChoices(now),
    };
    if (issued) {
      const issuedAt = new Date(issued.report.issuedAt ?? issued.report.startedAt).toISOString();
      const result: DeskFigures = {
        ...base,
        source: 'report',
        report: { version: issued.report.version, issuedAt },
        asOf: issuedAt,
        activityAsOf: issuedAt,
        groups: groupedViews(valuesOfRow(issued.row), previous, period),
        heldByKind: kindRows(issued.row.heldByKind),
        pointsByCategory: categoryRows(issued.row.pointsByCategory),
      };
      return result;
    }
    const live = await liveFigures(node, period, now);
    const result: DeskFigures = {
      ...base,
      source: 'live',
      report: null,
      asOf: now.toISOString(),
      activityAsOf: live.countedAt ? new Date(live.countedAt).toISOString() : null,
      groups: groupedViews(live.values, previous, period),
      heldByKind: kindRows(live.sums.heldByKind),
      pointsByCategory: categoryRows(live.sums.byCategory),
    };
    return result;
  },
};
