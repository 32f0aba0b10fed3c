/**
 * Reading issued reports: a node's archive (what the 周例会、月报送、季调度 ask for, and every
 * version), one report for the node as issued (its figures, its children's, and what the version
 * changed within the caller's node), and issuing a correction on demand.
 */
import { COLLECTIONS } from '../../database/collections';
import type { ReportArchive, ReportSummary, ReportView } from '../../typings/areas/desk';
import { figureOf, figureText } from '../domain/desk/figures';
import { parseReportPeriod, previousReportPeriod, reportPeriodOf } from '../domain/desk/periods';
import { canAdminister } from '../domain/scope';
import type { OrgDoc } from '../orgs/org-store';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { categoryRows, groupedViews, kindRows, periodView } from './views';
import { nodeIdSchema, periodKeySchema, readableNode } from './node-access';
import {
  issueReport as issue,
  latestReport,
  REPORT_KINDS,
  REPORT_NAMES,
  childRows,
  reportRow,
  valuesOfRow,
  type ReportDoc,
} from './reports';

const RECENT = 30;

export function summaryOf(r: ReportDoc): ReportSummary {
  return {
    period: r.period,
    kind: r.kind,
    name: REPORT_NAMES[r.kind]!,
    label: r.label,
    version: r.version,
    issuedAt: new Date(r.issuedAt ?? r.startedAt).toISOString(),
    issuedBy: r.issuedBy === 'timer' ? '系统定时出具' : '管理员更正',
    reason: r.reason,
    changeCount: r.changeCount,
  };
}

export const reports: Handler<'desk', 'reports'> = {
  input: z.object({ nodeId: nodeIdSchema }),
  async run({ nodeId }, { caller }) {
    const now = new Date();
    const { node } = await readableNode(caller, nodeId);
    const lastClosed = REPORT_KINDS.map((kind) => previousReportPeriod(reportPeriodOf(kind, now)));
    const [res, ...latest] = await Promise.all([
      db.collection(COLLECTIONS.deskReports).where({ state: 'issued' }).orderBy('issuedAt', 'desc').limit(RECENT).get(),
      ...lastClosed.map((p) => latestReport(p.key)),
    ]);
    const result: ReportArchive = {
      nodeId: node._id,
      nodeName: node.name,
      latest: lastClosed.map((p, i) => ({
        kind: p.kind,
        name: REPORT_NAMES[p.kind]!,
        period: periodView(p, now),
        report: latest[i] ? summaryOf(latest[i]!) : null,
      })),
      recent: (res.data as ReportDoc[]).map(summaryOf),
    };
    return result;
  },
};

export const report: Handler<'desk', 'report'> = {
  input: z.object({
    nodeId: nodeIdSchema,
    period: periodKeySchema,
    version: labelled(z.number().int().min(1).max(10_000), '版本').optional(),
  }),
  async run({ nodeId, period, version }, { caller }) {
    const { node } = await readableNode(caller, nodeId);
    return reportViewOf(node, period, version, new Date());
  },
};

/** One issued report as the node reads it (the latest version unless one is named). */
export async function reportViewOf(
  node: OrgDoc,
  key: string,
  version: number | undefined,
  now: Date,
): Promise<ReportView> {
  const period = parseReportPeriod(key);
  if (!period || !REPORT_KINDS.includes(period.kind)) throw invalidArgument('报表只按周、月、季度出具', 'period');
  const versionsRes = await db
    .collection(COLLECTIONS.deskReports)
    .where({ period: key, state: 'issued' })
    .orderBy('version', 'asc')
    .limit(1000)
    .get();
  const all = versionsRes.data as ReportDoc[];
  const header = version ? all.find((r) => r.version === version) : all[all.length - 1];
  if (!header) throw notFound(version ? `${period.label}没有第 ${version} 版报表` : `${period.label}的报表尚未出具`);
  const before = previousReportPeriod(period);
  const [row, children, previous] = await Promise.all([
    reportRow(header._id, node._id),
    childRows(header._id, node._id),
    latestReport(before.key).then((r) => (r ? reportRow(r._id, node._id) : null)),
  ]);
  if (!row) throw notFound('该组织在这期报表出具时还没有设立');
  const inScope = header.changes.filter((c) => c.nodeId === node._id || c.ancestors.includes(node._id));
  const view: ReportView = {
    ...summaryOf(header),
    nodeId: node._id,
    nodeName: node.name,
    periodView: periodView(period, now),
    versions: all.map((r) => r.version),
    groups: groupedViews(valuesOfRow(row), previous ? valuesOfRow(previous) : {}, period),
    heldByKind: kindRows(row.heldByKind),
    pointsByCategory: categoryRows(row.pointsByCategory),
    children: children.map((c) => ({
      nodeId: c.nodeId,
      nodeName: c.nodeName,
      figures: c.values.map((v) => ({ id: v.id, value: v.value, text: figureText(figureOf(v.id)!, v.value) })),
    })),
    changes: inScope.map((c) => ({
      nodeId: c.nodeId,
      nodeName: c.nodeName,
      figureName: c.figureName,
      beforeText: c.beforeText,
      afterText: c.afterText,
    })),
    changeCount: inScope.length,
  };
  return view;
}

export const issueReport: Handler<'desk', 'issueReport'> = {
  input: z.object({
    nodeId: nodeIdSchema,
    period: periodKeySchema,
    reason: labelled(z.string().trim().min(2).max(200), '出具原因'),
  }),
  async run({ nodeId, period, reason }, { caller }) {
    const { node, access } = await readableNode(caller, nodeId);
    if (!canAdminister(access, { id: node._id, ancestors: node.ancestors })) {
      throw permissionDenied('只有管理员可以出具报表');
    }
    const outcome = await issue(period, { openid: caller.openid, reason });
    const label = parseReportPeriod(period)!.label;
    const message = outcome.issued
      ? `已出具${label}第 ${outcome.version} 版，与上一版相比有 ${outcome.changeCount} 处变化`
      : outcome.skipped === 'no_data'
        ? `${label}没有可出具的数字`
        : `数字与第 ${outcome.version} 版相同，未生成新版本`;
    return { period, version: outcome.version, issued: outcome.issued, message };
  },
};
