/**
 * The one way points enter the ledger. Other areas (registration, attendance, dues, volunteer
 * check-in) call `awardPoints`; claims and manual awards go through the same core. Nothing else
 * writes `points_ledger`.
 *
 * Design: the entry's `_id` is deterministic (member, item code, source event), so a retried or
 * concurrent award of the same thing adds nothing. Caps and totals live in the member's account
 * document, read and written in the same transaction as the entry, with the year total (the
 * ranking document): concurrent awards for a member serialise on that document, the database's
 * optimistic transactions make all but one of them conflict, and `inTransaction` retries them
 * with a jittered backoff until each has seen the others' points. So twenty parallel awards
 * against a cap of five add exactly five, and none fails.
 */
import { COLLECTIONS } from '../../database/collections';
import type { PointsSourceType } from '../../typings/areas/points';
import { grantUnderCaps, withEntry, type AccountState } from '../domain/points/account';
import { entryIdOf, totalsIdOf } from '../domain/points/ids';
import { periodsOf, type Periods } from '../domain/points/periods';
import { RULE_CODE_PATTERN, UNIT_LABELS, resolveRule, whyNotApplicable } from '../domain/points/rules';
import { findMember } from '../members/store';
import type { Transaction } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import { notFound } from '../platform/errors';
import { labelled, parseInput, z } from '../platform/validation';
import type { AccountDoc, EntryDoc, RuleDoc, TotalsDoc } from './docs';
import { findEntry, findRuleCandidates, toAccountState } from './store';
import { throwIfFailed } from '../platform/db-errors';
import { inTransaction } from '../platform/transaction';

export interface AwardRequest {
  memberId: string;
  /** A code from the 清单, e.g. 'registration.completed', 'attendance.branch_meeting', 'attendance.party_lecture', 'attendance.theme_day', 'volunteer.hour', 'dues.on_time'. */
  ruleCode: string;
  source: { type: 'registration' | 'attendance' | 'payment' | 'claim' | 'manual' | 'volunteer'; id: string };
  /** Units for per-unit rules (e.g. volunteer hours); default 1. */
  quantity?: number;
  /** An openid, or 'system' for automatic awards. */
  approvedBy: string;
  /** The act's time: decides the day/month/year caps in Asia/Shanghai. */
  occurredAt: Date;
}

export interface AwardResult {
  entryId: string;
  points: number;
  created: boolean;
  capped: boolean;
  reason: string | null;
}

/** Where the member stands in the tree, as the ledger and rankings record it. */
export interface MemberPlacement {
  memberId: string;
  name: string;
  branchId: string | null;
  branchName: string | null;
  orgPath: string[];
}

/** What a handler knows beyond the request: the member already read, who approved, a note for the reason. */
export interface AwardOptions {
  member?: MemberPlacement;
  approvedByName?: string | null;
  note?: string | null;
}

const SOURCE_TYPES = ['registration', 'attendance', 'payment', 'claim', 'manual', 'volunteer'] as const;

const awardRequestSchema = z.object({
  memberId: labelled(z.string().min(1).max(128), '党员编号'),
  ruleCode: labelled(z.string().regex(RULE_CODE_PATTERN, '不是有效的积分项目编码').max(64), '积分项目'),
  source: z.object({
    type: labelled(z.enum(SOURCE_TYPES), '积分来源'),
    id: labelled(z.string().min(1).max(200), '来源编号'),
  }),
  quantity: labelled(z.number().int().min(1).max(1000), '数量').optional(),
  approvedBy: labelled(z.string().min(1).max(128), '审批人'),
  occurredAt: labelled(
    z.date().refine((d) => !Number.isNaN(d.getTime()), '不是有效的时间'),
    '发生时间',
  ),
});

/** An award whose member and item are known and apply: ready for its transaction. */
export interface ReadyAward {
  entryId: string;
  member: MemberPlacement;
  rule: RuleDoc;
  quantity: number;
  source: { type: PointsSourceType; id: string };
  approvedBy: string;
  approvedByName: string | null;
  note: string | null;
  occurredAt: Date;
  periods: Periods;
}

export type PreparedAward = { ready: true; award: ReadyAward } | { ready: false; result: AwardResult };

const skipped = (entryId: string, reason: string): PreparedAward => ({
  ready: false,
  result: { entryId, points: 0, created: false, capped: false, reason },
});

/** The placement recorded for a stored member. */
export function placementOf(m: {
  _id: string;
  name: string;
  branchId: string | null;
  branchName: string | null;
  orgPath: string[];
}): MemberPlacement {
  return { memberId: m._id, name: m.name, branchId: m.branchId, branchName: m.branchName, orgPath: m.orgPath };
}

/**
 * Validate the request and read what the transaction needs, outside it: the member (unless
 * given) and the item's definitions along the member's path, in parallel (≤ 2 round trips).
 * An item that does not exist or does not apply on the act's day is not an error for the
 * caller's own work (attendance is still recorded): the result says why nothing was added.
 */
export async function prepareAward(request: AwardRequest, options: AwardOptions = {}): Promise<PreparedAward> {
  const req = parseInput(awardRequestSchema, request);
  const entryId = entryIdOf(req.memberId, req.ruleCode, req.source);
  const readMember = async (): Promise<MemberPlacement> => {
    const m = await findMember(req.memberId);
    if (!m) throw notFound('该党员记录不存在');
    return placementOf(m);
  };
  const [member, candidates] = await Promise.all([
    options.member ? Promise.resolve(options.member) : readMember(),
    findRuleCandidates(req.ruleCode),
  ]);
  const rule = resolveRule(candidates, member.orgPath);
  const periods = periodsOf(req.occurredAt);
  if (!rule) {
    console.error(`[points] award for unknown item ${req.ruleCode}`);
    return skipped(entryId, `积分清单中没有该项目（${req.ruleCode}）`);
  }
  const why = whyNotApplicable(rule, periods.date);
  if (why) return skipped(entryId, why);
  return {
    ready: true,
    award: {
      entryId,
      member,
      rule,
      quantity: req.quantity ?? 1,
      source: req.source,
      approvedBy: req.approvedBy,
      approvedByName: options.approvedByName ?? (req.approvedBy === 'system' ? '系统自动' : null),
      note: options.note ?? null,
      occurredAt: req.occurredAt,
      periods,
    },
  };
}

/** Chinese: what the entry is for, as the member reads it in the ledger. */
function reasonOf(a: ReadyAward, capNote: string | null): string {
  const quantity = a.rule.unit === 'hour' || a.quantity > 1 ? ` ${a.quantity} ${UNIT_LABELS[a.rule.unit]}` : '';
  const note = a.note ? `：${a.note}` : '';
  const cap = capNote ? `（${capNote}）` : '';
  return `${a.rule.name}${quantity}${note}${cap}`;
}

const resultOf = (e: EntryDoc, created: boolean): AwardResult => ({
  entryId: e._id,
  points: e.points,
  created,
  capped: e.capped,
  reason: e.capReason,
});

/** Read the account inside a transaction: the member's serialisation point. */
export async function readAccount(tx: Transaction, memberId: string): Promise<AccountState> {
  const res = (await tx.collection(COLLECTIONS.pointsAccounts).doc(memberId).get()) as { data: AccountDoc | null };
  return toAccountState(res.data);
}

/**
 * Write the account and the year totals it implies for `years` (the ranking documents), inside
 * the same transaction as the entry. The year total is derived from the account, never
 * incremented on its own, so the two cannot disagree after a commit.
 */
export async function writeAccount(
  tx: Transaction,
  member: MemberPlacement,
  account: AccountState,
  years: readonly number[],
  now: Date,
): Promise<void> {
  const doc: Omit<AccountDoc, '_id'> = { memberId: member.memberId, ...account, updatedAt: now };
  await tx.collection(COLLECTIONS.pointsAccounts).doc(member.memberId).set(doc);
  for (const year of years) {
    const y = account.years[String(year)] ?? { points: 0, byCategory: {} };
    const totals: Omit<TotalsDoc, '_id'> = {
      memberId: member.memberId,
      year,
      name: member.name,
      branchId: member.branchId,
      branchName: member.branchName,
      orgPath: member.orgPath,
      points: y.points,
      byCategory: y.byCategory,
      updatedAt: now,
    };
    await tx.collection(COLLECTIONS.pointsTotals).doc(totalsIdOf(member.memberId, year)).set(totals);
  }
}

/**
 * The award inside a transaction: read the account, grant what the caps allow, then write the
 * entry (a duplicate `_id` fails here: someone already recorded this event), the account and the
 * year total. Writes nothing when a cap is used up. Callers add their own writes (a claim's
 * state, an audit record) to the same transaction.
 */
export async function applyAward(
  tx: Transaction,
  a: ReadyAward,
  now: Date,
): Promise<{ result: AwardResult; entry: EntryDoc | null }> {
  const account = await readAccount(tx, a.member.memberId);
  const grant = grantUnderCaps(account, a.rule.code, a.rule.caps, a.rule.points * a.quantity, a.periods);
  if (grant.points === 0) {
    // Nothing to add; but a retry of an award that did succeed must report that entry, not the cap.
    const existing = (await tx.collection(COLLECTIONS.pointsLedger).doc(a.entryId).get()) as { data: EntryDoc | null };
    if (existing.data) return { result: resultOf({ ...existing.data, _id: a.entryId }, false), entry: null };
    return {
      result: { entryId: a.entryId, points: 0, created: false, capped: true, reason: grant.reason },
      entry: null,
    };
  }
  const entry: EntryDoc = {
    _id: a.entryId,
    memberId: a.member.memberId,
    ruleId: a.rule._id,
    ruleCode: a.rule.code,
    ruleVersion: a.rule.version,
    ruleName: a.rule.name,
    category: a.rule.category,
    unit: a.rule.unit,
    points: grant.points,
    quantity: a.quantity,
    source: a.source,
    approvedBy: a.approvedBy,
    approvedByName: a.approvedByName,
    reason: reasonOf(a, grant.reason),
    capped: grant.capped,
    capReason: grant.reason,
    occurredAt: a.occurredAt,
    recordedAt: now,
    year: a.periods.year,
    month: a.periods.month,
    day: a.periods.day,
    reversalOf: null,
    orgPath: a.member.orgPath,
  };
  throwIfFailed(await tx.collection(COLLECTIONS.pointsLedger).add(entry));
  const next = withEntry(account, {
    code: a.rule.code,
    category: a.rule.category,
    points: grant.points,
    periods: a.periods,
  });
  await writeAccount(tx, a.member, next, [a.periods.year], now);
  return {
    result: { entryId: a.entryId, points: grant.points, created: true, capped: grant.capped, reason: grant.reason },
    entry,
  };
}

/**
 * Run an award's transaction (with retries) and turn "already recorded" into the stored entry.
 * `work` runs `applyAward` plus whatever the caller writes with it.
 */
export async function settleAward<T extends { result: AwardResult }>(
  a: ReadyAward,
  work: (tx: Transaction) => Promise<T>,
): Promise<T | { result: AwardResult; entry: null }> {
  try {
    return await inTransaction(work);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await findEntry(a.entryId);
    if (!existing) throw err;
    return { result: resultOf(existing, false), entry: null };
  }
}

/** Award with what a handler already knows (the member, the approver's title, a note). */
export async function awardWith(request: AwardRequest, options: AwardOptions = {}): Promise<AwardResult> {
  const prepared = await prepareAward(request, options);
  if (!prepared.ready) return prepared.result;
  const now = new Date();
  const { result } = await settleAward(prepared.award, (tx) => applyAward(tx, prepared.award, now));
  return result;
}

/** One entry per member, rule and source event; retries and concurrency add nothing; caps hold. */
export async function awardPoints(req: AwardRequest): Promise<AwardResult> {
  return awardWith(req);
}

/**
 * The automatic award for completing registration, called by member assignment after its
 * transaction commits. The assignment has happened whatever this does, so a failure is logged,
 * not returned; the deterministic entry id makes a later call add nothing twice.
 */
export async function awardRegistrationPoints(
  member: { _id: string; name: string; branchId: string | null; branchName: string | null; orgPath: string[] },
  at: Date,
): Promise<void> {
  try {
    await awardWith(
      {
        memberId: member._id,
        ruleCode: 'registration.completed',
        source: { type: 'registration', id: member._id },
        approvedBy: 'system',
        occurredAt: at,
      },
      { member: placementOf(member) },
    );
  } catch (err) {
    console.error('[points] registration award failed', err);
  }
}
