/**
 * `desk.ranking` (晾晒): the children of a node ranked on one figure or on the composite, with the
 * change on the period before and the node's 绿/黄/红 bands. Every child's figures come from the
 * same grouped aggregations as a node's own (coverage.ts, activity.ts), so a district's row in
 * the city's ranking is the district's desk: a fixed number of round trips for any number of children.
 */
import type { Ranking, RankingRow } from '../../typings/areas/desk';
import {
  betterOf,
  countedFor,
  figureOf,
  figureText,
  FIGURES,
  UNIT_NAMES,
  type FigureSpec,
} from '../domain/desk/figures';
import { previousReportPeriod, type ReportPeriod } from '../domain/desk/periods';
import {
  bandOf,
  COMPOSITE_BANDS,
  compositeOf,
  rank,
  type Bands,
  type Better,
  type Entry,
} from '../domain/desk/ranking';
import { activityValues, coverageValues, emptyActivity, type FigureValues } from '../domain/desk/values';
import { listChildren, type OrgDoc } from '../orgs/org-store';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { activityOf } from './activity';
import { blankCoverage, coverageOf } from './coverage';
import { periodView } from './views';
import { isBranch, nodeIdSchema, periodAsked, periodKeySchema, readableNode } from './node-access';
import { bandsFor, findSettings, weightsFor } from './settings';
import { issuedChildren, REPORT_KINDS } from './reports';

export const COMPOSITE = 'composite';
/** Every child's figure values for the period: 覆盖 (counted now) only when asked for the live period. */
async function valuesByChild(
  node: OrgDoc,
  children: readonly OrgDoc[],
  period: ReportPeriod,
  now: Date,
  withCoverage: boolean,
): Promise<Map<string, FigureValues>> {
  const grouping = { byChildAt: node.ancestors.length + 1 };
  const ids = children.map((c) => c._id);
  const [coverage, activity] = await Promise.all([
    withCoverage ? coverageOf(node._id, now, grouping, ids) : Promise.resolve(new Map()),
    activityOf(node._id, period, now, grouping),
  ]);
  const activityById = new Map(activity.map((r) => [r.key, r.sums]));
  return new Map(
    ids.map((id) => [
      id,
      {
        ...(withCoverage ? coverageValues(coverage.get(id) ?? blankCoverage()) : {}),
        ...activityValues(activityById.get(id) ?? emptyActivity(), period.kind),
      },
    ]),
  );
}

function bandsText(spec: FigureSpec | null, bands: Bands, better: Better): string {
  const show = (v: number) => (spec ? figureText(spec, v) : `${(v / 10).toFixed(1)} 分`);
  const [at, past] = better === 'higher' ? ['≥', '低于'] : ['≤', '高于'];
  return `绿：${at} ${show(bands.green)}；黄：${at} ${show(bands.amber)}；红：${past} ${show(bands.amber)}`;
}

const compositeText = (v: number | null) => (v === null ? '本期无可计算的指标' : `${(v / 10).toFixed(1)} 分`);

export const ranking: Handler<'desk', 'ranking'> = {
  input: z.object({
    nodeId: nodeIdSchema,
    figureId: labelled(z.string().trim().min(1).max(64), '指标'),
    period: periodKeySchema.optional(),
  }),
  async run({ nodeId, figureId, period }, { caller }) {
    const now = new Date();
    // The period and figure are checked before anything is read.
    checkAsked(figureId, period, now);
    const { node } = await readableNode(caller, nodeId);
    return rankingOf(node, figureId, period, now);
  },
};

function checkAsked(
  figureId: string,
  key: string | undefined,
  now: Date,
): { period: ReportPeriod; spec: FigureSpec | null } {
  const period = periodAsked(key, now);
  const spec = figureId === COMPOSITE ? null : figureOf(figureId);
  if (figureId !== COMPOSITE && !spec) throw invalidArgument('没有这个指标', 'figureId');
  if (spec && !countedFor(spec, period.kind))
    throw invalidArgument(`“${spec.name}”不按周统计，请选择月、季度或年`, 'figureId');
  return { period, spec };
}

/** The node's children ranked on the figure (or the composite) for the period. */
export async function rankingOf(node: OrgDoc, figureId: string, key: string | undefined, now: Date): Promise<Ranking> {
  const { period, spec } = checkAsked(figureId, key, now);
  if (isBranch(node)) throw failedPrecondition('支部没有下级组织，不能排名');
  const before = previousReportPeriod(period);
  const [children, settings] = await Promise.all([listChildren(node._id), findSettings(node._id)]);
  if (children.length === 0) throw failedPrecondition('该组织下没有下级组织');
  const weights = weightsFor(settings);
  const usesCoverage = spec ? spec.group === 'coverage' : Object.keys(weights).some((id) => id.startsWith('coverage.'));
  const [current, issuedBefore, counted] = await Promise.all([
    valuesByChild(node, children, period, now, usesCoverage),
    // The period before as issued, when its report exists: 覆盖 of a past period is known only from it.
    usesCoverage && REPORT_KINDS.includes(before.kind) ? issuedChildren(before.key, node._id) : Promise.resolve(null),
    valuesByChild(node, children, before, now, false),
  ]);
  const prev = issuedBefore ?? counted;
  const better: Better = spec ? betterOf(spec) : 'higher';
  const valueOf = (values: FigureValues | undefined): number | null => {
    if (!values) return null;
    if (spec) return values[spec.id as keyof FigureValues] ?? null;
    return compositeOf(values as Record<string, number | null>, weights, (id) => betterOf(figureOf(id)!));
  };
  const entries: Entry[] = children.map((c) => ({
    id: c._id,
    name: c.name,
    value: valueOf(current.get(c._id)),
    // Without the report before, a composite that weighs 覆盖 has no like-for-like value to compare.
    previous: !spec && usesCoverage && !issuedBefore ? null : valueOf(prev.get(c._id)),
  }));
  const bands = spec ? bandsFor(settings, spec) : { ...COMPOSITE_BANDS, own: false };
  const text = (v: number | null) => (spec ? figureText(spec, v) : compositeText(v));
  const rows: RankingRow[] = rank(entries, better).map((r) => ({
    nodeId: r.id,
    nodeName: r.name,
    rank: r.rank,
    tied: r.tied,
    value: r.value,
    text: text(r.value),
    previous: r.previous,
    previousRank: r.previousRank,
    placesUp: r.placesUp,
    change: r.value !== null && r.previous !== null ? Math.round((r.value - r.previous) * 10) / 10 : null,
    band: bands ? bandOf(r.value, bands, better) : null,
  }));
  const notes = [better === 'higher' ? '数值越高排名越前' : '数值越低排名越前', '数值相同的并列同一名次，下一名次顺延'];
  const unranked = rows.filter((r) => r.rank === null).length;
  if (unranked > 0) notes.push(`${unranked} 个组织本期没有可比较的数值，列在最后，不参与排名`);
  if (usesCoverage) {
    notes.push(
      issuedBefore
        ? '覆盖类指标为截至目前的数字，上期数字取自上期已出具的报表'
        : '覆盖类指标为截至目前的数字；上期报表尚未出具，暂无法与上期相比',
    );
  }
  const result: Ranking = {
    nodeId: node._id,
    nodeName: node.name,
    period: periodView(period, now),
    previousPeriod: periodView(before, now),
    figure: spec
      ? {
          id: spec.id,
          name: spec.name,
          definition: spec.definition,
          better,
          unit: spec.unit === 'fen' ? '元' : UNIT_NAMES[spec.unit],
        }
      : {
          id: COMPOSITE,
          name: '综合得分',
          definition:
            '各项比率按权重加权平均（越低越好的指标按 100% 减去该值计），满分 100 分；某项本期无数值时不计入，权重见下表',
          better,
          unit: 'score',
        },
    bands: bands ? { green: bands.green, amber: bands.amber, text: bandsText(spec, bands, better) } : null,
    weights: spec
      ? null
      : FIGURES.filter((f) => (weights[f.id] ?? 0) > 0).map((f) => ({
          figureId: f.id,
          name: f.name,
          weight: weights[f.id]!,
        })),
    rows,
    notes,
    figureChoices: [
      { id: COMPOSITE, name: '综合得分' },
      ...(FIGURES as readonly FigureSpec[])
        .filter((f) => f.better !== undefined && countedFor(f, period.kind))
        .map((f) => ({
          id: f.id,
          name: f.name,
        })),
    ],
  };
  return result;
}
