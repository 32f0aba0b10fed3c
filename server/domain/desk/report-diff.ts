/**
 * What changed between two versions of a report: a report, once issued, is never recounted; a
 * correction is a new version that lists, node by node, every figure whose value differs. Pure.
 */
import { figureOf, figureText } from './figures';
import type { FigureValues } from './values';

export interface ReportRowValues {
  nodeId: string;
  nodeName: string;
  ancestors: string[];
  values: FigureValues;
}

export interface ReportChange {
  nodeId: string;
  nodeName: string;
  ancestors: string[];
  /** A figure id, or `node` when the node itself was added to or dropped from the tree. */
  figureId: string;
  figureName: string;
  before: number | null;
  after: number | null;
  beforeText: string;
  afterText: string;
}

export function diffReports(before: readonly ReportRowValues[], after: readonly ReportRowValues[]): ReportChange[] {
  const old = new Map(before.map((r) => [r.nodeId, r]));
  const changes: ReportChange[] = [];
  const nodeChange = (r: ReportRowValues, added: boolean): ReportChange => ({
    nodeId: r.nodeId,
    nodeName: r.nodeName,
    ancestors: r.ancestors,
    figureId: 'node',
    figureName: '组织',
    before: null,
    after: null,
    beforeText: added ? '（上一版无此组织）' : '在册',
    afterText: added ? '在册' : '已撤销',
  });
  for (const r of after) {
    const was = old.get(r.nodeId);
    if (!was) {
      changes.push(nodeChange(r, true));
      continue;
    }
    old.delete(r.nodeId);
    for (const id of Object.keys(r.values) as (keyof FigureValues)[]) {
      const a = r.values[id] ?? null;
      const b = was.values[id] ?? null;
      if (a === b) continue;
      const spec = figureOf(id)!;
      changes.push({
        nodeId: r.nodeId,
        nodeName: r.nodeName,
        ancestors: r.ancestors,
        figureId: id,
        figureName: spec.name,
        before: b,
        after: a,
        beforeText: figureText(spec, b),
        afterText: figureText(spec, a),
      });
    }
  }
  for (const gone of old.values()) changes.push(nodeChange(gone, false));
  return changes;
}
