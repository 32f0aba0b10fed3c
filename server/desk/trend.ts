/**
 * `desk.trend`: one figure of 组织生活、党费、先锋作用 over the last 12 months (this month so far),
 * from the branch months grouped by month: one aggregation whatever the size of the subtree.
 * 覆盖 is counted now only, so it has no trend here (its past is in the reports).
 */
import type { Trend } from '../../typings/areas/desk';
import { betterOf, countedFor, figureOf, figureText, UNIT_NAMES, type FigureId } from '../domain/desk/figures';
import { parseReportPeriod } from '../domain/desk/periods';
import { activityValues } from '../domain/desk/values';
import { addMonths, monthOf } from '../domain/dues/months';
import type { Handler } from '../platform/dispatch';
import { invalidArgument } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { activityByMonth } from './activity';
import { nodeIdSchema, readableNode } from './node-access';

export const TREND_MONTHS = 12;

export const trend: Handler<'desk', 'trend'> = {
  input: z.object({ nodeId: nodeIdSchema, figureId: labelled(z.string().trim().min(1).max(64), '指标') }),
  async run({ nodeId, figureId }, { caller }) {
    const spec = figureOf(figureId);
    if (!spec || spec.group === 'coverage' || !countedFor(spec, 'month')) {
      throw invalidArgument('这个指标没有按月趋势，请选择组织生活、党费或先锋作用的指标', 'figureId');
    }
    const { node } = await readableNode(caller, nodeId);
    const current = monthOf(new Date());
    const months = Array.from({ length: TREND_MONTHS }, (_x, i) => addMonths(current, i - TREND_MONTHS + 1));
    const rows = new Map((await activityByMonth(node._id, months)).map((r) => [r.key, r.sums]));
    const result: Trend = {
      nodeId: node._id,
      nodeName: node.name,
      figure: {
        id: spec.id,
        name: spec.name,
        definition: spec.definition,
        unit: spec.unit === 'fen' ? '元' : UNIT_NAMES[spec.unit],
        better: betterOf(spec),
      },
      points: months.map((month) => {
        const sums = rows.get(month);
        const value = sums ? (activityValues(sums, 'month')[spec.id as FigureId] ?? null) : null;
        return {
          period: month,
          // 12月 within the year; a January names its year, as the axis crosses into it.
          label: month.endsWith('-01') ? parseReportPeriod(month)!.label : parseReportPeriod(month)!.label.slice(5),
          value,
          text: sums ? figureText(spec, value) : '无数据',
        };
      }),
    };
    return result;
  },
};
