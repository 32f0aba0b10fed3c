/**
 * The 清单 as data: the list a member sees, administrators' overrides for their scope, versions
 * and the audit log, and entries that keep the version they were awarded under.
 */
import { COLLECTIONS } from '../../../database/collections';
import { DEFAULT_POINTS_RULES, seedPointsRules } from '../../../emulator/seed/points-rules';
import { awardPoints } from '../../../server/points/award';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { aRuleInput, anActiveMember, startPointsCloud, thisYear } from '../../helpers/points';

let t: TestCloud;
beforeAll(async () => {
  t = await startPointsCloud();
});
afterAll(() => t.close());

let n = 0;
const volunteer = (memberId: string) =>
  awardPoints({
    memberId,
    ruleCode: 'volunteer.hour',
    quantity: 2,
    source: { type: 'volunteer', id: `v-${++n}` },
    approvedBy: 'system',
    occurredAt: new Date(),
  });

const hourly = (overrides: Parameters<typeof aRuleInput>[0] = {}) =>
  aRuleInput({
    code: 'volunteer.hour',
    name: '志愿服务（按小时）',
    category: 'volunteer',
    points: 2,
    unit: 'hour',
    caps: { day: 16, month: 60, year: 300 },
    approval: 'secretary',
    claimable: true,
    evidenceRequired: true,
    ...overrides,
  });

describe('the list a member sees', () => {
  it('is the default 清单 in force, in order, with caps and who approves', async () => {
    const { reply, roundTrips } = await t.call('points', 'rules', {}, 'demo-member');
    const items = expectOk(reply).items;
    expect(items[0]).toMatchObject({ code: 'registration.completed', scopeId: '*', scopeName: '默认清单', version: 1 });
    expect(items.find((r) => r.code === 'study.daily')).toMatchObject({
      caps: { day: 1, month: 31, year: 200 },
      approval: 'automatic',
      claimable: false,
    });
    expect(items.find((r) => r.code === 'deduction.no_report')!.points).toBeLessThan(0);
    expect(roundTrips).toBe(2);
  });

  it('can be narrowed to what members may claim', async () => {
    const items = expectOk((await t.call('points', 'rules', { claimableOnly: true }, 'demo-member')).reply).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.claimable && r.points > 0 && r.approval !== 'automatic')).toBe(true);
    expect(items.map((r) => r.code)).toContain('volunteer.hour');
  });

  it('is shown also to someone not yet registered (the default list)', async () => {
    expect(expectOk((await t.call('points', 'rules', {}, 'o-visitor')).reply).items.length).toBeGreaterThan(10);
  });

  it('at a chosen node is for secretaries and administrators only', async () => {
    expect((await t.call('points', 'rules', { scopeId: 'xm-siming' }, 'demo-member')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    expect((await t.call('points', 'rules', { scopeId: 'xm-nowhere' }, 'demo-admin')).reply).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('overrides, versions and the audit log', () => {
  it('a district administrator’s override applies in the district only, and entries keep their version', async () => {
    const siming = await anActiveMember(t);
    const huli = await anActiveMember(t, 'xm-huli-mobile');
    const before = await volunteer(siming.memberId);
    expect(before.points).toBe(2);

    const saved = expectOk(
      (await t.call('points', 'saveRule', hourly({ scopeId: 'xm-siming', reason: '本区鼓励志愿服务' }), 'demo-admin'))
        .reply,
    );
    expect(saved).toMatchObject({ scopeId: 'xm-siming', scopeName: '思明区', version: 1, points: 2 });

    const inSiming = expectOk((await t.call('points', 'rules', {}, siming.openid)).reply).items.find(
      (r) => r.code === 'volunteer.hour',
    );
    const inHuli = expectOk((await t.call('points', 'rules', {}, huli.openid)).reply).items.find(
      (r) => r.code === 'volunteer.hour',
    );
    expect(inSiming).toMatchObject({ scopeId: 'xm-siming', points: 2 });
    expect(inHuli).toMatchObject({ scopeId: '*', points: 1 });

    expect((await volunteer(siming.memberId)).points).toBe(4);
    expect((await volunteer(huli.memberId)).points).toBe(2);

    expectOk(
      (await t.call('points', 'saveRule', hourly({ scopeId: 'xm-siming', points: 3, reason: '再提高' }), 'demo-admin'))
        .reply,
    );
    await volunteer(siming.memberId);
    const entries = (
      await t.db
        .collection(COLLECTIONS.pointsLedger)
        .where({ memberId: siming.memberId, ruleCode: 'volunteer.hour' })
        .orderBy('recordedAt', 'asc')
        .get()
    ).data as { ruleId: string; ruleVersion: number; points: number }[];
    expect(entries.map((e) => [e.ruleId, e.ruleVersion, e.points])).toEqual([
      ['*:volunteer.hour', 1, 2],
      ['xm-siming:volunteer.hour', 1, 4],
      ['xm-siming:volunteer.hour', 2, 6],
    ]);

    const history = expectOk(
      (await t.call('points', 'ruleHistory', { scopeId: 'xm-siming', code: 'volunteer.hour' }, 'demo-admin')).reply,
    ).items;
    expect(history.map((h) => [h.version, h.reason, h.rule.points, h.changedBy])).toEqual([
      [2, '再提高', 3, '管理员（思明区）'],
      [1, '本区鼓励志愿服务', 2, '管理员（思明区）'],
    ]);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ 'target.id': 'xm-siming:volunteer.hour' })
      .orderBy('at', 'asc')
      .get();
    expect(audit.data.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ['points.rule.create', 'demo-admin'],
      ['points.rule.update', 'demo-admin'],
    ]);
    expect(audit.data[1]).toMatchObject({
      before: { points: 2, version: 1 },
      after: { points: 3, version: 2 },
      reason: '再提高',
    });
  });

  it('saving the same terms again makes no new version', async () => {
    const input = aRuleInput({
      scopeId: 'xm-siming-zhonghua',
      code: 'study.reading',
      name: '读书分享',
      reason: '新增',
    });
    expectOk((await t.call('points', 'saveRule', input, 'demo-admin')).reply);
    const again = expectOk((await t.call('points', 'saveRule', { ...input, reason: '再存一次' }, 'demo-admin')).reply);
    expect(again.version).toBe(1);
    const versions = await t.db
      .collection(COLLECTIONS.pointsRuleVersions)
      .where({ ruleId: 'xm-siming-zhonghua:study.reading' })
      .count();
    expect(versions.total).toBe(1);
  });

  it('an item not yet in force is not listed for members and awards nothing', async () => {
    const from = `${thisYear() + 1}-01-01`;
    expectOk(
      (
        await t.call(
          'points',
          'saveRule',
          aRuleInput({ code: 'study.future', name: '明年的项目', validFrom: from, reason: '明年施行' }),
          'demo-super',
        )
      ).reply,
    );
    const listed = expectOk((await t.call('points', 'rules', {}, 'demo-member')).reply).items.map((r) => r.code);
    expect(listed).not.toContain('study.future');
    const adminView = expectOk((await t.call('points', 'rules', { scopeId: '*' }, 'demo-admin')).reply).items.map(
      (r) => r.code,
    );
    expect(adminView).toContain('study.future');
    const r = await awardPoints({
      memberId: 'm_demo-member',
      ruleCode: 'study.future',
      source: { type: 'attendance', id: 'f1' },
      approvedBy: 'system',
      occurredAt: new Date(),
    });
    expect(r).toMatchObject({ points: 0, created: false, reason: `该积分项目自 ${from} 起施行` });
  });
});

describe('seeding the default 清单', () => {
  it('is idempotent and never overwrites what an administrator changed', async () => {
    expectOk(
      (
        await t.call(
          'points',
          'saveRule',
          hourly({ scopeId: '*', points: 1, caps: { day: 10, month: 30, year: 200 }, reason: '放宽每日上限' }),
          'demo-super',
        )
      ).reply,
    );
    const again = await seedPointsRules(t.db);
    expect(again).toEqual({ collection: COLLECTIONS.pointsRules, created: 0, existing: DEFAULT_POINTS_RULES.length });
    const stored = (await t.db.collection(COLLECTIONS.pointsRules).doc('*:volunteer.hour').get()).data[0];
    expect(stored).toMatchObject({ version: 2, caps: { day: 10 } });
  });
});

describe('who may edit', () => {
  it.each([
    ['the default list, by a district administrator', '*', 'demo-admin', 'PERMISSION_DENIED'],
    ['another district, by a district administrator', 'xm-huli', 'demo-admin', 'PERMISSION_DENIED'],
    ['their branch, by a secretary', 'xm-siming-mobile', 'demo-secretary', 'PERMISSION_DENIED'],
    ['anything, by a member', 'xm-siming-mobile', 'demo-member', 'PERMISSION_DENIED'],
    ['a node that does not exist', 'xm-nowhere', 'demo-super', 'NOT_FOUND'],
  ])('refuses %s, and stores nothing', async (_what, scopeId, openid, code) => {
    const input = aRuleInput({ scopeId, code: 'study.refused', name: '不应保存' });
    expect((await t.call('points', 'saveRule', input, openid)).reply).toMatchObject({ ok: false, error: { code } });
    expect((await t.db.collection(COLLECTIONS.pointsRules).where({ code: 'study.refused' }).count()).total).toBe(0);
  });

  it('the default list is edited by a super administrator', async () => {
    const saved = expectOk(
      (await t.call('points', 'saveRule', aRuleInput({ code: 'study.super', name: '默认新项目' }), 'demo-super')).reply,
    );
    expect(saved).toMatchObject({ scopeId: '*', scopeName: '默认清单' });
  });

  it.each([
    ['a zero value', { points: 0 }, '分值不能为 0'],
    [
      'a cap smaller than one award',
      { points: 3, caps: { day: 2, month: null, year: null } },
      '每日上限不能小于单次分值',
    ],
    ['a positive deduction', { category: 'deduction' as const, points: 2 }, '扣分项目的分值应为负数'],
    ['an automatic item members could claim', { claimable: true }, '由系统自动记分的项目不能由党员申报'],
  ])('refuses %s with a Chinese reason', async (_what, change, message) => {
    const { reply } = await t.call('points', 'saveRule', aRuleInput({ code: 'study.bad', ...change }), 'demo-super');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!reply.ok) expect(reply.error.message).toContain(message);
  });

  it.each([
    ['a code with capitals', { code: 'Study.Bad' }, 'code'],
    ['an unknown category', { category: 'fun' }, 'category'],
    ['no reason', { reason: '' }, 'reason'],
    ['a date that does not exist', { validTo: '2026-02-30' }, 'validTo'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const reply = await t.callRaw('points', { action: 'saveRule', ...aRuleInput(), ...change }, 'demo-super');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field } });
  });

  it('history is for secretaries and administrators', async () => {
    expect(
      (await t.call('points', 'ruleHistory', { scopeId: '*', code: 'volunteer.hour' }, 'demo-member')).reply,
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const seeded = expectOk(
      (await t.call('points', 'ruleHistory', { scopeId: '*', code: 'dues.on_time' }, 'demo-secretary')).reply,
    );
    expect(seeded.items).toEqual([expect.objectContaining({ version: 1, changedBy: '初始清单', reason: '默认清单' })]);
  });
});

describe('who may read a node’s 清单', () => {
  it('managers read it at nodes their work touches, never another district’s', async () => {
    // The 思明 secretary: their branch, and the district whose items apply to it.
    for (const scopeId of ['xm-siming-mobile', 'xm-siming', 'xm']) {
      expectOk((await t.call('points', 'rules', { scopeId }, 'demo-secretary')).reply);
    }
    for (const [who, scopeId] of [
      ['demo-secretary', 'xm-huli'],
      ['demo-secretary', 'xm-huli-mobile'],
      ['demo-secretary', 'xm-siming-lianqian-mobile'],
      ['demo-admin', 'xm-huli'],
    ] as const) {
      const rules = await t.call('points', 'rules', { scopeId }, who);
      expect(rules.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      const history = await t.call('points', 'ruleHistory', { scopeId, code: 'suggestion.adopted' }, who);
      expect(history.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    expectOk((await t.call('points', 'rules', { scopeId: 'xm-huli' }, 'demo-super')).reply);
  });
});
