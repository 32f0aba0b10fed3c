/**
 * A small hand-made street for the desk's figures: a street under 思明区 with branches, and records
 * written straight into the collections in the shapes the functions write (sessions, attendance,
 * dues records and receipts, ledger entries), dated exactly where a period boundary is tested.
 */
import { COLLECTIONS } from '../../database/collections';
import type { OrgDoc } from '../../server/orgs/org-store';
import type { DeskFigures, FigureView } from '../../typings/areas/desk';
import type { TestCloud } from './local-cloud';
import { aMemberDoc } from './sessions';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export function orgNode(id: string, type: string, parent: Pick<OrgDoc, '_id' | 'ancestors'>, name: string, extra = {}) {
  return {
    _id: id,
    type,
    name,
    parentId: parent._id,
    ancestors: [...parent.ancestors, parent._id],
    sort: 0,
    childCount: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...extra,
  };
}

export async function orgOf(t: TestCloud, id: string): Promise<OrgDoc> {
  return { _id: id, ...(await t.db.collection(COLLECTIONS.orgs).doc(id).get()).data[0] } as OrgDoc;
}

/** An active member who joined `branch` at `joinedAt`. */
export async function memberOf(
  t: TestCloud,
  openid: string,
  branch: OrgDoc,
  joinedAt: Date,
  partyStatus: 'full' | 'probationary' = 'full',
): Promise<string> {
  const doc = aMemberDoc(openid, branch, joinedAt, { partyStatus, name: openid });
  await t.db.collection(COLLECTIONS.members).add(doc);
  return doc._id;
}

let serial = 0;

/** A branch's own session, ended, due to be counted by the scheduler, with its records. */
export async function heldSession(
  t: TestCloud,
  branch: OrgDoc,
  s: {
    kind: string;
    startAt: Date;
    expected: number;
    attended?: string[];
    leave?: string[];
    serviceHours?: number;
    state?: 'published' | 'cancelled';
  },
): Promise<string> {
  const id = `desk-s-${process.pid}-${++serial}`;
  const endAt = new Date(s.startAt.getTime() + 20 * 60_000);
  await t.db.collection(COLLECTIONS.sessions).add({
    _id: id,
    kind: s.kind,
    title: `测试${s.kind}`,
    startAt: s.startAt,
    endAt,
    audience: { type: 'branch', orgId: branch._id, orgName: branch.name },
    audienceKey: `b:${branch._id}`,
    ownerPath: [...branch.ancestors, branch._id],
    branchId: branch._id,
    serviceHours: s.serviceHours ?? null,
    expected: s.expected,
    state: s.state ?? 'published',
    tallyDue: (s.state ?? 'published') === 'published',
    tallyRevision: 0,
    tally: null,
  });
  const record = (memberId: string, status: string) => ({
    _id: `${id}~${memberId}`,
    sessionId: id,
    memberId,
    memberBranchId: branch._id,
    sessionKind: s.kind,
    sessionStartAt: s.startAt,
    sessionEndAt: endAt,
    sessionOwnerPath: [...branch.ancestors, branch._id],
    sessionAudienceType: 'branch',
    sessionBranchId: branch._id,
    sessionServiceHours: s.serviceHours ?? null,
    status,
  });
  const records = [
    ...(s.attended ?? []).map((m) => record(m, 'attended')),
    ...(s.leave ?? []).map((m) => record(m, 'leave')),
  ];
  if (records.length > 0) await t.db.collection(COLLECTIONS.sessionAttendance).add(records);
  return id;
}

export async function duesMonth(
  t: TestCloud,
  branch: OrgDoc,
  memberId: string,
  month: string,
  state: 'due' | 'reduced' | 'waived' | 'paid',
  amountFen: number,
  onTime: boolean | null = null,
): Promise<void> {
  await t.db.collection(COLLECTIONS.duesMonths).add({
    _id: `${memberId}_${month}`,
    memberId,
    branchId: branch._id,
    orgPath: [...branch.ancestors, branch._id],
    month,
    amountFen: state === 'waived' ? 0 : amountFen,
    standardFen: amountFen,
    state,
    onTime,
  });
}

export async function receipt(t: TestCloud, branch: OrgDoc, recordedAt: Date, totalFen: number): Promise<void> {
  await t.db.collection(COLLECTIONS.duesPayments).add({
    _id: `desk-pay-${process.pid}-${++serial}`,
    kind: totalFen < 0 ? 'reversal' : 'payment',
    branchId: branch._id,
    orgPath: [...branch.ancestors, branch._id],
    recordedAt,
    paidAt: recordedAt,
    totalFen,
  });
}

export async function ledgerEntry(
  t: TestCloud,
  memberId: string,
  orgPath: string[],
  recordedAt: Date,
  category: string,
  points: number,
): Promise<void> {
  await t.db.collection(COLLECTIONS.pointsLedger).add({
    _id: `desk-e-${process.pid}-${++serial}`,
    memberId,
    category,
    points,
    recordedAt,
    occurredAt: recordedAt,
    orgPath,
  });
}

/** The desk's figures of a reply, by id. */
export const figuresById = (d: DeskFigures): Map<string, FigureView> =>
  new Map(d.groups.flatMap((g) => g.figures.map((f) => [f.id, f] as const)));
