/**
 * The member's totals and ledger; manual awards by a secretary or administrator; reversal entries.
 * Every action × role in and out of scope, bad input → coded error and nothing written.
 */
import { COLLECTIONS } from '../../../database/collections';
import { totalsIdOf } from '../../../server/domain/points/ids';
import { awardPoints } from '../../../server/points/award';
import { shanghaiDay } from '../../../server/domain/shanghai-day';
import { restoreClock, setShanghaiClock, TIMES_OF_DAY } from '../../helpers/clock';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { anActiveMember, startPointsCloud, thisYear, today } from '../../helpers/points';
import { forgetCachedRules } from '../../../server/points/store';

let t: TestCloud;
beforeAll(async () => {
  t = await startPointsCloud();
});
afterAll(() => t.close());

let n = 0;
const attend = (memberId: string, ruleCode = 'attendance.party_lecture', occurredAt = new Date()) =>
  awardPoints({ memberId, ruleCode, source: { type: 'attendance', id: `l-${++n}` }, approvedBy: 'system', occurredAt });

async function countEntries(memberId: string) {
  return (await t.db.collection(COLLECTIONS.pointsLedger).where({ memberId }).count()).total;
}

describe('summary', () => {
  it('gives this year’s and the lifetime totals, and this year by category', async () => {
    const { openid, memberId } = await anActiveMember(t);
    await attend(memberId);
    await attend(memberId, 'study.daily', new Date(`${thisYear() - 1}-05-01T10:00:00+08:00`));
    const { reply, roundTrips } = await t.call('points', 'summary', {}, openid);
    expect(expectOk(reply)).toEqual({
      memberId,
      year: thisYear(),
      yearTotal: 8,
      lifetimeTotal: 9,
      byCategory: [
        { category: 'registration', points: 5 },
        { category: 'organisational_life', points: 3 },
      ],
      pendingClaims: 0,
    });
    expect(roundTrips).toBe(3);
    const last = expectOk((await t.call('points', 'summary', { year: thisYear() - 1 }, openid)).reply);
    expect(last).toMatchObject({ yearTotal: 1, byCategory: [{ category: 'study', points: 1 }] });
  });

  it('tells someone who has not registered', async () => {
    const { reply } = await t.call('points', 'summary', {}, 'o-nobody');
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '您还没有报到，报到后即可积累积分' },
    });
  });

  it('refuses a year out of range', async () => {
    const reply = await t.callRaw('points', { action: 'summary', year: 1900 }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'year' } });
  });
});

describe('ledger', () => {
  it('pages newest first, each entry with its reason, source and approver, without openids', async () => {
    const { openid, memberId } = await anActiveMember(t);
    for (let i = 0; i < 4; i++)
      await attend(
        memberId,
        i % 2 ? 'attendance.theme_day' : 'attendance.party_lecture',
        new Date(Date.now() - i * 86400000 * 40),
      );
    const first = expectOk((await t.call('points', 'ledger', { limit: 3 }, openid)).reply);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = expectOk((await t.call('points', 'ledger', { limit: 3, cursor: first.nextCursor! }, openid)).reply);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(5);
    const recorded = all.map((e) => e.recordedAt);
    expect([...recorded].sort().reverse()).toEqual(recorded);
    expect(all[all.length - 1]).toMatchObject({
      ruleCode: 'registration.completed',
      reason: '报到亮身份',
      source: { type: 'registration', id: memberId },
      approvedBy: '系统自动',
    });
    expect(JSON.stringify(all)).not.toContain('demo-');
  });

  it('filters by year', async () => {
    const { openid, memberId } = await anActiveMember(t);
    await attend(memberId, 'study.daily', new Date(`${thisYear() - 1}-03-01T10:00:00+08:00`));
    const last = expectOk((await t.call('points', 'ledger', { year: thisYear() - 1 }, openid)).reply);
    expect(last.items.map((e) => e.ruleCode)).toEqual(['study.daily']);
  });

  it('a member’s ledger is open to their secretary and administrators, not to others', async () => {
    const { memberId } = await anActiveMember(t);
    for (const who of ['demo-secretary', 'demo-admin', 'demo-super']) {
      expect(expectOk((await t.call('points', 'ledger', { memberId }, who)).reply).items).toHaveLength(1);
    }
    for (const who of ['demo-secretary-huli', 'demo-member']) {
      expect((await t.call('points', 'ledger', { memberId }, who)).reply).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    }
  });
});

describe('manual awards', () => {
  it('a secretary records a suggestion adopted: entry, totals and audit together, named by title', async () => {
    const { openid, memberId } = await anActiveMember(t);
    forgetCachedRules(); // a container's first award reads the 清单 item
    const { reply, roundTrips } = await t.call(
      'points',
      'award',
      { memberId, ruleCode: 'suggestion.adopted', occurredOn: today(), note: '关于骑手休息点的建议被街道采纳' },
      'demo-secretary',
    );
    expect(expectOk(reply)).toMatchObject({ points: 3, created: true, capped: false });
    // Access and member, the 清单 item (read once: the award reuses it), then the transaction.
    expect(roundTrips).toBe(10);
    const entry = expectOk((await t.call('points', 'ledger', { limit: 1 }, openid)).reply).items[0]!;
    expect(entry).toMatchObject({
      ruleCode: 'suggestion.adopted',
      source: { type: 'manual' },
      approvedBy: '支部书记',
      reason: '建言献策被采纳：关于骑手休息点的建议被街道采纳',
    });
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'points.award', 'target.id': entry.entryId })
      .get();
    expect(audit.data[0]).toMatchObject({ actor: 'demo-secretary', reason: '关于骑手休息点的建议被街道采纳' });
  });

  it.each(TIMES_OF_DAY)('an act of today recorded at %s is dated no later than its recording', async (time) => {
    setShanghaiClock(time);
    try {
      const { memberId } = await anActiveMember(t);
      const day = today();
      const yesterday = shanghaiDay(new Date(Date.now() - 24 * 3600_000));
      for (const [occurredOn, note] of [
        [day, '今天的建议被采纳'],
        [yesterday, '昨天的建议被采纳'],
      ] as const) {
        const input = { memberId, ruleCode: 'suggestion.adopted', occurredOn, note };
        expectOk((await t.call('points', 'award', input, 'demo-secretary')).reply);
      }
      const entries = (
        await t.db.collection(COLLECTIONS.pointsLedger).where({ memberId, ruleCode: 'suggestion.adopted' }).get()
      ).data as { occurredAt: Date; recordedAt: Date; periods: { date: string } }[];
      expect(entries.map((e) => shanghaiDay(new Date(e.occurredAt))).sort()).toEqual([yesterday, day]);
      for (const e of entries)
        expect(new Date(e.occurredAt).getTime()).toBeLessThanOrEqual(new Date(e.recordedAt).getTime());
    } finally {
      restoreClock();
    }
  });

  it('the same manual award sent twice is one entry', async () => {
    const { memberId } = await anActiveMember(t);
    const input = { memberId, ruleCode: 'deduction.missed_meeting', occurredOn: today(), note: '三月主题党日无故缺席' };
    const [a, b] = await Promise.all([
      t.call('points', 'award', input, 'demo-secretary'),
      t.call('points', 'award', input, 'demo-secretary'),
    ]);
    expect(expectOk(a.reply).entryId).toBe(expectOk(b.reply).entryId);
    expect(await countEntries(memberId)).toBe(2);
    expect(
      (await t.db.collection(COLLECTIONS.pointsTotals).doc(totalsIdOf(memberId, thisYear())).get()).data[0].points,
    ).toBe(3);
  });

  it('commendations need an administrator above the branch; a secretary is refused', async () => {
    const { memberId } = await anActiveMember(t);
    const input = { memberId, ruleCode: 'commendation.district', occurredOn: today(), note: '获评区优秀流动党员' };
    expect((await t.call('points', 'award', input, 'demo-secretary')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    expect(await countEntries(memberId)).toBe(1);
    expect(expectOk((await t.call('points', 'award', input, 'demo-admin')).reply)).toMatchObject({
      points: 10,
      created: true,
    });
  });

  it('items the system records from events cannot be entered by hand', async () => {
    const { memberId } = await anActiveMember(t);
    const { reply } = await t.call(
      'points',
      'award',
      { memberId, ruleCode: 'attendance.theme_day', occurredOn: today(), note: '补记出席' },
      'demo-super',
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '该项目由系统根据记录自动记分，不能手工录入' },
    });
  });

  it.each([
    ['the secretary of another district', 'demo-secretary-huli', 'PERMISSION_DENIED'],
    ['a plain member', 'demo-member', 'PERMISSION_DENIED'],
  ])('%s cannot award', async (_who, openid, code) => {
    const { memberId } = await anActiveMember(t);
    const { reply } = await t.call(
      'points',
      'award',
      { memberId, ruleCode: 'suggestion.adopted', occurredOn: today(), note: '建议被采纳' },
      openid,
    );
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await countEntries(memberId)).toBe(1);
  });

  it('a secretary cannot award themselves', async () => {
    const { reply } = await t.call(
      'points',
      'award',
      { memberId: 'm_demo-secretary', ruleCode: 'suggestion.adopted', occurredOn: today(), note: '我的建议' },
      'demo-secretary',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it.each([
    ['no note', { note: '' }, 'note'],
    ['a future day', { occurredOn: `${thisYear() + 1}-01-01` }, 'occurredOn'],
    ['a bad item code', { ruleCode: 'Suggestion!' }, 'ruleCode'],
    ['hours for an item counted in times', { quantity: 3 }, null],
  ])('refuses %s and writes nothing', async (_what, change, field) => {
    const { memberId } = await anActiveMember(t);
    const input = { memberId, ruleCode: 'suggestion.adopted', occurredOn: today(), note: '建议被采纳', ...change };
    const { reply } = await t.call('points', 'award', input, 'demo-secretary');
    expect(reply.ok).toBe(false);
    if (!reply.ok && field) expect(reply.error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    expect(await countEntries(memberId)).toBe(1);
  });
});

describe('reversal', () => {
  it('cancels an entry with a reversal that points at it; totals drop; the original is untouched', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const award = await attend(memberId);
    const before = (await t.db.collection(COLLECTIONS.pointsLedger).doc(award.entryId).get()).data[0];
    const { reply, roundTrips } = await t.call(
      'points',
      'reverse',
      { entryId: award.entryId, reason: '考勤记错了人' },
      'demo-secretary',
    );
    const reversal = expectOk(reply);
    expect(reversal).toMatchObject({
      entryId: `r_${award.entryId}`,
      points: -3,
      reversalOf: award.entryId,
      year: thisYear(),
      approvedBy: '支部书记',
    });
    expect(reversal.reason).toBe('冲正：考勤记错了人（原记录：参加党课）');
    expect(roundTrips).toBe(11);
    expect((await t.db.collection(COLLECTIONS.pointsLedger).doc(award.entryId).get()).data[0]).toEqual(before);
    expect(expectOk((await t.call('points', 'summary', {}, openid)).reply)).toMatchObject({
      yearTotal: 5,
      lifetimeTotal: 5,
    });
    const page = expectOk((await t.call('points', 'ledger', {}, openid)).reply).items;
    expect(page.find((e) => e.entryId === award.entryId)).toMatchObject({ reversed: true });
    expect(page.find((e) => e.entryId === reversal.entryId)).toMatchObject({ reversed: false, points: -3 });
  });

  it('reversing twice returns the same reversal and changes nothing more', async () => {
    const { memberId } = await anActiveMember(t);
    const award = await attend(memberId);
    const [a, b] = await Promise.all([
      t.call('points', 'reverse', { entryId: award.entryId, reason: '重复记录' }, 'demo-secretary'),
      t.call('points', 'reverse', { entryId: award.entryId, reason: '重复记录' }, 'demo-admin'),
    ]);
    expect(expectOk(a.reply).entryId).toBe(expectOk(b.reply).entryId);
    expect(await countEntries(memberId)).toBe(3);
    expect((await t.db.collection(COLLECTIONS.pointsAccounts).doc(memberId).get()).data[0].lifetime).toBe(5);
  });

  it('gives the cap room back, so the item can be earned again that day', async () => {
    const { memberId } = await anActiveMember(t);
    const first = await attend(memberId, 'study.daily');
    expect((await attend(memberId, 'study.daily')).points).toBe(0);
    expectOk((await t.call('points', 'reverse', { entryId: first.entryId, reason: '误记' }, 'demo-secretary')).reply);
    expect((await attend(memberId, 'study.daily')).points).toBe(1);
  });

  it('a reversal cannot itself be reversed', async () => {
    const { memberId } = await anActiveMember(t);
    const award = await attend(memberId);
    const reversal = expectOk(
      (await t.call('points', 'reverse', { entryId: award.entryId, reason: '误记' }, 'demo-secretary')).reply,
    );
    const { reply } = await t.call(
      'points',
      'reverse',
      { entryId: reversal.entryId, reason: '撤销冲正' },
      'demo-secretary',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });

  it.each([
    ['the secretary of another district', 'demo-secretary-huli', 'PERMISSION_DENIED'],
    ['a plain member', 'demo-member', 'PERMISSION_DENIED'],
  ])('%s cannot reverse', async (_who, openid, code) => {
    const { memberId } = await anActiveMember(t);
    const award = await attend(memberId);
    expect((await t.call('points', 'reverse', { entryId: award.entryId, reason: '误记' }, openid)).reply).toMatchObject(
      { ok: false, error: { code } },
    );
    expect(await countEntries(memberId)).toBe(2);
  });

  it('refuses an unknown entry and a missing reason', async () => {
    expect(
      (await t.call('points', 'reverse', { entryId: 'e_nope', reason: '误记' }, 'demo-secretary')).reply,
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      (await t.call('points', 'reverse', { entryId: 'e_nope', reason: '' }, 'demo-secretary')).reply,
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
  });
});
