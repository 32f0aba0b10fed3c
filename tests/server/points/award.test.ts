/**
 * awardPoints, the one way other areas add points: one entry per member, item and source event;
 * retries and concurrency add nothing; caps hold under concurrency; totals move with the ledger in
 * the same transaction. Real SDK against the real emulator.
 */
import { COLLECTIONS } from '../../../database/collections';
import { countRoundTrips } from '../../../emulator/round-trips';
import { totalsIdOf } from '../../../server/domain/points/ids';
import { awardPoints, type AwardRequest } from '../../../server/points/award';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { aRuleInput, anActiveMember, startPointsCloud, thisYear } from '../../helpers/points';

let t: TestCloud;
beforeAll(async () => {
  t = await startPointsCloud();
  // An item capped at five a day, for the concurrency tests.
  expectOk((await t.call('points', 'saveRule', aRuleInput(), 'demo-super')).reply);
});
afterAll(() => t.close());

let n = 0;
const request = (memberId: string, overrides: Partial<AwardRequest> = {}): AwardRequest => ({
  memberId,
  ruleCode: 'attendance.theme_day',
  source: { type: 'attendance', id: `att-${++n}` },
  approvedBy: 'system',
  occurredAt: new Date(),
  ...overrides,
});

async function entriesOf(memberId: string, ruleCode?: string) {
  const res = await t.db
    .collection(COLLECTIONS.pointsLedger)
    .where(ruleCode ? { memberId, ruleCode } : { memberId })
    .limit(1000)
    .get();
  return res.data as { _id: string; points: number; ruleVersion: number; reason: string; source: unknown }[];
}

async function stored(memberId: string, year = thisYear()) {
  const [account, totals] = await Promise.all([
    t.db.collection(COLLECTIONS.pointsAccounts).doc(memberId).get(),
    t.db.collection(COLLECTIONS.pointsTotals).doc(totalsIdOf(memberId, year)).get(),
  ]);
  return {
    lifetime: account.data[0]?.lifetime as number | undefined,
    year: account.data[0]?.years?.[String(year)]?.points as number | undefined,
    ranking: totals.data[0]?.points as number | undefined,
    orgPath: totals.data[0]?.orgPath as string[] | undefined,
  };
}

describe('one award', () => {
  it('writes the entry with the item’s version, and the year and lifetime totals, in one transaction', async () => {
    const { memberId } = await anActiveMember(t);
    const { result, roundTrips } = await countRoundTrips(() =>
      awardPoints(request(memberId, { source: { type: 'attendance', id: 'theme-1' } })),
    );
    expect(result).toMatchObject({ points: 3, created: true, capped: false, reason: null });
    expect(roundTrips).toBe(8);
    const [entry] = (await entriesOf(memberId, 'attendance.theme_day')) as Record<string, unknown>[];
    expect(entry).toMatchObject({
      _id: result.entryId,
      points: 3,
      ruleVersion: 1,
      ruleName: '参加主题党日活动',
      category: 'organisational_life',
      source: { type: 'attendance', id: 'theme-1' },
      approvedBy: 'system',
      year: thisYear(),
      reversalOf: null,
    });
    // 5 for completing registration (awarded by assignment) + 3.
    expect(await stored(memberId)).toMatchObject({
      lifetime: 8,
      year: 8,
      ranking: 8,
      orgPath: ['xm', 'xm-siming', 'xm-siming-mobile'],
    });
  });

  it('a retry of the same event adds nothing and reports the first entry', async () => {
    const { memberId } = await anActiveMember(t);
    const req = request(memberId, {
      ruleCode: 'volunteer.hour',
      quantity: 2,
      source: { type: 'volunteer', id: 'v-1' },
    });
    const first = await awardPoints(req);
    const again = await awardPoints(req);
    expect(first).toMatchObject({ points: 2, created: true });
    expect(again).toEqual({ ...first, created: false });
    expect(await entriesOf(memberId, 'volunteer.hour')).toHaveLength(1);
    expect((await stored(memberId)).lifetime).toBe(7);
  });

  it('the same event awarded twenty times at once is one entry', async () => {
    const { memberId } = await anActiveMember(t);
    const req = request(memberId, {
      ruleCode: 'volunteer.hour',
      quantity: 1,
      source: { type: 'volunteer', id: 'v-same' },
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => awardPoints(req)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(results.every((r) => r.points === 1)).toBe(true);
    expect(await entriesOf(memberId, 'volunteer.hour')).toHaveLength(1);
    expect(await stored(memberId)).toMatchObject({ lifetime: 6, year: 6, ranking: 6 });
  });

  it('names hours and quantities in the reason shown to the member', async () => {
    const { memberId } = await anActiveMember(t);
    await awardPoints(
      request(memberId, { ruleCode: 'volunteer.hour', quantity: 3, source: { type: 'volunteer', id: 'v-r' } }),
    );
    const [entry] = await entriesOf(memberId, 'volunteer.hour');
    expect(entry!.reason).toBe('志愿服务（按小时） 3 小时');
  });
});

describe('caps', () => {
  it('twenty parallel awards against a cap of five add exactly five, and none fails', async () => {
    const { memberId } = await anActiveMember(t);
    const at = new Date();
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        awardPoints(
          request(memberId, {
            ruleCode: 'study.quiz',
            source: { type: 'attendance', id: `quiz-${i}` },
            occurredAt: at,
          }),
        ),
      ),
    );
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof awardPoints>>>).value);
    expect(results.filter((r) => r.created)).toHaveLength(5);
    expect(results.filter((r) => !r.created).every((r) => r.capped && r.points === 0)).toBe(true);
    expect(results.find((r) => !r.created)!.reason).toBe('已达该项目每日积分上限，本次不计分');
    const entries = await entriesOf(memberId, 'study.quiz');
    expect(entries).toHaveLength(5);
    expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(5);
    expect(await stored(memberId)).toMatchObject({ lifetime: 10, year: 10, ranking: 10 });
  });

  it('parallel awards of different items for one member all land, each within its own cap', async () => {
    const { memberId } = await anActiveMember(t);
    const codes = [
      'attendance.theme_day',
      'attendance.party_lecture',
      'attendance.branch_meeting',
      'study.daily',
      'welfare.act',
    ];
    const results = await Promise.all(codes.map((ruleCode) => awardPoints(request(memberId, { ruleCode }))));
    expect(results.every((r) => r.created)).toBe(true);
    const total = results.reduce((s, r) => s + r.points, 0);
    expect(total).toBe(3 + 3 + 3 + 1 + 2);
    expect((await stored(memberId)).lifetime).toBe(5 + total);
  });

  it('count by the act’s Shanghai day: 23:30 and 00:30 are two days, so both count', async () => {
    const { memberId } = await anActiveMember(t);
    const year = thisYear() - 1;
    const late = new Date(`${year}-06-10T23:30:00+08:00`);
    const early = new Date(`${year}-06-11T00:30:00+08:00`);
    const sameDay = new Date(`${year}-06-11T09:00:00+08:00`);
    const daily = (occurredAt: Date) => awardPoints(request(memberId, { ruleCode: 'study.daily', occurredAt }));
    expect((await daily(late)).points).toBe(1);
    expect((await daily(early)).points).toBe(1);
    expect(await daily(sameDay)).toMatchObject({ points: 0, created: false, capped: true });
    expect(await stored(memberId, year)).toMatchObject({ year: 2, ranking: 2 });
  });

  it('a per-hour award over the day cap is counted up to the cap, and says so', async () => {
    const { memberId } = await anActiveMember(t);
    const r = await awardPoints(
      request(memberId, { ruleCode: 'volunteer.hour', quantity: 10, source: { type: 'volunteer', id: 'v-long' } }),
    );
    expect(r).toMatchObject({
      points: 8,
      created: true,
      capped: true,
      reason: '已接近该项目每日积分上限，本次按 8 分计',
    });
    const [entry] = await entriesOf(memberId, 'volunteer.hour');
    expect(entry!.reason).toBe('志愿服务（按小时） 10 小时（已接近该项目每日积分上限，本次按 8 分计）');
  });
});

describe('items that do not apply', () => {
  it('an unknown item adds nothing and says why, without failing the caller', async () => {
    const { memberId } = await anActiveMember(t);
    const r = await awardPoints(request(memberId, { ruleCode: 'attendance.no_such_thing' }));
    expect(r).toMatchObject({
      points: 0,
      created: false,
      capped: false,
      reason: '积分清单中没有该项目（attendance.no_such_thing）',
    });
    expect(await entriesOf(memberId, 'attendance.no_such_thing')).toHaveLength(0);
  });

  it('an item a district switched off adds nothing there, and still counts elsewhere', async () => {
    const saved = expectOk(
      (
        await t.call(
          'points',
          'saveRule',
          aRuleInput({
            scopeId: 'xm-huli',
            code: 'welfare.donation',
            name: '爱心捐赠',
            category: 'welfare',
            points: 2,
            caps: { day: 2, month: 4, year: 10 },
            approval: 'secretary',
            claimable: true,
            evidenceRequired: true,
            enabled: false,
            reason: '本区暂停',
          }),
          'demo-super',
        )
      ).reply,
    );
    expect(saved).toMatchObject({ scopeId: 'xm-huli', enabled: false, version: 1 });
    const huli = await anActiveMember(t, 'xm-huli-mobile');
    const siming = await anActiveMember(t);
    expect(await awardPoints(request(huli.memberId, { ruleCode: 'welfare.donation' }))).toMatchObject({
      points: 0,
      reason: '该积分项目已停用',
    });
    expect(await awardPoints(request(siming.memberId, { ruleCode: 'welfare.donation' }))).toMatchObject({
      points: 2,
      created: true,
    });
  });

  it('an unknown member is an error with a code', async () => {
    await expect(awardPoints(request('m_nobody'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['an item code that is not one', { ruleCode: 'Theme Day' }],
    ['no source id', { source: { type: 'attendance', id: '' } }],
    ['an unknown source type', { source: { type: 'gift', id: 'x' } }],
    ['a fractional quantity', { quantity: 1.5 }],
    ['an invalid date', { occurredAt: new Date('nope') }],
  ])('refuses %s with INVALID_ARGUMENT and writes nothing', async (_what, bad) => {
    const { memberId } = await anActiveMember(t);
    const before = (await entriesOf(memberId)).length;
    await expect(awardPoints(request(memberId, bad as Partial<AwardRequest>))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await entriesOf(memberId)).toHaveLength(before);
  });
});

describe('registration completed', () => {
  it('the first assignment awards it once; a transfer does not award it again', async () => {
    const { memberId } = await anActiveMember(t);
    const entries = await entriesOf(memberId, 'registration.completed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ points: 5, source: { type: 'registration', id: memberId } });
    expectOk(
      (await t.call('member', 'assign', { memberId, branchId: 'xm-siming-zhonghua-mobile' }, 'demo-admin')).reply,
    );
    expect(await entriesOf(memberId, 'registration.completed')).toHaveLength(1);
    expect((await stored(memberId)).lifetime).toBe(5);
  });
});
