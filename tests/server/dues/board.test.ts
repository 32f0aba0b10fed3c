/**
 * Arrears and reports: the branch's board (1, 3, 5, 6+ months behind, to-dos, the review list),
 * this month's figures and the collection list, and organisation-node summaries by aggregation.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import type { DuesMonthDoc } from '../../../server/dues/docs';
import { aConfirmedBase, aMemberWhoOwesHere, aMonthRecord, monthsAgo, thisMonth } from '../../helpers/dues';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;

const HULI = { branchId: 'xm-huli-mobile', orgPath: ['xm', 'xm-huli', 'xm-huli-mobile'] };
const JIANGTOU = {
  branchId: 'xm-huli-jiangtou-mobile',
  orgPath: ['xm', 'xm-huli', 'xm-huli-jiangtou', 'xm-huli-jiangtou-mobile'],
};
const paid = (channel: 'wxpay' | 'cash') => ({
  state: 'paid' as const,
  payment: { paymentId: 'p', channel, receiptNo: 'R1', paidAt: new Date(), orderId: null },
});

/** Member `id` with the months (n back) unpaid, the others in `paidBack` paid. */
function history(
  id: string,
  name: string,
  unpaidBack: number[],
  paidBack: number[] = [],
  place = HULI,
): DuesMonthDoc[] {
  const who = { memberId: id, name, ...place };
  return [
    ...unpaidBack.map((n) => aMonthRecord(who, monthsAgo(n))),
    ...paidBack.map((n) => aMonthRecord(who, monthsAgo(n), paid('cash'))),
  ];
}

beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
  const docs: DuesMonthDoc[] = [
    ...history('m-one', '甲一', [1], [2]),
    ...history('m-three', '乙三', [3, 2, 1]),
    ...history('m-five', '丙五', [5, 4, 3, 2, 1]),
    ...history('m-seven', '丁七', [7, 6, 5, 4, 3, 2, 1]),
    ...history('m-gap', '戊间', [4, 2, 1], [3]),
    ...history('m-none', '己清', [], [3, 2, 1]),
    ...history('m-jt', '庚街', [1], [], JIANGTOU),
    // This month.
    aMonthRecord({ memberId: 'm-one', name: '甲一', ...HULI }, thisMonth()),
    aMonthRecord({ memberId: 'm-three', name: '乙三', ...HULI }, thisMonth(), paid('wxpay')),
    aMonthRecord({ memberId: 'm-five', name: '丙五', ...HULI }, thisMonth(), {
      state: 'waived',
      amountFen: 0,
      relief: { kind: 'waive', reason: '困难', approvedBy: '区委组织部' },
    }),
    aMonthRecord({ memberId: 'm-seven', name: '丁七', ...HULI }, thisMonth(), {
      state: 'reduced',
      amountFen: 1_000,
      relief: { kind: 'reduce', reason: '困难', approvedBy: '区委组织部' },
    }),
    aMonthRecord({ memberId: 'm-gap', name: '戊间', ...HULI }, thisMonth(), { ...paid('cash'), amountFen: 2_000 }),
    aMonthRecord({ memberId: 'm-none', name: '己清', ...HULI }, thisMonth(), { amountFen: 20, standardFen: 20 }),
    aMonthRecord({ memberId: 'm-jt', name: '庚街', ...JIANGTOU }, thisMonth(), { ...paid('wxpay'), amountFen: 500 }),
  ];
  await t.db.collection(COLLECTIONS.duesMonths).add(docs);
});
afterAll(() => t.close());

describe('the branch dues board', () => {
  it('puts each member in the band of their longest run of unpaid months before this month', async () => {
    const { reply, roundTrips } = await t.call(
      'dues',
      'branchBoard',
      { branchId: HULI.branchId },
      'demo-secretary-huli',
    );
    const board = expectOk(reply);
    expect(board.bandCounts).toEqual({ '1': 2, '3': 1, '5': 1, '6+': 1 });
    expect(board.rows.map((r) => [r.name, r.band, r.runMonths, r.unpaidFen])).toEqual([
      ['丁七', '6+', 7, 28_000],
      ['丙五', '5', 5, 20_000],
      ['乙三', '3', 3, 12_000],
      ['戊间', '1', 2, 12_000],
      ['甲一', '1', 1, 4_000],
    ]);
    expect(board.reviewMemberIds.map((id) => board.rows.find((r) => r.memberId === id)!.name)).toEqual(['丁七']);
    // To-dos for the secretary at 3 and 5 months, and the review at 6.
    expect(board.rows.find((r) => r.band === '3')!.todo).toContain('3 个月');
    expect(board.rows.find((r) => r.band === '5')!.todo).toContain('5 个月');
    expect(board.rows.find((r) => r.band === '1')!.todo).toBeNull();
    expect(board.thisMonth).toEqual({ owing: 5, paid: 2, unpaid: 3, waived: 1, dueFen: 11_020, receivedFen: 6_000 });
    expect(board.branchName).toBe('湖里区流动党员党支部');
    // Six, and one for the branch's members (nobody here owes without a base, so no more).
    expect(roundTrips).toBe(7);
  });

  it('is refused to a plain member and to a secretary of another branch', async () => {
    for (const openid of ['demo-member', 'demo-secretary']) {
      const { reply } = await t.call('dues', 'branchBoard', { branchId: HULI.branchId }, openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const { reply } = await t.call('dues', 'branchBoard', { branchId: 'xm-nowhere' }, 'demo-super');
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the month’s collection list', () => {
  it('lists every record of the month by name, a page at a time, with how it was paid', async () => {
    const first = expectOk(
      (
        await t.call(
          'dues',
          'collectionList',
          { branchId: HULI.branchId, month: thisMonth(), limit: 4 },
          'demo-secretary-huli',
        )
      ).reply,
    );
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = expectOk(
      (
        await t.call(
          'dues',
          'collectionList',
          { branchId: HULI.branchId, month: thisMonth(), limit: 4, cursor: first.nextCursor! },
          'demo-secretary-huli',
        )
      ).reply,
    );
    expect(second.nextCursor).toBeNull();
    const rows = [...first.items, ...second.items];
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.name === '乙三')).toMatchObject({ state: 'paid', channel: 'wxpay', receiptNo: 'R1' });
    expect(rows.find((r) => r.name === '甲一')).toMatchObject({ state: 'due', channel: null, paidAt: null });
  });
});

describe('summaries', () => {
  it('a district administrator sees the district’s month, in total and per branch', async () => {
    const s = expectOk(
      (await t.call('dues', 'summary', { nodeId: 'xm-huli', month: thisMonth() }, 'demo-super')).reply,
    );
    expect(s.totals).toEqual({ owing: 6, paid: 3, unpaid: 3, waived: 1, dueFen: 11_520, receivedFen: 6_500 });
    expect(s.branches.map((b) => [b.branchName, b.owing, b.receivedFen])).toEqual([
      ['湖里区流动党员党支部', 5, 6_000],
      ['江头街道流动党员党支部', 1, 500],
    ]);
    const past = expectOk(
      (await t.call('dues', 'summary', { nodeId: 'xm-huli', month: monthsAgo(1) }, 'demo-super')).reply,
    );
    expect(past.totals).toMatchObject({ owing: 7, paid: 1, unpaid: 6 });
  });

  it('a secretary sees their own branch only; an administrator only their own subtree', async () => {
    const own = await t.call('dues', 'summary', { nodeId: HULI.branchId, month: thisMonth() }, 'demo-secretary-huli');
    expect(expectOk(own.reply).totals.owing).toBe(5);
    const above = await t.call('dues', 'summary', { nodeId: 'xm-huli', month: thisMonth() }, 'demo-secretary-huli');
    expect(above.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const otherDistrict = await t.call('dues', 'summary', { nodeId: 'xm-huli', month: thisMonth() }, 'demo-admin');
    expect(otherDistrict.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const ownDistrict = expectOk(
      (await t.call('dues', 'summary', { nodeId: 'xm-siming', month: thisMonth() }, 'demo-admin')).reply,
    );
    expect(ownDistrict.totals.owing).toBe(0);
  });
});

// Last: confirming the base makes 思明's months, which the summaries above count.
describe('members with no base on the board', () => {
  it('names the members it cannot collect from because no base is confirmed, until one is', async () => {
    // In 思明, so that the months the confirmation makes leave the 湖里 figures above alone.
    const who = await aMemberWhoOwesHere(t, { name: '辛未定' });
    const noBaseOf = async () =>
      expectOk((await t.call('dues', 'branchBoard', { branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply).noBase;
    expect(await noBaseOf()).toContainEqual({ memberId: who.memberId, name: '辛未定', declared: false });
    await aConfirmedBase(t, who);
    expect((await noBaseOf()).map((r) => r.memberId)).not.toContain(who.memberId);
  });
});
