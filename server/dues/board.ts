/**
 * The branch's dues board (who is 1, 3, 5, 6+ months behind, the review list, this month's figures,
 * payments to refund), the month's collection list, and monthly summaries for any organisation node.
 * Figures come from aggregation on the database, never from reading every record and adding up.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type {
  ArrearsRow,
  BranchDuesBoard,
  CollectionRow,
  DuesSummary,
  DuesTotals,
  UnappliedPayment,
} from '../../typings/areas/dues';
import { ARREARS_FOLLOW_UP, addMonths, arrearsBand, compareMonths, monthOf, unpaidRunBefore } from '../domain/dues';
import { findOrg, type OrgDoc } from '../orgs/org-store';
import { loadAccess, requireAdminOver, requireBranchManager } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { readKeysetPage } from '../platform/keyset';
import { notFound } from '../platform/errors';
import type { DuesMonthDoc, DuesOrderDoc } from './docs';
import { membersWithoutBase } from './no-base';
import { HISTORY_MONTHS, UNPAID_STATES } from './records';
import { DEFAULT_PAGE, monthSchema, orgIdSchema, pageInput } from './schemas';

const BRANCH_TYPES = ['branch', 'mobile_branch'];
/** A branch has at most 50 members; the aggregation's output is capped well above that. */
const MAX_GROUPS = 1000;

/** Load the branch and refuse unless the caller runs it. */
async function managedBranch(caller: Parameters<typeof loadAccess>[0], branchId: string): Promise<OrgDoc> {
  const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
  if (!branch || !BRANCH_TYPES.includes(branch.type)) throw notFound('该支部不存在');
  requireBranchManager(access, { id: branch._id, ancestors: branch.ancestors });
  return branch;
}

type StateGroup = { _id: { state: DuesMonthDoc['state']; branchId?: string }; n: number; fen: number };

const emptyTotals = (): DuesTotals => ({ owing: 0, paid: 0, unpaid: 0, waived: 0, dueFen: 0, receivedFen: 0 });

function addGroup(t: DuesTotals, g: StateGroup): void {
  const { state } = g._id;
  if (state === 'waived') {
    t.waived += g.n;
    return;
  }
  t.owing += g.n;
  t.dueFen += g.fen;
  if (state === 'paid') {
    t.paid += g.n;
    t.receivedFen += g.fen;
  } else {
    t.unpaid += g.n;
  }
}

/** Count and sum a month's records by state (and branch): one aggregation round trip. */
async function monthGroups(match: Record<string, unknown>, byBranch: boolean): Promise<StateGroup[]> {
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.duesMonths)
    .aggregate()
    .match(match)
    .group({
      _id: byBranch ? { state: '$state', branchId: '$branchId' } : { state: '$state' },
      n: $.sum(1),
      fen: $.sum('$amountFen'),
    })
    .limit(MAX_GROUPS)
    .end();
  return ((res as { data?: StateGroup[] }).data ?? []) as StateGroup[];
}

function arrearsRowOf(g: { _id: string; months: string[]; fen: number; name: string }, current: string): ArrearsRow {
  const months = [...new Set(g.months)].sort(compareMonths);
  const run = unpaidRunBefore(current, months);
  const band = arrearsBand(run);
  return {
    memberId: g._id,
    name: g.name,
    band,
    bandLabel: ARREARS_FOLLOW_UP[band].label,
    runMonths: run,
    unpaidMonths: months,
    unpaidFen: g.fen,
    todo: ARREARS_FOLLOW_UP[band].secretaryTodo,
  };
}

const BAND_ORDER = ['6+', '5', '3', '1', 'none'];

/**
 * Everyone in the branch behind on dues before this month, furthest behind first: one
 * aggregation round trip over the indexed months (the board and the secretary's to-dos read it).
 */
export async function branchArrears(branchId: string, current: string): Promise<ArrearsRow[]> {
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.duesMonths)
    .aggregate()
    .match({
      branchId,
      state: _.in([...UNPAID_STATES]),
      month: _.gte(addMonths(current, -HISTORY_MONTHS)).and(_.lt(current)),
    })
    .group({ _id: '$memberId', months: $.push('$month'), fen: $.sum('$amountFen'), name: $.first('$memberName') })
    .limit(MAX_GROUPS)
    .end();
  return ((res as { data?: { _id: string; months: string[]; fen: number; name: string }[] }).data ?? [])
    .map((g) => arrearsRowOf(g, current))
    .filter((r) => r.band !== 'none')
    .sort(
      (a, b) =>
        BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band) ||
        b.runMonths - a.runMonths ||
        a.name.localeCompare(b.name, 'zh'),
    );
}

/** The branch's board: arrears bands, the review list, this month, declarations waiting, refunds due. */
export const branchBoard: Handler<'dues', 'branchBoard'> = {
  input: z.object({ branchId: orgIdSchema('支部') }),
  async run({ branchId }, { caller }) {
    const branch = await managedBranch(caller, branchId);
    const now = new Date();
    const current = monthOf(now);
    const [arrears, groups, pending, unapplied, noBase] = await Promise.all([
      branchArrears(branchId, current),
      monthGroups({ branchId, month: current }, false),
      db.collection(COLLECTIONS.duesProfiles).where({ branchId, hasPending: true }).count(),
      db
        .collection(COLLECTIONS.duesOrders)
        .where({ branchId, state: 'unapplied' })
        .orderBy('paidAt', 'desc')
        .limit(50)
        .get(),
      membersWithoutBase(branchId, now),
    ]);
    const rows = arrears;
    const bandCounts: BranchDuesBoard['bandCounts'] = { '1': 0, '3': 0, '5': 0, '6+': 0 };
    for (const r of rows) if (r.band !== 'none') bandCounts[r.band] += 1;
    const thisMonth = emptyTotals();
    for (const g of groups) addGroup(thisMonth, g);
    return {
      branchId,
      branchName: branch.name,
      currentMonth: current,
      bandCounts,
      rows,
      reviewMemberIds: rows.filter((r) => ARREARS_FOLLOW_UP[r.band].reviewList).map((r) => r.memberId),
      thisMonth,
      pendingBases: (pending as { total: number }).total,
      noBase,
      unapplied: (unapplied.data as DuesOrderDoc[]).map((o): UnappliedPayment => ({
        orderId: o._id,
        memberId: o.memberId,
        name: o.memberName,
        totalFen: o.totalFen,
        months: o.months.map((m) => m.month),
        paidAt: new Date(o.paidAt ?? o.updatedAt).toISOString(),
        reason: o.unappliedReason === 'amount_changed' ? '应交金额已调整' : '所交月份已经交过',
      })),
    };
  },
};

/** The month's collection list: every member's record, by name, a page at a time. */
export const collectionList: Handler<'dues', 'collectionList'> = {
  input: z.object({ branchId: orgIdSchema('支部'), month: monthSchema('月份'), ...pageInput }),
  async run({ branchId, month, cursor, limit = DEFAULT_PAGE }, { caller }) {
    await managedBranch(caller, branchId);
    const { rows, nextCursor } = await readKeysetPage<DuesMonthDoc>({
      collection: COLLECTIONS.duesMonths,
      where: { branchId, month },
      sort: [
        ['memberName', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    });
    const items = rows.map((d): CollectionRow => ({
      memberId: d.memberId,
      name: d.memberName,
      month: d.month,
      amountFen: d.amountFen,
      state: d.state,
      channel: d.payment?.channel ?? null,
      receiptNo: d.payment?.receiptNo ?? null,
      paidAt: d.payment ? new Date(d.payment.paidAt).toISOString() : null,
    }));
    return { items, nextCursor };
  },
};

/**
 * A node's figures for a month: members owing, paid, unpaid, fen due and received, in total and per
 * branch. A secretary asks for their branch; an administrator for any node in their subtree.
 */
export const summary: Handler<'dues', 'summary'> = {
  input: z.object({ nodeId: orgIdSchema('组织'), month: monthSchema('月份') }),
  async run({ nodeId, month }, { caller }) {
    const [access, node] = await Promise.all([loadAccess(caller), findOrg(nodeId)]);
    if (!node) throw notFound('该组织不存在');
    const place = { id: node._id, ancestors: node.ancestors };
    if (BRANCH_TYPES.includes(node.type)) requireBranchManager(access, place);
    else requireAdminOver(access, place);
    const groups = await monthGroups({ orgPath: nodeId, month }, true);
    const totals = emptyTotals();
    const byBranch = new Map<string, DuesTotals>();
    for (const g of groups) {
      addGroup(totals, g);
      const id = g._id.branchId ?? '';
      if (!byBranch.has(id)) byBranch.set(id, emptyTotals());
      addGroup(byBranch.get(id)!, g);
    }
    const ids = [...byBranch.keys()].filter(Boolean);
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const res = await db
        .collection(COLLECTIONS.orgs)
        .where({ _id: _.in(ids) })
        .field({ name: true })
        .limit(ids.length)
        .get();
      for (const o of res.data as { _id: string; name: string }[]) names.set(o._id, o.name);
    }
    const result: DuesSummary = {
      nodeId,
      nodeName: node.name,
      month,
      totals,
      branches: [...byBranch.entries()]
        .map(([branchId, t]) => ({ branchId, branchName: names.get(branchId) ?? branchId, ...t }))
        .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh')),
    };
    return result;
  },
};
