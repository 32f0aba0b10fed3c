/**
 * 周报、月报、季报: a snapshot of every figure of every open node, issued after its period closes
 * (by the scheduler, or on demand by an administrator) and never recounted. Issuing again makes a
 * new version only when a figure changed, and the version lists what changed, so a figure read out
 * at last Monday's 周例会 is still there. Rows are written first and the header last: a run that
 * dies midway leaves no report, and the next run writes it whole.
 */
import { COLLECTIONS } from '../../database/collections';
import type { OrgNodeType } from '../../typings/models';
import type { ReportPeriodKind } from '../../typings/areas/desk';
import { diffReports, type ReportChange, type ReportRowValues } from '../domain/desk/report-diff';
import { isClosed, parseReportPeriod, type ReportPeriod } from '../domain/desk/periods';
import {
  activityValues,
  addBranchMonth,
  addWeekSession,
  coverageValues,
  emptyActivity,
  type ActivitySums,
  type FigureValues,
} from '../domain/desk/values';
import { MAX_CHILDREN, type OrgDoc } from '../orgs/org-store';
import { writeAudit } from '../platform/audit';
import { _, db } from '../platform/cloudbase';
import { conflict, failedPrecondition, invalidArgument } from '../platform/errors';
import { keysetPages } from '../platform/keyset';
import { inTransaction } from '../platform/transaction';
import type { SessionDoc } from '../sessions/session-doc';
import { monthsOf } from './activity';
import type { BranchMonthDoc } from './branch-months';
import { blankCoverage, coverageOfEveryNode } from './coverage';

/** Kinds of period a report is issued for (a year is read live). */
export const REPORT_KINDS: readonly ReportPeriodKind[] = ['week', 'month', 'quarter'];
export const REPORT_NAMES: Record<string, string> = { week: '周报', month: '月报', quarter: '季报' };

/** Changes kept on the header; the count says how many there were in all. */
const CHANGES_KEPT = 200;
/** Rows per read (a keyset page reads one more to know whether another follows). */
const PAGE = 500;
const WRITE_BATCH = 200;
/** A version left `writing` this long died with its invocation; another run may take it over. */
const STALE_WRITING_MS = 15 * 60_000;

export interface ReportDoc {
  _id: string;
  period: string;
  kind: ReportPeriodKind;
  label: string;
  version: number;
  state: 'writing' | 'issued';
  startedAt: Date;
  issuedAt: Date | null;
  /** `timer`, or the openid of the administrator who issued it. */
  issuedBy: string;
  reason: string | null;
  nodes: number;
  changes: ReportChange[];
  changeCount: number;
}

export interface ReportRowDoc {
  _id: string;
  reportId: string;
  period: string;
  version: number;
  nodeId: string;
  nodeName: string;
  nodeType: OrgNodeType;
  parentId: string | null;
  ancestors: string[];
  /** As a list: figure ids have dots, which a stored key may not. */
  values: { id: string; value: number | null }[];
  heldByKind: ActivitySums['heldByKind'];
  pointsByCategory: ActivitySums['byCategory'];
}

export const reportIdOf = (period: string, version: number) => `${period}#v${version}`;
export const reportRowIdOf = (reportId: string, nodeId: string) => `${reportId}#${nodeId}`;

export const valuesOfRow = (row: Pick<ReportRowDoc, 'values'>): FigureValues =>
  Object.fromEntries(row.values.map((v) => [v.id, v.value])) as FigureValues;

/** Every document matching `where`, page by page by `_id`. */
async function readAll<T extends { _id: string }>(
  collection: string,
  where: Record<string, unknown>,
  field?: Record<string, boolean>,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of keysetPages<T>({ collection, where, sort: [['_id', 'asc']], limit: PAGE, field })) {
    out.push(...page);
  }
  return out;
}

/** 组织生活、党费、先锋作用 of every node, summed from the branch months (or a week's sessions). */
async function activityOfEveryNode(period: ReportPeriod, now: Date, roots: readonly string[]) {
  const sums = new Map<string, ActivitySums>();
  const of = (id: string) => {
    let s = sums.get(id);
    if (!s) sums.set(id, (s = emptyActivity()));
    return s;
  };
  if (period.kind === 'week') {
    for (const root of roots) {
      const sessions = await readAll<Pick<SessionDoc, '_id' | 'kind' | 'ownerPath' | 'tally'>>(
        COLLECTIONS.sessions,
        {
          ownerPath: root,
          state: 'published',
          branchId: _.neq(null),
          startAt: _.gte(period.start).and(_.lt(period.end)),
        },
        { kind: true, ownerPath: true, tally: true },
      );
      for (const s of sessions) for (const id of s.ownerPath) addWeekSession(of(id), s);
    }
    return sums;
  }
  const months = monthsOf(period, now);
  const unfinished = await db
    .collection(COLLECTIONS.deskBranchMonths)
    .where({ month: _.in(months), final: false })
    .count();
  if (unfinished.total > 0) throw new Error(`${period.label}的支部月度汇总尚未定稿（${unfinished.total} 个）`);
  const last = months[months.length - 1];
  const docs = await readAll<BranchMonthDoc>(COLLECTIONS.deskBranchMonths, { month: _.in(months) });
  if (docs.length === 0) return null;
  for (const d of docs) for (const id of d.orgPath) addBranchMonth(of(id), d, d.month === last);
  return sums;
}

/** Every open node's row of the report, counted now; null when no branch month was ever counted for the period (before the desk began). */
export async function countReportRows(
  period: ReportPeriod,
  now: Date,
): Promise<Omit<ReportRowDoc, '_id' | 'reportId' | 'version'>[] | null> {
  const nodes = await readAll<OrgDoc>(
    COLLECTIONS.orgs,
    { closed: _.neq(true) },
    {
      name: true,
      type: true,
      parentId: true,
      ancestors: true,
    },
  );
  const roots = nodes.filter((n) => !n.parentId).map((n) => n._id);
  const [coverage, activity] = await Promise.all([coverageOfEveryNode(now), activityOfEveryNode(period, now, roots)]);
  if (!activity) return null;
  return nodes.map((n) => {
    const sums = activity.get(n._id) ?? emptyActivity();
    const values: FigureValues = {
      ...coverageValues(coverage.get(n._id) ?? blankCoverage()),
      ...activityValues(sums, period.kind),
    };
    return {
      period: period.key,
      nodeId: n._id,
      nodeName: n.name,
      nodeType: n.type,
      parentId: n.parentId,
      ancestors: n.ancestors,
      values: Object.entries(values).map(([id, value]) => ({ id, value: value ?? null })),
      heldByKind: sums.heldByKind,
      pointsByCategory: sums.byCategory,
    };
  });
}

/** The latest issued version of a period's report, or null. */
export async function latestReport(period: string): Promise<ReportDoc | null> {
  const res = await db
    .collection(COLLECTIONS.deskReports)
    .where({ period, state: 'issued' })
    .orderBy('version', 'desc')
    .limit(1)
    .get();
  return ((res.data as ReportDoc[])[0] as ReportDoc | undefined) ?? null;
}

const asRowValues = (r: Pick<ReportRowDoc, 'nodeId' | 'nodeName' | 'ancestors' | 'values'>): ReportRowValues => ({
  nodeId: r.nodeId,
  nodeName: r.nodeName,
  ancestors: r.ancestors,
  values: valuesOfRow(r),
});

export interface IssueOutcome {
  period: string;
  version: number;
  issued: boolean;
  /** Why no new version was made: one exists (the timer's run), nothing changed, or nothing was counted for the period. */
  skipped?: 'exists' | 'unchanged' | 'no_data';
  changeCount: number;
}

/** Claim the version's header, so two administrators issuing at once cannot both write it. */
async function claimVersion(id: string, base: Omit<ReportDoc, '_id'>, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.deskReports).doc(id);
    const found = ((await ref.get()) as { data: ReportDoc | null }).data;
    if (found?.state === 'issued') throw conflict('刚刚已有新版本出具，请刷新后查看');
    if (found && now.getTime() - new Date(found.startedAt).getTime() < STALE_WRITING_MS) {
      throw conflict('该报表正在生成，请稍后刷新');
    }
    await ref.set(base);
  });
}

/**
 * Issue the period's report. `by` is `timer` (which issues a period once) or an administrator's
 * openid (who may issue a correction: a new version when something changed).
 */
export async function issueReport(
  key: string,
  by: { openid: string | 'timer'; reason: string | null },
  now: Date = new Date(),
): Promise<IssueOutcome> {
  const period = parseReportPeriod(key);
  if (!period || !REPORT_KINDS.includes(period.kind)) throw invalidArgument('报表只按周、月、季度出具', 'period');
  if (!isClosed(period, now)) throw failedPrecondition(`${period.label}尚未结束，结束后才能出具报表`);
  const latest = await latestReport(key);
  if (latest && by.openid === 'timer') {
    return { period: key, version: latest.version, issued: false, skipped: 'exists', changeCount: 0 };
  }
  const rows = await countReportRows(period, now);
  if (!rows) return { period: key, version: latest?.version ?? 0, issued: false, skipped: 'no_data', changeCount: 0 };
  let changes: ReportChange[] = [];
  if (latest) {
    const before = await readAll<ReportRowDoc>(COLLECTIONS.deskReportRows, { reportId: latest._id });
    changes = diffReports(before.map(asRowValues), rows.map(asRowValues));
    if (changes.length === 0) {
      return { period: key, version: latest.version, issued: false, skipped: 'unchanged', changeCount: 0 };
    }
  }
  const version = (latest?.version ?? 0) + 1;
  const id = reportIdOf(key, version);
  const header: Omit<ReportDoc, '_id'> = {
    period: key,
    kind: period.kind,
    label: period.label,
    version,
    state: 'writing',
    startedAt: now,
    issuedAt: null,
    issuedBy: by.openid,
    reason: by.reason,
    nodes: rows.length,
    changes: changes.slice(0, CHANGES_KEPT),
    changeCount: changes.length,
  };
  await claimVersion(id, header, now);
  const collection = db.collection(COLLECTIONS.deskReportRows);
  await collection.where({ reportId: id }).remove();
  const docs = rows.map((r) => ({ _id: reportRowIdOf(id, r.nodeId), reportId: id, version, ...r }));
  for (let i = 0; i < docs.length; i += WRITE_BATCH) await collection.add(docs.slice(i, i + WRITE_BATCH));
  await db.collection(COLLECTIONS.deskReports).doc(id).update({ state: 'issued', issuedAt: new Date() });
  if (by.openid !== 'timer') {
    await writeAudit({
      actor: by.openid,
      action: 'desk.issueReport',
      target: { collection: COLLECTIONS.deskReports, id },
      before: latest ? { version: latest.version } : null,
      after: { version, changeCount: changes.length },
      reason: by.reason ?? undefined,
    });
  }
  return { period: key, version, issued: true, changeCount: changes.length };
}

/** A node's row of an issued report, or null when the node had none (not yet set up then). */
export async function reportRow(reportId: string, nodeId: string): Promise<ReportRowDoc | null> {
  const res = await db.collection(COLLECTIONS.deskReportRows).doc(reportRowIdOf(reportId, nodeId)).get();
  return ((res.data as ReportRowDoc[])[0] as ReportRowDoc | undefined) ?? null;
}

/** The rows of a node's children in an issued report, by name. One round trip. */
export async function childRows(reportId: string, nodeId: string): Promise<ReportRowDoc[]> {
  const res = await db
    .collection(COLLECTIONS.deskReportRows)
    .where({ reportId, parentId: nodeId })
    .orderBy('nodeName', 'asc')
    .limit(MAX_CHILDREN)
    .get();
  return res.data as ReportRowDoc[];
}

/** A node's row in the latest issued report of a period, with its header; null when none. */
export async function issuedRow(
  period: string,
  nodeId: string,
): Promise<{ report: ReportDoc; row: ReportRowDoc } | null> {
  const report = await latestReport(period);
  if (!report) return null;
  const row = await reportRow(report._id, nodeId);
  return row ? { report, row } : null;
}

/** The children's rows of a node in the latest issued report of a period, by child id; null when none was issued. */
export async function issuedChildren(period: string, nodeId: string): Promise<Map<string, FigureValues> | null> {
  const report = await latestReport(period);
  if (!report) return null;
  return new Map((await childRows(report._id, nodeId)).map((r) => [r.nodeId, valuesOfRow(r)]));
}
