/**
 * Keeping `desk_branch_months`: each branch's month counted from its own records, a few
 * aggregations per branch (its sessions' tallies, its dues records and receipts, its members'
 * ledger entries), never a scan of a district. The month just closed is counted once and marked
 * final (`desk.close-month`); the month under way is counted again every hour (`desk.refresh-month`).
 */
import { COLLECTIONS } from '../../database/collections';
import type { PointsCategory } from '../../typings/areas/points';
import {
  arrearsAtEnd,
  cadenceOfMonth,
  duesOfMonth,
  lifeOfMonth,
  vanguardOfMonth,
  type BranchMonthFigures,
  type DuesStateGroup,
} from '../domain/desk/branch-month';
import { addMonths } from '../domain/dues/months';
import { cadenceItems, parseMonth, REQUIRED_KINDS } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import type { OrgDoc } from '../orgs/org-store';
import { _, db } from '../platform/cloudbase';
import { keysetPages } from '../platform/keyset';
import { HISTORY_MONTHS, UNPAID_STATES } from '../dues/records';
import { cadenceCounts } from '../sessions/stats';
import { joinedBranchAt, BRANCH_TYPES } from '../sessions/store';
import type { SessionDoc } from '../sessions/session-doc';

export interface BranchMonthDoc extends BranchMonthFigures {
  _id: string;
  branchId: string;
  branchName: string;
  /** The branch's ancestors and itself: "under node X" is `orgPath` contains X. */
  orgPath: string[];
  month: string;
  /** Counted after the month closed: what the month's report reads. */
  final: boolean;
  computedAt: Date;
}

export const branchMonthId = (branchId: string, month: string) => `${branchId}@${month}`;

/** A branch has at most 50 members and a few dozen sessions a month; reads are capped well above. */
const CAP = 1000;
/** Branches counted at once by a job. */
const CONCURRENCY = 8;

const $ = () => db.command.aggregate;
const dataOf = <T>(res: unknown) => ((res as { data?: T[] }).data ?? []) as T[];

/** Count one branch's month from its records. */
export async function countBranchMonth(branch: OrgDoc, month: string, now: Date): Promise<BranchMonthDoc> {
  const period = parseMonth(month);
  if (!period) throw new RangeError(`countBranchMonth: bad month ${month}`);
  const final = period.end.getTime() <= now.getTime();
  const at = final ? new Date(period.end.getTime() - 1) : now;
  const inMonth = _.gte(period.start).and(_.lt(period.end));
  const [membersRes, sessionsRes, counts, duesGroups, received, unpaid] = await Promise.all([
    db
      .collection(COLLECTIONS.members)
      .where({ branchId: branch._id, state: 'active' })
      .field({ partyStatus: true, history: true })
      .limit(CAP)
      .get(),
    db
      .collection(COLLECTIONS.sessions)
      .where({ branchId: branch._id, state: 'published', startAt: _.gte(period.start).and(_.lte(at)) })
      .field({ kind: true, tally: true, startAt: true })
      .limit(CAP)
      .get(),
    cadenceCounts(branch, at),
    db
      .collection(COLLECTIONS.duesMonths)
      .aggregate()
      .match({ branchId: branch._id, month })
      .group({ _id: { state: '$state', onTime: '$onTime' }, n: $().sum(1), fen: $().sum('$amountFen') })
      .end(),
    db
      .collection(COLLECTIONS.duesPayments)
      .aggregate()
      .match({ branchId: branch._id, recordedAt: inMonth })
      .group({ _id: null, fen: $().sum('$totalFen') })
      .end(),
    db
      .collection(COLLECTIONS.duesMonths)
      .aggregate()
      .match({
        branchId: branch._id,
        month: _.gte(addMonths(month, -HISTORY_MONTHS)).and(_.lte(month)),
        state: _.in([...UNPAID_STATES]),
      })
      .group({ _id: '$memberId', months: $().push('$month') })
      .limit(CAP)
      .end(),
  ]);
  const members = membersRes.data as Pick<MemberDoc, '_id' | 'partyStatus' | 'history'>[];
  const sessions = sessionsRes.data as Pick<SessionDoc, '_id' | 'kind' | 'tally' | 'startAt'>[];
  const ids = members.map((m) => m._id);
  const required = sessions.filter((s) => REQUIRED_KINDS.includes(s.kind));
  const [cameOrLeave, volunteer, entries] = await Promise.all([
    required.length === 0
      ? Promise.resolve([])
      : db
          .collection(COLLECTIONS.sessionAttendance)
          .aggregate()
          .match({ sessionId: _.in(required.map((s) => s._id)), status: _.in(['attended', 'leave']) })
          .group({ _id: '$memberId' })
          .limit(CAP)
          .end()
          .then((r) => dataOf<{ _id: string }>(r)),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .collection(COLLECTIONS.sessionAttendance)
          .aggregate()
          .match({ memberId: _.in(ids), sessionKind: 'volunteer', status: 'attended', sessionStartAt: inMonth })
          .group({ _id: null, times: $().sum(1), hours: $().sum('$sessionServiceHours') })
          .end()
          .then((r) => dataOf<{ times: number; hours: number | null }>(r)),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .collection(COLLECTIONS.pointsLedger)
          .aggregate()
          .match({ memberId: _.in(ids), recordedAt: inMonth })
          .group({ _id: { memberId: '$memberId', category: '$category' }, points: $().sum('$points') })
          .limit(CAP * 10)
          .end()
          .then((r) => dataOf<{ _id: { memberId: string; category: PointsCategory }; points: number }>(r)),
  ]);

  // Absent all month: expected at a required meeting held after they joined, and neither came nor asked leave.
  const came = new Set(cameOrLeave.map((g) => g._id));
  const firstRequired = required.reduce<Date | null>((first, s) => {
    const at = new Date(s.startAt);
    return !first || at < first ? at : first;
  }, null);
  const absentAll = firstRequired
    ? members.filter((m) => {
        const joined = joinedBranchAt(m);
        return !came.has(m._id) && (!joined || new Date(joined) <= firstRequired);
      }).length
    : 0;
  const fullMembers = members.filter((m) => m.partyStatus === 'full').length;
  const v = volunteer[0];
  return {
    _id: branchMonthId(branch._id, month),
    branchId: branch._id,
    branchName: branch.name,
    orgPath: [...branch.ancestors, branch._id],
    month,
    final,
    computedAt: now,
    members: members.length,
    life: lifeOfMonth({
      sessions,
      cadence: cadenceOfMonth(cadenceItems(counts, at, { fullMembers }), month),
      absentAll,
    }),
    dues: duesOfMonth(
      dataOf<{ _id: { state: DuesStateGroup['state']; onTime: boolean | null }; n: number; fen: number }>(
        duesGroups,
      ).map((g) => ({ state: g._id.state, onTime: g._id.onTime ?? null, n: g.n, fen: g.fen })),
      dataOf<{ fen: number }>(received)[0]?.fen ?? 0,
      arrearsAtEnd(
        dataOf<{ months: string[] }>(unpaid).map((g) => g.months),
        month,
        final,
      ),
    ),
    vanguard: vanguardOfMonth(
      entries.map((e) => ({ memberId: e._id.memberId, category: e._id.category, points: e.points })),
      { hours: v?.hours ?? 0, times: v?.times ?? 0 },
    ),
  };
}

/** Write one summary (replacing the earlier count of the same branch and month). */
async function store(doc: BranchMonthDoc): Promise<void> {
  const { _id, ...body } = doc;
  await db.collection(COLLECTIONS.deskBranchMonths).doc(_id).set(body);
}

/** Every open branch, a page at a time by `_id`, `CONCURRENCY` at a time. */
async function forEachBranch(visit: (branch: OrgDoc) => Promise<void>): Promise<number> {
  let count = 0;
  const pages = keysetPages<OrgDoc>({
    collection: COLLECTIONS.orgs,
    where: { type: _.in(BRANCH_TYPES), closed: _.neq(true) },
    sort: [['_id', 'asc']],
    limit: 100,
  });
  for await (const page of pages) {
    for (let i = 0; i < page.length; i += CONCURRENCY) await Promise.all(page.slice(i, i + CONCURRENCY).map(visit));
    count += page.length;
  }
  return count;
}

/** Count `month` for every open branch; the jobs call this for the month under way and the month just closed. */
export async function countAllBranches(
  month: string,
  now: Date,
): Promise<{ month: string; branches: number; final: boolean }> {
  let final = false;
  const branches = await forEachBranch(async (branch) => {
    const doc = await countBranchMonth(branch, month, now);
    final = doc.final;
    await store(doc);
  });
  return { month, branches, final };
}

/** A stored summary compared with a fresh count: the fields that drifted, for the reconcile job. */
export async function reconcileBranchMonths(
  month: string,
  now: Date,
): Promise<{ month: string; checked: number; repaired: { id: string; fields: string[] }[] }> {
  const repaired: { id: string; fields: string[] }[] = [];
  const checked = await forEachBranch(async (branch) => {
    const fresh = await countBranchMonth(branch, month, now);
    const res = await db.collection(COLLECTIONS.deskBranchMonths).doc(fresh._id).get();
    const stored = (res.data as BranchMonthDoc[])[0];
    const fields = (['members', 'life', 'dues', 'vanguard'] as const).filter(
      (k) => JSON.stringify(stored?.[k] ?? null) !== JSON.stringify(fresh[k]),
    );
    if (fields.length > 0) {
      await store(fresh);
      repaired.push({ id: fresh._id, fields });
    }
  });
  return { month, checked, repaired };
}
