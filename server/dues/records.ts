/**
 * Monthly records: one per member and month (`monthDocId`), created by the monthly timer, on
 * demand when a member or secretary looks, and by a payment for a month ahead. Creation only ever
 * adds a missing record; an existing one (perhaps already paid) is never overwritten.
 */
import { COLLECTIONS } from '../../database/collections';
import type { DuesMonthView, PaymentChannel } from '../../typings/areas/dues';
import { MAX_ARREARS_MONTHS, addMonths, compareMonths, monthRange } from '../domain/dues';
import { _, db } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import type { CertificateDoc } from '../members/certificates';
import { certIdOf } from '../members/certificates';
import type { MemberDoc } from '../members/member-doc';
import { amountForMonth, type MonthAmount } from './amounts';
import { monthDocId, type DuesMonthDoc, type DuesProfileDoc } from './docs';
import { judgeStanding, type DuesMember } from './standing';

/** States in which a month is still open: owed, or waived (a later decision may change it). */
export const OPEN_STATES = ['due', 'reduced', 'waived'] as const;
export const UNPAID_STATES = ['due', 'reduced'] as const;

/** A new record for `month`, as owed under `amount`. */
export function newMonthDoc(
  member: Pick<MemberDoc, '_id' | 'name' | 'branchId' | 'orgPath'>,
  month: string,
  amount: MonthAmount,
  createdBy: DuesMonthDoc['createdBy'],
  now: Date,
): DuesMonthDoc {
  return {
    _id: monthDocId(member._id, month),
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId ?? '',
    orgPath: member.orgPath,
    month,
    standardFen: amount.standardFen,
    amountFen: amount.amountFen,
    state: amount.state,
    relief: amount.relief,
    payment: null,
    onTime: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, event: 'created', by: createdBy, detail: '' }],
  };
}

/** A member's records from `from` to `to` (both included), by month. One round trip. */
export async function readMemberMonths(memberId: string, from: string, to: string): Promise<Map<string, DuesMonthDoc>> {
  const res = await db
    .collection(COLLECTIONS.duesMonths)
    .where({ memberId, month: _.gte(from).and(_.lte(to)) })
    .orderBy('month', 'asc')
    .limit(100)
    .get();
  return new Map((res.data as DuesMonthDoc[]).map((d) => [d.month, d]));
}

/**
 * Insert records that do not exist yet: one batch (one round trip); when someone else created one
 * of them meanwhile, one by one, skipping those. Returns the records as stored.
 */
export async function insertMissing(docs: DuesMonthDoc[]): Promise<{ inserted: DuesMonthDoc[]; existing: string[] }> {
  if (docs.length === 0) return { inserted: [], existing: [] };
  try {
    await db.collection(COLLECTIONS.duesMonths).add(docs);
    return { inserted: docs, existing: [] };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const inserted: DuesMonthDoc[] = [];
  const existing: string[] = [];
  for (const doc of docs) {
    try {
      await db.collection(COLLECTIONS.duesMonths).add(doc);
      inserted.push(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      existing.push(doc._id);
    }
  }
  return { inserted, existing };
}

/** The oldest month a member may pay here: six back, never before the first owed month. */
export function windowStart(dm: Pick<DuesMember, 'owesFrom'>, current: string): string {
  const oldest = addMonths(current, -MAX_ARREARS_MONTHS);
  return dm.owesFrom && compareMonths(dm.owesFrom, oldest) > 0 ? dm.owesFrom : oldest;
}

/** How far back a member's months are read and created: long enough to see a 6+ run and older arrears. */
export const HISTORY_MONTHS = 24;

/**
 * Creates the owed records up to this month that are missing from `known` (the member's records
 * already read): from the first owed month, at most 24 back, and only where a confirmed amount is in
 * force. Older unpaid months then show as arrears for the branch to settle. Idempotent.
 */
export async function ensureOwedMonths(
  dm: DuesMember,
  current: string,
  known: Map<string, DuesMonthDoc>,
  now: Date,
): Promise<Map<string, DuesMonthDoc>> {
  if (dm.standing !== 'owes_here' || !dm.member || !dm.profile) return known;
  const missing: DuesMonthDoc[] = [];
  const floor = addMonths(current, -HISTORY_MONTHS);
  const from = dm.owesFrom && compareMonths(dm.owesFrom, floor) > 0 ? dm.owesFrom : floor;
  for (const month of monthRange(from, current)) {
    if (known.has(month)) continue;
    const amount = amountForMonth(dm.profile, month);
    if (amount) missing.push(newMonthDoc(dm.member, month, amount, 'on_demand', now));
  }
  if (missing.length === 0) return known;
  const { inserted, existing } = await insertMissing(missing);
  const merged = new Map(known);
  for (const d of inserted) merged.set(d.month, d);
  if (existing.length > 0) {
    const res = await db
      .collection(COLLECTIONS.duesMonths)
      .where({ _id: _.in(existing) })
      .limit(existing.length)
      .get();
    for (const d of res.data as DuesMonthDoc[]) merged.set(d.month, d);
  }
  return merged;
}

/**
 * After a base is confirmed or relief recorded: the member's open records from `fromMonth` on are
 * priced again. Paid records are never touched (the update is conditional on the open state), and
 * an order made at the old price no longer matches, so its callback changes nothing.
 */
export async function repriceOpenMonths(
  profile: Pick<DuesProfileDoc, 'declarations' | 'reliefs'>,
  memberId: string,
  fromMonth: string,
  by: string,
  now: Date,
): Promise<number> {
  const res = await db
    .collection(COLLECTIONS.duesMonths)
    .where({ memberId, month: _.gte(fromMonth), state: _.in([...OPEN_STATES]) })
    .orderBy('month', 'asc')
    .limit(100)
    .get();
  let changed = 0;
  for (const doc of res.data as DuesMonthDoc[]) {
    const amount = amountForMonth(profile, doc.month);
    if (!amount) continue;
    const same =
      amount.amountFen === doc.amountFen &&
      amount.standardFen === doc.standardFen &&
      amount.state === doc.state &&
      JSON.stringify(amount.relief) === JSON.stringify(doc.relief);
    if (same) continue;
    const updated = await db
      .collection(COLLECTIONS.duesMonths)
      .where({ _id: doc._id, state: _.in([...OPEN_STATES]) })
      .update({
        amountFen: amount.amountFen,
        standardFen: amount.standardFen,
        state: amount.state,
        relief: _.set(amount.relief),
        updatedAt: now,
        history: _.push([
          {
            at: now,
            event: 'repriced',
            by,
            detail: `${doc.amountFen} → ${amount.amountFen}`,
          },
        ]),
      });
    changed += (updated as { updated?: number }).updated ?? 0;
  }
  return changed;
}

const CHANNEL_NOTES: Record<'reduce' | 'waive', string> = { reduce: '经批准减交', waive: '经批准免交' };

export function monthView(d: DuesMonthDoc): DuesMonthView {
  return {
    month: d.month,
    amountFen: d.amountFen,
    standardFen: d.standardFen,
    state: d.state,
    reliefNote: d.relief ? `${CHANNEL_NOTES[d.relief.kind]}（${d.relief.reason}）` : null,
    paid: d.payment
      ? {
          channel: d.payment.channel as PaymentChannel,
          receiptNo: d.payment.receiptNo,
          paidAt: new Date(d.payment.paidAt).toISOString(),
        }
      : null,
  };
}

/** Page size of the batch creation: ids per `_.in` read. */
const BATCH = 200;

export interface MonthCreation {
  month: string;
  created: number;
  existing: number;
  notOwing: number;
}

/**
 * Creates `month`'s records for every active member (of one branch, when given) who owes here and
 * has a confirmed base by then: pages of 200 members, four reads and one batch insert per page.
 * Run by the monthly timer and on demand; a second run creates nothing.
 */
export async function createMonthRecords(
  month: string,
  scope: { branchId?: string },
  createdBy: DuesMonthDoc['createdBy'],
  now: Date,
): Promise<MonthCreation> {
  const result: MonthCreation = { month, created: 0, existing: 0, notOwing: 0 };
  let after = '';
  for (;;) {
    const where: Record<string, unknown> = { state: 'active', _id: _.gt(after) };
    if (scope.branchId) where.branchId = scope.branchId;
    const page = (
      await db
        .collection(COLLECTIONS.members)
        .where(where)
        .orderBy('_id', 'asc')
        .field({
          history: true,
          state: true,
          branchId: true,
          orgPath: true,
          name: true,
          partyStatus: true,
          joinedPartyOn: true,
          updatedAt: true,
        })
        .limit(BATCH)
        .get()
    ).data as MemberDoc[];
    if (page.length === 0) break;
    after = page[page.length - 1]!._id;
    const ids = page.map((m) => m._id);
    const [certs, profiles, existing] = await Promise.all([
      db
        .collection(COLLECTIONS.certificates)
        .where({ _id: _.in(ids.map(certIdOf)) })
        .limit(BATCH)
        .get(),
      db
        .collection(COLLECTIONS.duesProfiles)
        .where({ _id: _.in(ids) })
        .limit(BATCH)
        .get(),
      db
        .collection(COLLECTIONS.duesMonths)
        .where({ _id: _.in(ids.map((id) => monthDocId(id, month))) })
        .field({ _id: true })
        .limit(BATCH)
        .get(),
    ]);
    const certById = new Map((certs.data as CertificateDoc[]).map((c) => [c.memberId, c]));
    const profileById = new Map((profiles.data as DuesProfileDoc[]).map((p) => [p._id, p]));
    const have = new Set((existing.data as { _id: string }[]).map((d) => d._id));
    const docs: DuesMonthDoc[] = [];
    for (const member of page) {
      if (have.has(monthDocId(member._id, month))) {
        result.existing += 1;
        continue;
      }
      const { standing, owesFrom } = judgeStanding(member, certById.get(member._id) ?? null);
      const amount =
        standing === 'owes_here' && owesFrom && compareMonths(owesFrom, month) <= 0
          ? amountForMonth(profileById.get(member._id) ?? null, month)
          : null;
      if (!amount) {
        result.notOwing += 1;
        continue;
      }
      docs.push(newMonthDoc(member, month, amount, createdBy, now));
    }
    const { inserted, existing: raced } = await insertMissing(docs);
    result.created += inserted.length;
    result.existing += raced.length;
    if (page.length < BATCH) break;
  }
  return result;
}
