/**
 * The amount: the quote (中组发〔2008〕3号 through the `dues` function), declaring a base, the
 * secretary's confirmation or correction, yearly fixing and a mid-year change, farmers' branch-set
 * amount, and relief.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import { yearOfMonth } from '../../../server/domain/dues';
import type { DuesProfileDoc } from '../../../server/dues/docs';
import type { DuesCategory } from '../../../typings/areas/dues';
import {
  aConfirmedBase,
  aMemberWhoOwesHere,
  monthsAgo,
  monthsAhead,
  sandboxPay,
  storedMonths,
  thisMonth,
} from '../../helpers/dues';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

const quote = (input: { category: DuesCategory; baseFen?: number; farmerAmountFen?: number }, openid = 'demo-member') =>
  t.call('dues', 'quote', input, openid);

describe('quote', () => {
  // [category, base fen, amount fen, rate bp]: at and around each bracket's inclusive upper bound.
  const cases: [DuesCategory, number, number, number | null][] = [
    ['salaried', 300_000, 1_500, 50],
    ['salaried', 300_001, 3_000, 100],
    ['salaried', 500_000, 5_000, 100],
    ['salaried', 500_001, 7_500, 150],
    ['salaried', 1_000_000, 15_000, 150],
    ['salaried', 1_000_001, 20_000, 200],
    ['annual_salary', 299_999, 1_500, 50],
    ['annual_salary', 500_100, 7_502, 150],
    ['self_employed', 100, 1, 50],
    ['self_employed', 99, 0, 50],
    ['retiree', 500_000, 2_500, 50],
    ['retiree', 500_001, 5_000, 100],
    ['retiree', 499_900, 2_500, 50],
    ['student', 0, 20, null],
    ['unemployed', 0, 20, null],
    ['relief', 0, 20, null],
  ];

  it.each(cases)(
    '%s, base %i fen → %i fen (rate %s bp), with no database work',
    async (category, baseFen, amount, bp) => {
      const { reply, roundTrips } = await quote({ category, baseFen });
      expect(expectOk(reply)).toMatchObject({ amountFen: amount, rateBasisPoints: bp });
      expect(roundTrips).toBe(0);
    },
  );

  it('explains the bracket and the rate on the whole base', async () => {
    const q = expectOk((await quote({ category: 'retiree', baseFen: 500_000 })).reply);
    expect(q).toMatchObject({ bracketLabel: '离退休费5000元以下（含）', categoryLabel: '离退休干部职工' });
    expect(q.explanation).toBe('月离退休费（养老金） 5,000.00 元，适用 5000 元以下（含）档，按 0.5% 交纳：25.00 元');
  });

  it('farmers: the range until the branch sets the amount, then the amount', async () => {
    expect(expectOk((await quote({ category: 'farmer' })).reply)).toMatchObject({
      amountFen: null,
      explanation: '农民党员每月交纳党费 0.20 元至 1.00 元，具体金额由党支部确定。',
    });
    expect(expectOk((await quote({ category: 'farmer', farmerAmountFen: 50 })).reply).amountFen).toBe(50);
    const low = await quote({ category: 'farmer', farmerAmountFen: 10 });
    expect(low.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'farmerAmountFen' } });
  });

  it.each([
    [{ category: 'salaried' }, 'baseFen', '请填写'],
    [{ category: 'salaried', baseFen: 4000.5 }, 'baseFen', '整数'],
    [{ category: 'salaried', baseFen: -1 }, 'baseFen', '负数'],
    [{ category: 'salaried', baseFen: 100_000_001 }, 'baseFen', '不能超过'],
    [{ category: 'farmer', farmerAmountFen: 101 }, 'farmerAmountFen', '不能超过'],
    [{ category: 'pilot' }, 'category', '不是可选的值'],
  ])('refuses %j with a coded error naming the field', async (input, field, words) => {
    const { reply } = await quote(input as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field } });
    expect(!reply.ok && reply.error.message).toContain(words);
  });

  it('needs a WeChat caller', async () => {
    const { reply } = await t.call('dues', 'quote', { category: 'student' }, undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

async function profileOf(memberId: string): Promise<DuesProfileDoc> {
  return (await t.db.collection(COLLECTIONS.duesProfiles).doc(memberId).get()).data[0] as DuesProfileDoc;
}

describe('declaring and confirming a base', () => {
  it('the member declares; the secretary sees it with its quote and confirms it; the history is kept', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(1), name: '林志明' });
    const declared = expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'salaried', baseFen: 550_000, note: '税后工资', effectiveMonth: monthsAgo(1) },
          who.openid,
        )
      ).reply,
    );
    expect(declared.profile).toMatchObject({ amountFen: null, pending: { status: 'pending', baseFen: 550_000 } });
    expect(declared.profile!.explanation).toContain('等待党支部确认');

    const queue = expectOk(
      (await t.call('dues', 'pendingBases', { branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply,
    );
    const row = queue.items.find((r) => r.memberId === who.memberId)!;
    expect(row).toMatchObject({
      name: '林志明',
      quote: { amountFen: 8_250, rateBasisPoints: 150 },
      currentAmountFen: null,
    });

    const view = expectOk(
      (
        await t.call(
          'dues',
          'reviewBase',
          { memberId: who.memberId, declarationId: row.declaration.id, decision: 'confirm' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(view.profile).toMatchObject({ amountFen: 8_250, pending: null, inForce: { status: 'confirmed' } });
    expect(view.profile!.inForce!.review).toMatchObject({
      by: '陈美华（演示）',
      amountFen: 8_250,
      effectiveMonth: monthsAgo(1),
    });
    // The owed months exist now, at the confirmed amount.
    const months = await storedMonths(t, who.memberId);
    expect([...months.values()].map((m) => [m.month, m.amountFen]).sort()).toEqual([
      [monthsAgo(1), 8_250],
      [thisMonth(), 8_250],
    ]);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'dues.base.confirm', 'target.id': who.memberId })
      .count();
    expect(audit.total).toBe(1);
    const after = expectOk(
      (await t.call('dues', 'pendingBases', { branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply,
    );
    expect(after.items.map((r) => r.memberId)).not.toContain(who.memberId);
  });

  it('a correction needs a reason, keeps what was declared and what was decided', async () => {
    const who = await aMemberWhoOwesHere(t);
    const declared = expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'salaried', baseFen: 200_000, note: '', effectiveMonth: thisMonth() },
          who.openid,
        )
      ).reply,
    );
    const id = declared.profile!.pending!.id;
    const before = await profileOf(who.memberId);
    const noReason = await t.call(
      'dues',
      'reviewBase',
      { memberId: who.memberId, declarationId: id, decision: 'correct', baseFen: 320_000 },
      'demo-secretary',
    );
    expect(noReason.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
    expect(await profileOf(who.memberId)).toEqual(before);

    const view = expectOk(
      (
        await t.call(
          'dues',
          'reviewBase',
          {
            memberId: who.memberId,
            declarationId: id,
            decision: 'correct',
            baseFen: 320_000,
            reason: '工资条显示税后 3200 元',
          },
          'demo-secretary',
        )
      ).reply,
    );
    expect(view.profile!.amountFen).toBe(3_200);
    expect(view.profile!.history[0]).toMatchObject({
      baseFen: 200_000,
      status: 'corrected',
      review: { baseFen: 320_000, amountFen: 3_200, reason: '工资条显示税后 3200 元' },
    });
    // A second tap on the same decision changes nothing; a different one is refused.
    const again = await t.call(
      'dues',
      'reviewBase',
      { memberId: who.memberId, declarationId: id, decision: 'correct', baseFen: 320_000, reason: '再次' },
      'demo-secretary',
    );
    expect(again.reply.ok).toBe(true);
    const other = await t.call(
      'dues',
      'reviewBase',
      { memberId: who.memberId, declarationId: id, decision: 'reject', reason: '不对' },
      'demo-secretary',
    );
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  it('a new declaration replaces one still waiting; sending the same one twice adds nothing', async () => {
    const who = await aMemberWhoOwesHere(t);
    const input = { category: 'salaried' as const, baseFen: 300_000, note: '', effectiveMonth: thisMonth() };
    expectOk((await t.call('dues', 'declareBase', input, who.openid)).reply);
    expectOk((await t.call('dues', 'declareBase', input, who.openid)).reply);
    expect((await profileOf(who.memberId)).declarations).toHaveLength(1);
    const page = expectOk((await t.call('dues', 'declareBase', { ...input, baseFen: 310_000 }, who.openid)).reply);
    expect(page.profile!.history.map((d) => [d.baseFen, d.status])).toEqual([
      [310_000, 'pending'],
      [300_000, 'superseded'],
    ]);
  });

  it('a rejected declaration is sent back with the reason and changes no amount', async () => {
    const who = await aMemberWhoOwesHere(t);
    const declared = expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'retiree', baseFen: 450_000, note: '', effectiveMonth: thisMonth() },
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
            decision: 'reject',
            reason: '请补充养老金发放凭证',
          },
          'demo-secretary',
        )
      ).reply,
    );
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page.profile).toMatchObject({ amountFen: null, pending: null });
    expect(page.profile!.history[0]).toMatchObject({ status: 'rejected', review: { reason: '请补充养老金发放凭证' } });
    expect((await storedMonths(t, who.memberId)).size).toBe(0);
  });

  it('categories without a base need none; salaried ones do; the month must be near', async () => {
    const who = await aMemberWhoOwesHere(t);
    const student = await t.call(
      'dues',
      'declareBase',
      { category: 'student', note: '在读研究生', effectiveMonth: thisMonth() },
      who.openid,
    );
    expect(student.reply.ok).toBe(true);
    const noBase = await t.call(
      'dues',
      'declareBase',
      { category: 'salaried', note: '', effectiveMonth: thisMonth() },
      who.openid,
    );
    expect(noBase.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'baseFen' } });
    const far = await t.call(
      'dues',
      'declareBase',
      { category: 'student', note: '', effectiveMonth: monthsAhead(7) },
      who.openid,
    );
    expect(far.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'effectiveMonth' } });
  });

  it('farmers pay the amount the branch sets when confirming, 0.2 to 1 元', async () => {
    const who = await aMemberWhoOwesHere(t);
    const declared = expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'farmer', note: '务农', effectiveMonth: thisMonth() },
          who.openid,
        )
      ).reply,
    );
    const id = declared.profile!.pending!.id;
    const missing = await t.call(
      'dues',
      'reviewBase',
      { memberId: who.memberId, declarationId: id, decision: 'confirm' },
      'demo-secretary',
    );
    expect(missing.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'farmerAmountFen' } });
    const view = expectOk(
      (
        await t.call(
          'dues',
          'reviewBase',
          { memberId: who.memberId, declarationId: id, decision: 'confirm', farmerAmountFen: 50 },
          'demo-secretary',
        )
      ).reply,
    );
    expect(view.profile).toMatchObject({ amountFen: 50 });
    expect(view.profile!.explanation).toContain('农民党员按党支部确定的标准每月交纳党费 0.50 元');
  });
});

describe('yearly fixing and changes of base', () => {
  it('a confirmed change applies from its month on; paid months keep what was paid', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(4) });
    await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: monthsAgo(4) });
    const order = expectOk((await t.call('dues', 'pay', { months: [monthsAgo(4)] }, who.openid)).reply);
    await sandboxPay(t, order.orderId, { result: 'success' });

    // A raise from two months back: 6000 元 → 90 元 a month, from then on.
    await aConfirmedBase(t, who, { baseFen: 600_000, effectiveMonth: monthsAgo(2) });
    const months = await storedMonths(t, who.memberId);
    expect(months.get(monthsAgo(4))).toMatchObject({ state: 'paid', amountFen: 4_000 });
    expect(months.get(monthsAgo(3))).toMatchObject({ state: 'due', amountFen: 4_000 });
    expect(months.get(monthsAgo(2))).toMatchObject({ state: 'due', amountFen: 9_000 });
    expect(months.get(thisMonth())).toMatchObject({ state: 'due', amountFen: 9_000 });
    expect(months.get(monthsAgo(2))!.history.map((h) => h.event)).toEqual(['created', 'repriced']);
  });

  it('an amount fixed for the year holds until the next January', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(5) });
    await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: monthsAgo(5), fixedForYear: true });
    await aConfirmedBase(t, who, { baseFen: 600_000, effectiveMonth: monthsAgo(2) });
    const fixedYear = yearOfMonth(monthsAgo(5));
    const months = await storedMonths(t, who.memberId);
    for (const [month, doc] of months) {
      const expected = yearOfMonth(month) === fixedYear ? 4_000 : 9_000;
      expect([month, doc.amountFen]).toEqual([month, expected]);
    }
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    if (yearOfMonth(thisMonth()) === fixedYear) {
      expect(page.profile!.amountFen).toBe(4_000);
      expect(page.profile!.explanation).toContain('党费金额按年度固定');
    } else {
      expect(page.profile!.amountFen).toBe(9_000);
    }
  });
});

describe('relief', () => {
  it('waives with the approver and reason; open months are repriced, the waiver is shown', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(1) });
    await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: monthsAgo(1) });
    const view = expectOk(
      (
        await t.call(
          'dues',
          'setRelief',
          {
            memberId: who.memberId,
            kind: 'waive',
            fromMonth: monthsAgo(1),
            toMonth: thisMonth(),
            reason: '重病住院',
            approvedBy: '思明区委组织部 王建国',
          },
          'demo-secretary',
        )
      ).reply,
    );
    expect(view.months.map((m) => [m.month, m.state, m.amountFen, m.reliefNote])).toEqual([
      [monthsAgo(1), 'waived', 0, '经批准免交（重病住院）'],
      [thisMonth(), 'waived', 0, '经批准免交（重病住院）'],
    ]);
    expect(view.profile!.relief).toMatchObject({
      kind: 'waive',
      approvedBy: '思明区委组织部 王建国',
      decidedBy: '陈美华（演示）',
    });
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page).toMatchObject({ unpaidFen: 0, band: 'none', paidThrough: thisMonth() });
    expect(page.choices.filter((c) => c.kind !== 'ahead').every((c) => !c.payable && c.note === '已免交')).toBe(true);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'dues.relief.waive', 'target.id': who.memberId })
      .count();
    expect(audit.total).toBe(1);
  });

  it('refuses relief without the approver or with a reduced amount missing', async () => {
    const who = await aMemberWhoOwesHere(t);
    await aConfirmedBase(t, who, { effectiveMonth: thisMonth() });
    const before = await profileOf(who.memberId);
    const noApprover = await t.call(
      'dues',
      'setRelief',
      { memberId: who.memberId, kind: 'waive', fromMonth: thisMonth(), reason: '困难', approvedBy: '' },
      'demo-secretary',
    );
    expect(noApprover.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'approvedBy' } });
    const noAmount = await t.call(
      'dues',
      'setRelief',
      { memberId: who.memberId, kind: 'reduce', fromMonth: thisMonth(), reason: '困难', approvedBy: '区委组织部' },
      'demo-secretary',
    );
    expect(noAmount.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reducedAmountFen' } });
    expect(await profileOf(who.memberId)).toEqual(before);
  });
});
