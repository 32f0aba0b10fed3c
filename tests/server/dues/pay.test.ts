/**
 * Paying inside WeChat, end to end through the local host's WeChat Pay sandbox: the unified order
 * made by the real adapter (`app.callWxPayApi`), the payment confirmed in the sandbox, the callback
 * function invoked as the platform does. Each month is paid exactly once and every fen is counted.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import { monthDocId, type DuesOrderDoc, type DuesPaymentDoc, type PayLogDoc } from '../../../server/dues/docs';
import {
  aConfirmedBase,
  aMemberWhoOwesHere,
  invokeCallback,
  monthsAgo,
  monthsAhead,
  sandboxPay,
  storedMonth,
  storedMonths,
  thisMonth,
  type DuesPerson,
} from '../../helpers/dues';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

/** A salaried member at 4000 元 (40 元 a month) owing here for the last `months` months and this one. */
async function owingFor(months: number, name = '张建华'): Promise<DuesPerson> {
  const who = await aMemberWhoOwesHere(t, { since: monthsAgo(months), name });
  await aConfirmedBase(t, who, { category: 'salaried', baseFen: 400_000, effectiveMonth: monthsAgo(6) });
  return who;
}

const payFor = (who: DuesPerson, months: string[]) => t.call('dues', 'pay', { months }, who.openid);

async function orderOf(orderId: string): Promise<DuesOrderDoc> {
  return (await t.db.collection(COLLECTIONS.duesOrders).doc(orderId).get()).data[0] as DuesOrderDoc;
}

async function logOf(orderId: string): Promise<PayLogDoc[]> {
  const res = await t.db.collection(COLLECTIONS.duesPayLog).where({ orderId }).orderBy('at', 'asc').limit(100).get();
  return res.data as PayLogDoc[];
}

async function paymentsOf(memberId: string): Promise<DuesPaymentDoc[]> {
  return (await t.db.collection(COLLECTIONS.duesPayments).where({ memberId }).limit(100).get())
    .data as DuesPaymentDoc[];
}

/** Sum of fen on paid month records, and how many are paid: what the branch has received. */
async function paidTotals(memberId: string) {
  const months = [...(await storedMonths(t, memberId)).values()].filter((d) => d.state === 'paid');
  return { months: months.map((d) => d.month).sort(), fen: months.reduce((s, d) => s + d.amountFen, 0) };
}

describe('the dues page', () => {
  it('creates the owed months on demand and shows the amount, how it is computed and the arrears', async () => {
    const who = await owingFor(2);
    // Confirming the base created the owed months; without them, the page creates them.
    await t.db.collection(COLLECTIONS.duesMonths).where({ memberId: who.memberId }).remove();
    const { reply, roundTrips } = await t.call('dues', 'myDues', {}, who.openid);
    const page = expectOk(reply);
    expect(page).toMatchObject({
      standing: 'owes_here',
      currentMonth: thisMonth(),
      owesFrom: monthsAgo(2),
      thisMonth: { month: thisMonth(), amountFen: 4000, state: 'due' },
      unpaidFen: 12_000,
      band: '1',
      paidThrough: null,
    });
    expect(page.unpaid.map((m) => m.month)).toEqual([monthsAgo(2), monthsAgo(1), thisMonth()]);
    expect(page.profile!.explanation).toContain(
      '月工资收入 4,000.00 元，适用 3000 元以上至 5000 元（含）档，按 1% 交纳：40.00 元',
    );
    expect(page.choices.filter((c) => c.payable).map((c) => c.month)).toEqual([
      monthsAgo(2),
      monthsAgo(1),
      thisMonth(),
      ...[1, 2, 3, 4, 5, 6].map(monthsAhead),
    ]);
    expect([...(await storedMonths(t, who.memberId)).keys()].sort()).toEqual([monthsAgo(2), monthsAgo(1), thisMonth()]);
    // Four reads in parallel and one batch insert; a second look only reads.
    expect(roundTrips).toBe(5);
    const again = await t.call('dues', 'myDues', {}, who.openid);
    expect(again.roundTrips).toBe(4);
    expect(expectOk(again.reply)).toEqual(page);
  });
});

describe('paying through the WeChat Pay sandbox', () => {
  it('pays arrears, this month and a month ahead exactly once, with a receipt and on-time points', async () => {
    const who = await owingFor(2);
    const months = [monthsAgo(2), monthsAgo(1), thisMonth(), monthsAhead(1)];
    const started = await payFor(who, months);
    const order = expectOk(started.reply);
    expect(order.totalFen).toBe(16_000);
    expect(order.orderId).toMatch(/^DF\d{14}[0-9A-Za-z]{10}$/);
    expect(order.payment).toMatchObject({ appId: 'wx-local-app', signType: 'MD5' });
    expect(order.payment.package).toMatch(/^prepay_id=wx/);
    expect((await orderOf(order.orderId)).state).toBe('pending');

    const paid = await sandboxPay(t, order.orderId, { result: 'success' }, who.openid);
    expect(paid.status).toBe(200);
    expect(paid.json.data!.callbacks.map((c) => c.reply)).toEqual([{ errcode: 0, errmsg: 'ok' }]);

    const stored = await storedMonths(t, who.memberId);
    for (const m of months) {
      expect(stored.get(m)).toMatchObject({
        state: 'paid',
        payment: { channel: 'wxpay', receiptNo: order.orderId, orderId: order.orderId },
      });
    }
    expect(stored.get(monthsAhead(1))!.createdBy).toBe('payment');
    expect(stored.get(monthsAgo(2))!.onTime).toBe(false);
    expect(stored.get(thisMonth())!.onTime).toBe(true);
    expect(await paidTotals(who.memberId)).toEqual({ months: [...months].sort(), fen: 16_000 });

    const status = expectOk((await t.call('dues', 'orderStatus', { orderId: order.orderId }, who.openid)).reply);
    expect(status).toMatchObject({ state: 'paid', totalFen: 16_000, message: '党费交纳成功。' });
    expect(status.receipt).toMatchObject({
      receiptNo: order.orderId,
      channel: 'wxpay',
      totalFen: 16_000,
      kind: 'payment',
    });
    expect(status.receipt!.months).toEqual(months.map((month) => ({ month, amountFen: 4000 })));

    const receipts = expectOk((await t.call('dues', 'myReceipts', {}, who.openid)).reply);
    expect(receipts.items.map((r) => r.receiptNo)).toEqual([order.orderId]);

    // Points for the months paid on time (this month and the one ahead), not for arrears.
    const ledger = await t.db
      .collection(COLLECTIONS.pointsLedger)
      .where({ memberId: who.memberId, ruleCode: 'dues.on_time' })
      .get();
    expect((ledger.data as { source: { id: string } }[]).map((e) => e.source.id).sort()).toEqual(
      [monthDocId(who.memberId, thisMonth()), monthDocId(who.memberId, monthsAhead(1))].sort(),
    );

    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page).toMatchObject({ paidThrough: monthsAhead(1), band: 'none', unpaid: [], unpaidFen: 0 });
  });

  it('a repeated callback, one after another or all at once, changes nothing more', async () => {
    const who = await owingFor(1);
    const order = expectOk((await payFor(who, [monthsAgo(1), thisMonth()])).reply);
    const first = await sandboxPay(t, order.orderId, { result: 'success', repeat: 3 });
    expect(first.json.data!.callbacks.map((c) => c.reply)).toEqual(Array(3).fill({ errcode: 0, errmsg: 'ok' }));
    const burst = await sandboxPay(t, order.orderId, { result: 'success', repeat: 6, parallel: true });
    expect(burst.json.data!.callbacks.map((c) => c.reply)).toEqual(Array(6).fill({ errcode: 0, errmsg: 'ok' }));

    expect(await paidTotals(who.memberId)).toEqual({ months: [monthsAgo(1), thisMonth()].sort(), fen: 8000 });
    expect(await paymentsOf(who.memberId)).toHaveLength(1);
    const log = await logOf(order.orderId);
    expect(log.filter((l) => l.outcome === 'applied')).toHaveLength(1);
    // Repeats are counted on one document per order and outcome, so the log cannot be grown by replaying.
    expect(log.filter((l) => l.outcome === 'duplicate').map((l) => l.count)).toEqual([8]);
    const ledger = await t.db
      .collection(COLLECTIONS.pointsLedger)
      .where({ memberId: who.memberId, ruleCode: 'dues.on_time' })
      .count();
    expect(ledger.total).toBe(1);
  });

  it('a repeated callback records points an earlier attempt left unrecorded, and then only counts', async () => {
    const who = await owingFor(0, '陈晓东');
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    const paid = await sandboxPay(t, order.orderId, { result: 'success' });
    const ledger = () =>
      t.db.collection(COLLECTIONS.pointsLedger).where({ memberId: who.memberId, ruleCode: 'dues.on_time' }).count();
    expect((await ledger()).total).toBe(1);
    // As if the invocation had stopped between the payment's commit and the award.
    await t.db.collection(COLLECTIONS.pointsLedger).where({ memberId: who.memberId }).remove();
    await t.db.collection(COLLECTIONS.pointsAccounts).doc(who.memberId).remove();
    await t.db.collection(COLLECTIONS.pointsTotals).where({ memberId: who.memberId }).remove();

    const repeat = await invokeCallback(t, paid.json.data!.event!);
    expect(repeat.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await ledger()).total).toBe(1);
    // Recorded now: a further repeat reads the order, adds to its counter and counts the ledger entries.
    const again = await invokeCallback(t, paid.json.data!.event!);
    expect(again.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(again.roundTrips).toBe(3);
    expect((await ledger()).total).toBe(1);
  });

  it('two orders for the same months paid at the same moment: one is applied, the other is kept for a refund', async () => {
    const who = await owingFor(2);
    const months = [monthsAgo(2), monthsAgo(1), thisMonth()];
    const a = expectOk((await payFor(who, months)).reply);
    const b = expectOk((await payFor(who, months)).reply);
    expect(a.orderId).not.toBe(b.orderId);
    const [pa, pb] = await Promise.all([
      sandboxPay(t, a.orderId, { result: 'success', repeat: 2, parallel: true }),
      sandboxPay(t, b.orderId, { result: 'success', repeat: 2, parallel: true }),
    ]);
    for (const p of [pa, pb])
      expect(p.json.data!.callbacks.every((c) => (c.reply as { errcode: number }).errcode === 0)).toBe(true);

    const states = [(await orderOf(a.orderId)).state, (await orderOf(b.orderId)).state].sort();
    expect(states).toEqual(['paid', 'unapplied']);
    expect(await paidTotals(who.memberId)).toEqual({ months: [...months].sort(), fen: 12_000 });
    const payments = await paymentsOf(who.memberId);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.totalFen).toBe(12_000);
    const loser = (await orderOf(a.orderId)).state === 'unapplied' ? a.orderId : b.orderId;
    expect((await orderOf(loser)).unappliedReason).toBe('months_already_paid');

    const status = expectOk((await t.call('dues', 'orderStatus', { orderId: loser }, who.openid)).reply);
    expect(status.state).toBe('unapplied');
    expect(status.message).toContain('退还');
    const board = expectOk(
      (await t.call('dues', 'branchBoard', { branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply,
    );
    expect(board.unapplied.find((u) => u.orderId === loser)).toMatchObject({
      totalFen: 12_000,
      reason: '所交月份已经交过',
    });
  });

  it('a late callback for an order whose months were paid meanwhile changes nothing', async () => {
    const who = await owingFor(0);
    const late = expectOk((await payFor(who, [thisMonth()])).reply);
    const scheduled = await sandboxPay(t, late.orderId, { result: 'success', delayMs: 400 });
    expect(scheduled.status).toBe(202);
    // The member, seeing nothing, pays again; this one goes through at once.
    const again = expectOk((await payFor(who, [thisMonth()])).reply);
    await sandboxPay(t, again.orderId, { result: 'success' });
    expect((await orderOf(again.orderId)).state).toBe('paid');

    for (let i = 0; i < 50 && (await orderOf(late.orderId)).state === 'pending'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await orderOf(late.orderId)).state).toBe('unapplied');
    expect(await paidTotals(who.memberId)).toEqual({ months: [thisMonth()], fen: 4000 });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.payment!.orderId).toBe(again.orderId);
    expect((await logOf(late.orderId)).map((l) => l.outcome)).toEqual(['unapplied']);
  });

  it('a callback whose amount does not match the order changes nothing; the real payment is found by the status query', async () => {
    const who = await owingFor(0);
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    const forged = await sandboxPay(t, order.orderId, { result: 'success', totalFee: 1 });
    expect(forged.json.data!.callbacks[0]!.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
    expect((await orderOf(order.orderId)).state).toBe('pending');
    expect((await logOf(order.orderId)).map((l) => [l.outcome, l.totalFee])).toEqual([['amount_mismatch', 1]]);

    // WeChat Pay itself says 4000 fen were paid: asking for the status settles it.
    const status = expectOk((await t.call('dues', 'orderStatus', { orderId: order.orderId }, who.openid)).reply);
    expect(status.state).toBe('paid');
    expect(await paidTotals(who.memberId)).toEqual({ months: [thisMonth()], fen: 4000 });
  });

  it('a forged callback for an unpaid order is checked with WeChat Pay and changes nothing', async () => {
    const who = await owingFor(0);
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    const { reply } = await invokeCallback(t, {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order.orderId,
      transactionId: '4200000000000000000000000001',
      totalFee: 4000,
      timeEnd: '20260101120000',
    });
    expect(reply).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
    expect((await logOf(order.orderId)).map((l) => l.outcome)).toEqual(['not_confirmed']);
  });

  it('a callback for an unknown order, a failed payment or a malformed event is acknowledged and logged', async () => {
    const unknown = await invokeCallback(t, {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: 'DFnothere',
      transactionId: 'x',
      totalFee: 1,
    });
    expect(unknown.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    const failed = await invokeCallback(t, { returnCode: 'SUCCESS', resultCode: 'FAIL', outTradeNo: 'DFfailed1' });
    expect(failed.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    const junk = await invokeCallback(t, { hello: 'world' });
    expect(junk.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    // No known order: counted per outcome and hour, the first kept as a sample, the order id not stored.
    const counters = (await t.db.collection(COLLECTIONS.duesPayLog).where({ orderId: null }).limit(100).get())
      .data as PayLogDoc[];
    const counted = (outcome: string) =>
      counters.filter((l) => l.outcome === outcome).reduce((s, l) => s + l.count!, 0);
    expect(counted('unknown_order')).toBeGreaterThanOrEqual(2);
    expect(counted('bad_event')).toBeGreaterThanOrEqual(1);
    expect(await logOf('DFnothere')).toEqual([]);
    expect(await logOf('DFfailed1')).toEqual([]);
  });

  it('an order whose months were repriced before payment is not applied', async () => {
    const who = await owingFor(0);
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    expectOk(
      (
        await t.call(
          'dues',
          'setRelief',
          {
            memberId: who.memberId,
            kind: 'reduce',
            fromMonth: thisMonth(),
            reducedAmountFen: 1000,
            reason: '家庭困难',
            approvedBy: '思明区委组织部 王建国',
          },
          'demo-secretary',
        )
      ).reply,
    );
    await sandboxPay(t, order.orderId, { result: 'success' });
    expect(await orderOf(order.orderId)).toMatchObject({ state: 'unapplied', unappliedReason: 'amount_changed' });
    expect(await storedMonth(t, who.memberId, thisMonth())).toMatchObject({ state: 'reduced', amountFen: 1000 });
    // Paying again at the new amount works.
    const again = expectOk((await payFor(who, [thisMonth()])).reply);
    expect(again.totalFen).toBe(1000);
    await sandboxPay(t, again.orderId, { result: 'success' });
    expect(await paidTotals(who.memberId)).toEqual({ months: [thisMonth()], fen: 1000 });
  });

  it('a failed payment sends no callback; the status query reports it', async () => {
    const who = await owingFor(0);
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    const failed = await sandboxPay(t, order.orderId, { result: 'fail' });
    expect(failed.json.data!.callbacks).toEqual([]);
    const status = expectOk((await t.call('dues', 'orderStatus', { orderId: order.orderId }, who.openid)).reply);
    expect(status).toMatchObject({ state: 'failed', receipt: null });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
  });

  it('a cancelled order is closed at WeChat Pay and can no longer be paid', async () => {
    const who = await owingFor(0);
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    const status = expectOk((await t.call('dues', 'cancelPayment', { orderId: order.orderId }, who.openid)).reply);
    expect(status.state).toBe('closed');
    const late = await sandboxPay(t, order.orderId, { result: 'success' });
    expect(late.status).toBe(409);
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('due');
  });

  it('another member cannot see or cancel an order', async () => {
    const who = await owingFor(0);
    const other = await owingFor(0, '李秀英');
    const order = expectOk((await payFor(who, [thisMonth()])).reply);
    for (const action of ['orderStatus', 'cancelPayment'] as const) {
      const { reply } = await t.call('dues', action, { orderId: order.orderId }, other.openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await orderOf(order.orderId)).state).toBe('pending');
  });
});

describe('which months may be paid', () => {
  let who: DuesPerson;
  beforeAll(async () => {
    // Placed here 8 months ago; the secretary dates the base back to then.
    who = await aMemberWhoOwesHere(t, { since: monthsAgo(8) });
    const declared = expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'salaried', baseFen: 400_000, note: '', effectiveMonth: monthsAgo(6) },
          who.openid,
        )
      ).reply,
    );
    expectOk(
      (
        await t.call(
          'dues',
          'reviewBase',
          {
            memberId: who.memberId,
            declarationId: declared.profile!.pending!.id,
            decision: 'correct',
            effectiveMonth: monthsAgo(8),
            reason: '自编入支部之月起交纳',
          },
          'demo-secretary',
        )
      ).reply,
    );
  });

  it('a member 8 months behind sees the 6+ band, the notice and the to-do, and which months are payable here', async () => {
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page).toMatchObject({
      band: '6+',
      bandLabel: '连续欠交6个月以上',
      olderArrears: [monthsAgo(8), monthsAgo(7)],
    });
    expect(page.todo).toContain('请立即与党支部联系');
    expect(page.notice).toContain('6 个月以上');
    // Payable here: 6 months back at most; the older ones are the branch's to settle.
    expect(page.unpaid.map((m) => m.month)).toEqual([6, 5, 4, 3, 2, 1, 0].map(monthsAgo));
    expect(page.choices.filter((c) => c.kind === 'arrears').map((c) => c.month)).toEqual(
      [6, 5, 4, 3, 2, 1].map(monthsAgo),
    );
  });
  const orders = async () =>
    (await t.db.collection(COLLECTIONS.duesOrders).where({ memberId: who.memberId }).count()).total;

  it.each([
    ['older than six months back', [monthsAgo(7)], '补交党费最多补交 6 个月'],
    [
      'more than six months ahead',
      () => [
        monthsAgo(6),
        monthsAgo(5),
        monthsAgo(4),
        monthsAgo(3),
        monthsAgo(2),
        monthsAgo(1),
        thisMonth(),
        ...[1, 2, 3, 4, 5, 6, 7].map(monthsAhead),
      ],
      '预交党费最多预交 6 个月',
    ],
    ['a later month before an earlier one', [monthsAgo(1)], '请按月份顺序交纳'],
    ['the same month twice', [monthsAgo(6), monthsAgo(6)], '重复选择'],
    ['a month that is not a month', ['2026-13'], '格式应为 年-月'],
    ['nothing at all', [], '请选择要交纳的月份'],
  ])('refuses %s, saying why, and creates no order', async (_why, months, message) => {
    const before = await orders();
    const list = typeof months === 'function' ? months() : months;
    const { reply } = await payFor(who, list);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!reply.ok && reply.error.message).toContain(message);
    expect(await orders()).toBe(before);
  });

  it('accepts the six payable arrears oldest first, and six months ahead', async () => {
    const months = [6, 5, 4, 3, 2, 1].map(monthsAgo).concat([thisMonth()], [1, 2, 3, 4, 5, 6].map(monthsAhead));
    const { reply } = await payFor(who, months);
    expect(expectOk(reply).totalFen).toBe(13 * 4000);
  });

  it('refuses months already paid', async () => {
    const fresh = await owingFor(0, '王小兰');
    const order = expectOk((await payFor(fresh, [thisMonth()])).reply);
    await sandboxPay(t, order.orderId, { result: 'success' });
    const { reply } = await payFor(fresh, [thisMonth()]);
    expect(!reply.ok && reply.error.message).toContain('没有待交党费');
  });

  it('refuses a member whose base is not yet confirmed, and one who pays at home', async () => {
    const unconfirmed = await aMemberWhoOwesHere(t);
    const r1 = await payFor(unconfirmed, [thisMonth()]);
    expect(r1.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const home = await owingFor(0, '赵四');
    await t.db.collection(COLLECTIONS.certificates).doc(`cert_${home.memberId}`).update({ paysDuesHere: false });
    const r2 = await payFor(home, [thisMonth()]);
    expect(r2.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!r2.reply.ok && r2.reply.error.message).toContain('流出地');
  });
});

describe('database round trips (emulator counter; the WeChat Pay API calls go to the same endpoint and are counted too)', () => {
  it('quote 0; pay 6 (4 reads, unified order, the order); callback 8 + 2 per month, repeated 3 (the order and its counter)', async () => {
    const who = await owingFor(2);
    expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    const quoted = await t.call('dues', 'quote', { category: 'salaried', baseFen: 400_000 }, who.openid);
    // Two months of arrears: nothing paid on time, so no points work in the figure.
    const paid = await payFor(who, [monthsAgo(2), monthsAgo(1)]);
    const order = expectOk(paid.reply);
    // The notification is lost on the way; the platform's retry is this invocation.
    const sandbox = await sandboxPay(t, order.orderId, { result: 'success', repeat: 0 });
    const callback = await invokeCallback(t, sandbox.json.data!.event!);
    expect(callback.reply).toEqual({ errcode: 0, errmsg: 'ok' });
    const repeated = await invokeCallback(t, sandbox.json.data!.event!);

    // This month, on time: the points ledger's award comes on top.
    const onTime = expectOk((await payFor(who, [thisMonth()])).reply);
    const withPoints = await sandboxPay(t, onTime.orderId, { result: 'success' });
    const figures = {
      quote: quoted.roundTrips,
      pay: paid.roundTrips,
      callback: callback.roundTrips,
      repeatedCallback: repeated.roundTrips,
      callbackOneMonthOnTimeWithPoints: withPoints.json.data!.callbacks[0]!.roundTrips,
    };
    console.log('dues round trips', JSON.stringify(figures));
    // A repeat reads the order and counts itself (the first repeat makes its counter: one more).
    expect(figures).toMatchObject({ quote: 0, pay: 6, callback: 12, repeatedCallback: 3 });
    // 12 - 2 for the second month, the rules (cached once warm), the award's transaction (6): no
    // member read (the order carries the placement) and no flag on the order (the ledger says).
    expect(figures.callbackOneMonthOnTimeWithPoints).toBeLessThanOrEqual(17);
  });
});
