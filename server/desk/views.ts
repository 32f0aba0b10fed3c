/** How the desk's figures cross the boundary: grouped views with their change, kinds and categories as rows. */
import type { DeskFigures, FigureGroupView, FigureView, PeriodView } from '../../typings/areas/desk';
import { POINTS_CATEGORIES } from '../domain/desk/branch-month';
import {
  betterOf,
  countedFor,
  FIGURE_GROUP_NAMES,
  FIGURES,
  figureText,
  type FigureGroup,
} from '../domain/desk/figures';
import { isClosed, previousReportPeriod, reportPeriodOf, type ReportPeriod } from '../domain/desk/periods';
import type { ActivitySums, FigureValues } from '../domain/desk/values';
import { CATEGORY_LABELS } from '../domain/points/rules';
import { SESSION_KIND_LABELS, SESSION_KINDS } from '../domain/sessions';

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

/** Sessions held by kind, those held only, in the pickers' order. */
export const kindRows = (held: ActivitySums['heldByKind']): DeskFigures['heldByKind'] =>
  SESSION_KINDS.map((kind) => ({ kind, label: SESSION_KIND_LABELS[kind], held: held[kind] ?? 0 })).filter(
    (k) => k.held > 0,
  );

/** Points by category, those with any. */
export const categoryRows = (points: ActivitySums['byCategory']): DeskFigures['pointsByCategory'] =>
  POINTS_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    points: points[category] ?? 0,
  })).filter((c) => c.points !== 0);

/** The periods offered on the desk, named as people say them. */
export function periodChoices(now: Date): { key: string; name: string }[] {
  const week = reportPeriodOf('week', now);
  const month = reportPeriodOf('month', now);
  const quarter = reportPeriodOf('quarter', now);
  return [
    { key: month.key, name: '本月' },
    { key: previousReportPeriod(month).key, name: '上月' },
    { key: week.key, name: '本周' },
    { key: previousReportPeriod(week).key, name: '上周' },
    { key: quarter.key, name: '本季度' },
    { key: previousReportPeriod(quarter).key, name: '上季度' },
    { key: reportPeriodOf('year', now).key, name: '今年' },
  ];
}
