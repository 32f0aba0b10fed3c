/** Builders for the points tests: a cloud with the default 清单, active members, today in Shanghai. */
import { seedPointsRules } from '../../emulator/seed/points-rules';
import { periodsOf } from '../../server/domain/points/periods';
import type { PointsRuleInput } from '../../typings/areas/points';
import { expectOk, startTestCloud, type TestCloud } from './local-cloud';
import { aRegistration } from './registration';

/** The test cloud with the demo seed and the default 清单 (seeding it again is harmless). */
export async function startPointsCloud(): Promise<TestCloud> {
  const t = await startTestCloud();
  await seedPointsRules(t.db);
  return t;
}

let serial = 0;

/** A member registered and assigned to `branchId` (default 思明区流动党员党支部) by an administrator. */
export async function anActiveMember(
  t: TestCloud,
  branchId = 'xm-siming-mobile',
  name = '张建华',
): Promise<{ openid: string; memberId: string }> {
  const openid = `o-pts-${process.pid}-${++serial}`;
  const me = expectOk((await t.call('member', 'register', aRegistration({ name }), openid)).reply);
  expectOk((await t.call('member', 'assign', { memberId: me.memberId, branchId }, 'demo-super')).reply);
  return { openid, memberId: me.memberId };
}

/** Today, this year, in Asia/Shanghai. */
export const today = () => periodsOf(new Date()).date;
export const thisYear = () => periodsOf(new Date()).year;

/** A sound item of the 清单 for `saveRule`; override what the test is about. */
export function aRuleInput(overrides: Partial<PointsRuleInput> = {}): PointsRuleInput {
  return {
    scopeId: '*',
    code: 'study.quiz',
    name: '知识竞答',
    category: 'study',
    points: 1,
    unit: 'time',
    caps: { day: 5, month: null, year: null },
    evidenceRequired: false,
    approval: 'automatic',
    claimable: false,
    validFrom: null,
    validTo: null,
    enabled: true,
    description: '测试用项目',
    reason: '测试新增',
    ...overrides,
  };
}
