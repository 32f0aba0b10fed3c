/**
 * Cash and bank-transfer payments recorded by the secretary with a receipt number, corrected only by
 * reversal records; and their meeting with WeChat payments on the same months.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import { shanghaiDay } from '../../../server/domain/shanghai-day';
import type { DuesOrderDoc, DuesPaymentDoc } from '../../../server/dues/docs';
import {
  aConfirmedBase,
  aMemberWhoOwesHere,
  monthsAgo,
  monthsAhead,
  sandboxPay,
  storedMonth,
  storedMonths,
  thisMonth,
  type DuesPerson,
} from '../../helpers/dues';
import { restoreClock, setShanghaiClock, TIMES_OF_DAY } from '../../helpers/clock';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

const today = () => shanghaiDay(new Date());

async function owing(months = 2): Promise<DuesPerson> {
  const who = await aMemberWhoOwesHere(t, { since: monthsAgo(months) });
  await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: monthsAgo(6) });
  return who;
}

let receiptSerial = 1000;
const nextReceipt = () => `SJ-${++receiptSerial}`;

const record = (
  who: DuesPerson,
  input: Partial<{
    months: string[];
    channel: 'cash' | 'bank_transfer';
    receiptNo: string;
    totalFen: number;
    paidOn: string;
    note: string;
  }>,
  secretary = 'demo-secretary',
) =>
  t.call(
    'dues',
    'recordOffline',
    {
      memberId: who.memberId,
      months: input.months ?? [monthsAgo(2), monthsAgo(1)],
      channel: input.channel ?? 'cash',
      receiptNo: input.receiptNo ?? nextReceipt(),
      totalFen: input.totalFen ?? 8_000,
      paidOn: input.paidOn ?? today(),
      ...(input.note ? { note: input.note } : {}),
    },
    secretary,
  );

const paymentCount = async (memberId: string) =>
  (await t.db.collection(COLLECTIONS.duesPayments).where({ memberId }).count()).total;

describe('recording an offline payment', () => {
  it('marks the months paid with the receipt, which the member sees', async () => {
    const who = await owing();
    const receiptNo = nextReceipt();
    const receipt = expectOk((await record(who, { receiptNo, channel: 'bank_transfer', note: '工行转账' })).reply);
    expect(receipt).toMatchObject({
      receiptNo,
      kind: 'payment',
      channel: 'bank_transfer',
      totalFen: 8_000,
      months: [
        { month: monthsAgo(2), amountFen: 4_000 },
        { month: monthsAgo(1), amountFen: 4_000 },
      ],
      recordedBy: '陈美华（演示）',
      reversed: false,
    });
    for (const m of [monthsAgo(2), monthsAgo(1)]) {
      expect(await storedMonth(t, who.memberId, m)).toMatchObject({
        state: 'paid',
        payment: { channel: 'bank_transfer', receiptNo, paymentId: receipt.paymentId },
        onTime: false,
      });
    }
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
    const mine = expectOk((await t.call('dues', 'myReceipts', {}, who.openid)).reply);
    expect(mine.items.map((r) => r.receiptNo)).toEqual([receiptNo]);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'dues.offline.record', 'target.id': receipt.paymentId })
      .count();
    expect(audit.total).toBe(1);
  });

  it('pays ahead too, creating the months, and awards on-time points', async () => {
    const who = await owing(0);
    const receipt = expectOk(
      (await record(who, { months: [thisMonth(), monthsAhead(1), monthsAhead(2)], totalFen: 12_000 })).reply,
    );
    expect(receipt.totalFen).toBe(12_000);
    expect(await storedMonth(t, who.memberId, monthsAhead(2))).toMatchObject({
      state: 'paid',
      createdBy: 'payment',
      onTime: true,
    });
    const ledger = await t.db
      .collection(COLLECTIONS.pointsLedger)
      .where({ memberId: who.memberId, ruleCode: 'dues.on_time' })
      .count();
    expect(ledger.total).toBe(3);
  });

  it('refuses a total that does not match, saying what it should be, and writes nothing', async () => {
    const who = await owing();
    const { reply } = await record(who, { totalFen: 7_999 });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        field: 'totalFen',
        message: '收款金额与所选月份的应交合计不符：应为 80.00 元',
      },
    });
    expect(await paymentCount(who.memberId)).toBe(0);
    expect((await storedMonth(t, who.memberId, monthsAgo(2)))!.state).toBe('due');
  });

  it('the same receipt sent twice is one payment; the number cannot be reused for something else', async () => {
    const who = await owing();
    const receiptNo = nextReceipt();
    const first = expectOk((await record(who, { receiptNo })).reply);
    const again = expectOk((await record(who, { receiptNo })).reply);
    expect(again.paymentId).toBe(first.paymentId);
    expect(await paymentCount(who.memberId)).toBe(1);
    const reused = await record(who, { receiptNo, months: [thisMonth()], totalFen: 4_000 });
    expect(reused.reply).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
  });

  it('refuses months already paid and months too far ahead', async () => {
    const who = await owing();
    expectOk((await record(who, {})).reply);
    const twice = await record(who, { months: [monthsAgo(2)], totalFen: 4_000 });
    expect(!twice.reply.ok && twice.reply.error.message).toContain('已经交纳');
    const far = await record(who, { months: [monthsAhead(7)], totalFen: 4_000 });
    expect(!far.reply.ok && far.reply.error.message).toContain('预交党费最多预交 6 个月');
    const future = await record(who, { months: [thisMonth()], totalFen: 4_000, paidOn: '2999-01-01' });
    expect(future.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'paidOn' } });
  });

  it('is refused to a member, to another district’s secretary, and for a member who pays at home', async () => {
    const who = await owing();
    for (const openid of [who.openid, 'demo-member', 'demo-secretary-huli']) {
      const { reply } = await record(who, {}, openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    expect(await paymentCount(who.memberId)).toBe(0);
    await t.db.collection(COLLECTIONS.certificates).doc(`cert_${who.memberId}`).update({ paysDuesHere: false });
    const home = await record(who, {});
    expect(home.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});

describe('reversing an offline payment', () => {
  it('appends a reversal, leaves the payment as it was, and the months owe again', async () => {
    const who = await owing();
    const receipt = expectOk((await record(who, {})).reply);
    const stored = (await t.db.collection(COLLECTIONS.duesPayments).doc(receipt.paymentId).get())
      .data[0] as DuesPaymentDoc;

    const reversal = expectOk(
      (
        await t.call(
          'dues',
          'reverseOffline',
          { paymentId: receipt.paymentId, reason: '收据金额录错' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(reversal).toMatchObject({
      kind: 'reversal',
      totalFen: -8_000,
      reverses: receipt.paymentId,
      note: '收据金额录错',
      receiptNo: receipt.receiptNo,
    });
    expect((await t.db.collection(COLLECTIONS.duesPayments).doc(receipt.paymentId).get()).data[0]).toEqual(stored);
    for (const m of [monthsAgo(2), monthsAgo(1)]) {
      const rec = await storedMonth(t, who.memberId, m);
      expect(rec).toMatchObject({ state: 'due', payment: null });
      expect(rec!.history.map((h) => h.event)).toEqual(['created', 'paid', 'reversed']);
    }
    const mine = expectOk((await t.call('dues', 'myReceipts', {}, who.openid)).reply);
    expect(mine.items.map((r) => [r.kind, r.totalFen, r.reversed])).toEqual([
      ['reversal', -8_000, false],
      ['payment', 8_000, true],
    ]);
    // A second reversal is the same one; the months can be paid again with a new receipt.
    const again = expectOk(
      (
        await t.call(
          'dues',
          'reverseOffline',
          { paymentId: receipt.paymentId, reason: '收据金额录错' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(again.paymentId).toBe(reversal.paymentId);
    expect(await paymentCount(who.memberId)).toBe(2);
    const reused = await record(who, { receiptNo: receipt.receiptNo });
    expect(reused.reply).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(!reused.reply.ok && reused.reply.error.message).toContain('已冲正');
    expectOk((await record(who, {})).reply);
    const totals = [...(await storedMonths(t, who.memberId)).values()].filter((m) => m.state === 'paid');
    expect(totals.reduce((s, m) => s + m.amountFen, 0)).toBe(8_000);
  });

  it('refuses WeChat payments, reversals, and secretaries of other branches', async () => {
    const who = await owing(0);
    const order = expectOk((await t.call('dues', 'pay', { months: [thisMonth()] }, who.openid)).reply);
    await sandboxPay(t, order.orderId, { result: 'success' });
    const wx = await t.call(
      'dues',
      'reverseOffline',
      { paymentId: `wx_${order.orderId}`, reason: '误操作' },
      'demo-secretary',
    );
    expect(wx.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });

    const other = await owing();
    const receipt = expectOk((await record(other, {})).reply);
    const huli = await t.call(
      'dues',
      'reverseOffline',
      { paymentId: receipt.paymentId, reason: '误操作' },
      'demo-secretary-huli',
    );
    expect(huli.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const rev = expectOk(
      (await t.call('dues', 'reverseOffline', { paymentId: receipt.paymentId, reason: '误操作' }, 'demo-admin')).reply,
    );
    const revOfRev = await t.call(
      'dues',
      'reverseOffline',
      { paymentId: rev.paymentId, reason: '再冲' },
      'demo-secretary',
    );
    expect(revOfRev.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const missing = await t.call(
      'dues',
      'reverseOffline',
      { paymentId: 'off_nothing', reason: '误操作' },
      'demo-secretary',
    );
    expect(missing.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe.each(TIMES_OF_DAY)('at %s Asia/Shanghai', (time) => {
  beforeAll(() => setShanghaiClock(time));
  afterAll(() => restoreClock());

  const stored = async (paymentId: string) =>
    (await t.db.collection(COLLECTIONS.duesPayments).doc(paymentId).get()).data[0] as DuesPaymentDoc;

  it('a payment received today is dated when it is recorded, and its reversal is listed above it', async () => {
    const who = await owing();
    const before = Date.now();
    const receipt = expectOk((await record(who, { paidOn: today() })).reply);
    const payment = await stored(receipt.paymentId);
    expect(payment.paidOn).toBe(today());
    expect(new Date(payment.paidAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(payment.paidAt).getTime()).toBeLessThanOrEqual(new Date(payment.recordedAt).getTime());
    expect(receipt.paidOn).toBe(today());

    const reversal = expectOk(
      (await t.call('dues', 'reverseOffline', { paymentId: receipt.paymentId, reason: '录错了' }, 'demo-secretary'))
        .reply,
    );
    const rev = await stored(reversal.paymentId);
    expect(new Date(rev.paidAt).getTime()).toBeLessThanOrEqual(new Date(rev.recordedAt).getTime());
    const mine = expectOk((await t.call('dues', 'myReceipts', {}, who.openid)).reply);
    expect(mine.items.map((r) => [r.kind, r.paymentId])).toEqual([
      ['reversal', reversal.paymentId],
      ['payment', receipt.paymentId],
    ]);
  });

  it('a payment received yesterday keeps that day, dated before its recording; tomorrow is refused', async () => {
    const who = await owing();
    const yesterday = shanghaiDay(new Date(Date.now() - 24 * 3600_000));
    const receipt = expectOk((await record(who, { paidOn: yesterday })).reply);
    const payment = await stored(receipt.paymentId);
    expect(payment.paidOn).toBe(yesterday);
    expect(shanghaiDay(new Date(payment.paidAt))).toBe(yesterday);
    expect(new Date(payment.paidAt).getTime()).toBeLessThan(new Date(payment.recordedAt).getTime());

    const other = await owing();
    const tomorrow = shanghaiDay(new Date(Date.now() + 24 * 3600_000));
    const { reply } = await record(other, { paidOn: tomorrow });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'paidOn' } });
    expect(await paymentCount(other.memberId)).toBe(0);
  });
});

describe('offline and WeChat payments on the same months', () => {
  it('a WeChat payment for a month the secretary has meanwhile recorded is kept for a refund', async () => {
    const who = await owing(0);
    const order = expectOk((await t.call('dues', 'pay', { months: [thisMonth()] }, who.openid)).reply);
    expectOk((await record(who, { months: [thisMonth()], totalFen: 4_000 })).reply);
    await sandboxPay(t, order.orderId, { result: 'success' });
    const stored = (await t.db.collection(COLLECTIONS.duesOrders).doc(order.orderId).get()).data[0] as DuesOrderDoc;
    expect(stored).toMatchObject({ state: 'unapplied', unappliedReason: 'months_already_paid' });
    expect(await storedMonth(t, who.memberId, thisMonth())).toMatchObject({
      state: 'paid',
      payment: { channel: 'cash' },
    });
  });

  it('recording cash for a month a WeChat payment already paid is refused', async () => {
    const who = await owing(0);
    const order = expectOk((await t.call('dues', 'pay', { months: [thisMonth()] }, who.openid)).reply);
    await sandboxPay(t, order.orderId, { result: 'success' });
    const { reply } = await record(who, { months: [thisMonth()], totalFen: 4_000 });
    expect(!reply.ok && reply.error.message).toContain('已经交纳');
  });
});
