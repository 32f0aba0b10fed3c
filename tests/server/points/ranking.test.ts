/**
 * Rankings of a branch, a street and a district by the year's points: top N with ties, answered
 * from the maintained year totals in a fixed number of round trips, within the caller's scope.
 */
import { COLLECTIONS } from '../../../database/collections';
import { totalsIdOf } from '../../../server/domain/points/ids';
import { awardPoints } from '../../../server/points/award';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { anActiveMember, startPointsCloud, thisYear } from '../../helpers/points';

let t: TestCloud;
const ids: Record<string, string> = {};
let n = 0;
const attend = (memberId: string, ruleCode: string) =>
  awardPoints({
    memberId,
    ruleCode,
    source: { type: 'attendance', id: `rk-${++n}` },
    approvedBy: 'system',
    occurredAt: new Date(),
  });

beforeAll(async () => {
  t = await startPointsCloud();
  // 中华街道: two branches. Everyone starts with 5 for registration.
  const people: [string, string][] = [
    ['甲', 'xm-siming-zhonghua-mobile'],
    ['乙', 'xm-siming-zhonghua-c01-mobile'],
    ['丙', 'xm-siming-zhonghua-mobile'],
    ['丁', 'xm-siming-zhonghua-c01-mobile'],
    ['戊', 'xm-siming-zhonghua-mobile'],
  ];
  for (const [name, branch] of people) ids[name] = (await anActiveMember(t, branch, name)).memberId;
  for (const who of ['甲', '乙']) {
    await attend(ids[who]!, 'attendance.theme_day');
    await attend(ids[who]!, 'attendance.party_lecture');
  }
  await attend(ids['丙']!, 'attendance.theme_day');
  // 甲 11, 乙 11, 丙 8, 丁 5, 戊 5
});
afterAll(() => t.close());

const rank = async (scopeId: string, top: number, who = 'demo-admin') => {
  const { reply, roundTrips } = await t.call('points', 'ranking', { scopeId, top }, who);
  const view = expectOk(reply);
  return { rows: view.items.map((i) => [i.rank, i.name, i.points]), view, roundTrips };
};

describe('ranking', () => {
  it('ranks a street with shared ranks for equal points (1, 1, 3)', async () => {
    const { rows, view } = await rank('xm-siming-zhonghua', 3);
    expect(rows).toEqual([
      [1, '甲', 11],
      [1, '乙', 11],
      [3, '丙', 8],
    ]);
    expect(view).toMatchObject({ scopeId: 'xm-siming-zhonghua', scopeName: '中华街道', year: thisYear(), top: 3 });
  });

  it('includes everyone tied with the last place', async () => {
    expect((await rank('xm-siming-zhonghua', 4)).rows).toEqual([
      [1, '甲', 11],
      [1, '乙', 11],
      [3, '丙', 8],
      [4, '丁', 5],
      [4, '戊', 5],
    ]);
    expect((await rank('xm-siming-zhonghua', 1)).rows).toEqual([
      [1, '甲', 11],
      [1, '乙', 11],
    ]);
  });

  it('ranks a branch, and a district above it, with the branch name on each row', async () => {
    expect((await rank('xm-siming-zhonghua-c01-mobile', 10)).rows).toEqual([
      [1, '乙', 11],
      [2, '丁', 5],
    ]);
    const district = (await rank('xm-siming', 2)).view.items;
    expect(district.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(district[1]!.branchName).toBe('仁安社区流动党员党支部');
  });

  it('follows reversals: the totals it reads move with the ledger', async () => {
    const m = await anActiveMember(t, 'xm-siming-zhonghua-c01-branch', '己');
    const award = await attend(m.memberId, 'attendance.theme_day');
    expect((await rank('xm-siming-zhonghua-c01-branch', 5)).rows).toEqual([[1, '己', 8]]);
    expectOk((await t.call('points', 'reverse', { entryId: award.entryId, reason: '记错了' }, 'demo-admin')).reply);
    expect((await rank('xm-siming-zhonghua-c01-branch', 5)).rows).toEqual([[1, '己', 5]]);
  });

  it('is empty for a year with no points', async () => {
    const { reply } = await t.call(
      'points',
      'ranking',
      { scopeId: 'xm-siming-zhonghua', year: thisYear() - 5 },
      'demo-admin',
    );
    expect(expectOk(reply).items).toEqual([]);
  });

  it('takes the same round trips for five members and for three hundred', async () => {
    const small = await rank('xm-siming-zhonghua', 3);
    const year = thisYear();
    const many = Array.from({ length: 300 }, (_, i) => ({
      _id: totalsIdOf(`m_bulk${i}`, year),
      memberId: `m_bulk${i}`,
      year,
      name: `成员${i}`,
      branchId: 'xm-huli-jiangtou-mobile',
      branchName: '江头街道流动党员党支部',
      orgPath: ['xm', 'xm-huli', 'xm-huli-jiangtou', 'xm-huli-jiangtou-mobile'],
      points: i % 50,
      byCategory: {},
      updatedAt: new Date(),
    }));
    await t.db.collection(COLLECTIONS.pointsTotals).add(many);
    const large = await rank('xm-huli', 3, 'demo-super');
    expect(large.rows).toEqual([
      [1, '成员149', 49],
      [1, '成员199', 49],
      [1, '成员249', 49],
      [1, '成员299', 49],
      [1, '成员49', 49],
      [1, '成员99', 49],
    ]);
    expect(small.roundTrips).toBe(4);
    expect(large.roundTrips).toBe(4);
  });
});

describe('who may see a ranking', () => {
  it('a secretary sees their own branch only', async () => {
    expect((await rank('xm-siming-mobile', 5, 'demo-secretary')).view.scopeId).toBe('xm-siming-mobile');
    for (const scopeId of ['xm-siming', 'xm-siming-zhonghua', 'xm-siming-zhonghua-mobile']) {
      expect((await t.call('points', 'ranking', { scopeId }, 'demo-secretary')).reply).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    }
  });

  it.each([
    ['the 湖里 secretary', 'demo-secretary-huli', 'xm-siming-zhonghua', 'PERMISSION_DENIED'],
    ['the 思明 administrator, for 湖里', 'demo-admin', 'xm-huli', 'PERMISSION_DENIED'],
    ['a member', 'demo-member', 'xm-siming-mobile', 'PERMISSION_DENIED'],
    ['anyone, for a node that does not exist', 'demo-super', 'xm-nowhere', 'NOT_FOUND'],
  ])('refuses %s', async (_who, openid, scopeId, code) => {
    expect((await t.call('points', 'ranking', { scopeId }, openid)).reply).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it.each([
    ['top over 100', { top: 101 }, 'top'],
    ['top 0', { top: 0 }, 'top'],
    ['a year out of range', { year: 99 }, 'year'],
  ])('refuses %s', async (_what, change, field) => {
    const reply = await t.callRaw('points', { action: 'ranking', scopeId: 'xm-siming', ...change }, 'demo-admin');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field } });
  });
});
