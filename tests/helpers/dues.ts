/** Builders for the dues tests: members who owe here, confirmed bases, months in the past, the pay sandbox. */
import { COLLECTIONS } from '../../database/collections';
import { addMonths, monthOf } from '../../server/domain/dues';
import { monthDocId, type DuesMonthDoc } from '../../server/dues/docs';
import type { DuesCategory } from '../../typings/areas/dues';
import { expectOk, type TestCloud } from './local-cloud';
import { aRegistration } from './registration';

/** This month in Asia/Shanghai, and months relative to it. */
export const thisMonth = () => monthOf(new Date());
export const monthsAgo = (n: number) => addMonths(thisMonth(), -n);
export const monthsAhead = (n: number) => addMonths(thisMonth(), n);

let serial = 0;

export interface DuesPerson {
  openid: string;
  memberId: string;
}

/**
 * A member registered and assigned to `branchId` (their certificate says they pay here). With
 * `since`, the assignment is dated back to that month, so they owe from it.
 */
export async function aMemberWhoOwesHere(
  t: TestCloud,
  options: { branchId?: string; name?: string; since?: string; probationaryFrom?: string } = {},
): Promise<DuesPerson> {
  const openid = `o-dues-${process.pid}-${++serial}`;
  const me = expectOk(
    (
      await t.call(
        'member',
        'register',
        aRegistration({
          name: options.name ?? '张建华',
          ...(options.probationaryFrom
            ? { partyStatus: 'probationary', joinedPartyOn: `${options.probationaryFrom}-15` }
            : {}),
        }),
        openid,
      )
    ).reply,
  );
  expectOk(
    (
      await t.call(
        'member',
        'assign',
        { memberId: me.memberId, branchId: options.branchId ?? 'xm-siming-mobile' },
        'demo-super',
      )
    ).reply,
  );
  if (options.since) {
    const doc = (await t.db.collection(COLLECTIONS.members).doc(me.memberId).get()).data[0] as {
      history: { to: string; at: Date }[];
    };
    const at = new Date(`${options.since}-10T04:00:00Z`);
    const history = doc.history.map((h) => ({ ...h, at }));
    await t.db
      .collection(COLLECTIONS.members)
      .doc(me.memberId)
      .update({ history: t.db.command.set(history) });
  }
  return { openid, memberId: me.memberId };
}

/** The member declares; the branch secretary (default demo-super) confirms as declared. */
export async function aConfirmedBase(
  t: TestCloud,
  who: DuesPerson,
  base: {
    category?: DuesCategory;
    baseFen?: number;
    effectiveMonth?: string;
    farmerAmountFen?: number;
    fixedForYear?: boolean;
  } = {},
  secretary = 'demo-super',
) {
  const category = base.category ?? 'salaried';
  const declared = expectOk(
    (
      await t.call(
        'dues',
        'declareBase',
        {
          category,
          ...(base.baseFen !== undefined
            ? { baseFen: base.baseFen }
            : category === 'salaried'
              ? { baseFen: 400_000 }
              : {}),
          note: '',
          effectiveMonth: base.effectiveMonth ?? monthsAgo(6),
        },
        who.openid,
      )
    ).reply,
  );
  const declarationId = declared.profile!.pending!.id;
  return expectOk(
    (
      await t.call(
        'dues',
        'reviewBase',
        {
          memberId: who.memberId,
          declarationId,
          decision: 'confirm',
          ...(base.farmerAmountFen !== undefined ? { farmerAmountFen: base.farmerAmountFen } : {}),
          ...(base.fixedForYear ? { fixedForYear: true } : {}),
        },
        secretary,
      )
    ).reply,
  );
}

/** The stored month records of a member, by month. */
export async function storedMonths(t: TestCloud, memberId: string): Promise<Map<string, DuesMonthDoc>> {
  const res = await t.db.collection(COLLECTIONS.duesMonths).where({ memberId }).limit(100).get();
  return new Map((res.data as DuesMonthDoc[]).map((d) => [d.month, d]));
}

export async function storedMonth(t: TestCloud, memberId: string, month: string): Promise<DuesMonthDoc | null> {
  const res = await t.db.collection(COLLECTIONS.duesMonths).doc(monthDocId(memberId, month)).get();
  return (res.data[0] as DuesMonthDoc | undefined) ?? null;
}

/** What the sandbox answers: the order, the notify event it sent, and each callback's reply and round trips. */
export interface SandboxPayment {
  state: string;
  transactionId: string | null;
  event?: Record<string, unknown>;
  callbacks: { reply: unknown; roundTrips: number }[];
}

/** The person at the phone pays (or fails to) in the local host's WeChat Pay sandbox. */
export async function sandboxPay(
  t: TestCloud,
  orderId: string,
  body: { result: 'success' | 'fail'; repeat?: number; parallel?: boolean; delayMs?: number; totalFee?: number },
  openid?: string,
): Promise<{ status: number; json: { ok: boolean; data?: SandboxPayment } }> {
  const res = await fetch(`${t.cloud.url}/sandbox/pay/${orderId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as never };
}

/** Invoke the payment callback function as the platform does (no WeChat user), with a raw event. */
export async function invokeCallback(t: TestCloud, event: Record<string, unknown>) {
  return t.cloud.functions.invoke('dues-pay-callback', event);
}

/** Records of a month for a member, arranged directly (for arrears in the past). */
export function aMonthRecord(
  who: { memberId: string; name?: string; branchId?: string; orgPath?: string[] },
  month: string,
  overrides: Partial<DuesMonthDoc> = {},
): DuesMonthDoc {
  const now = new Date();
  return {
    _id: monthDocId(who.memberId, month),
    memberId: who.memberId,
    memberName: who.name ?? '张建华',
    branchId: who.branchId ?? 'xm-siming-mobile',
    orgPath: who.orgPath ?? ['xm', 'xm-siming', 'xm-siming-mobile'],
    month,
    standardFen: 4000,
    amountFen: 4000,
    state: 'due',
    relief: null,
    payment: null,
    onTime: null,
    createdBy: 'timer',
    createdAt: now,
    updatedAt: now,
    history: [],
    ...overrides,
  };
}
