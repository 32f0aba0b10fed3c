/** The 清单 as rules: which definition applies where, when an item is in force, sound terms, ids. */
import { DEFAULT_POINTS_RULES } from '../../emulator/seed/points-rules';
import { claimIdOf, entryIdOf, reversalIdOf } from '../../server/domain/points/ids';
import {
  RULE_CODE_PATTERN,
  resolveRule,
  ruleProblems,
  whyNotApplicable,
  type RuleTerms,
} from '../../server/domain/points/rules';

const path = ['xm', 'xm-siming', 'xm-siming-zhonghua', 'xm-siming-zhonghua-mobile'];

describe('resolveRule', () => {
  const def = { scopeId: '*', points: 1 };
  const district = { scopeId: 'xm-siming', points: 2 };
  const branch = { scopeId: 'xm-siming-zhonghua-mobile', points: 3 };
  const elsewhere = { scopeId: 'xm-huli', points: 9 };

  test('the definition nearest the member wins', () => {
    expect(resolveRule([def, district, branch, elsewhere], path)).toBe(branch);
    expect(resolveRule([elsewhere, district, def], path)).toBe(district);
    expect(resolveRule([def, elsewhere], path)).toBe(def);
  });

  test('a node that is not on the member’s path never applies', () => {
    expect(resolveRule([elsewhere], path)).toBeNull();
    expect(resolveRule([], path)).toBeNull();
  });

  test('before assignment (empty path) only the default list applies', () => {
    expect(resolveRule([district, def], [])).toBe(def);
  });
});

describe('whyNotApplicable', () => {
  const open = { enabled: true, validFrom: null, validTo: null };
  test.each([
    [open, '2026-03-05', null],
    [{ ...open, enabled: false }, '2026-03-05', '该积分项目已停用'],
    [{ ...open, validFrom: '2026-04-01' }, '2026-03-31', '该积分项目自 2026-04-01 起施行'],
    [{ ...open, validFrom: '2026-04-01' }, '2026-04-01', null],
    [{ ...open, validTo: '2026-04-30' }, '2026-04-30', null],
    [{ ...open, validTo: '2026-04-30' }, '2026-05-01', '该积分项目已于 2026-04-30 截止'],
  ])('%o on %s → %p', (rule, day, expected) => {
    expect(whyNotApplicable(rule, day)).toBe(expected);
  });
});

describe('ruleProblems', () => {
  const sound: RuleTerms = {
    code: 'welfare.act',
    name: '公益行动',
    category: 'welfare',
    points: 2,
    unit: 'time',
    caps: { day: 4, month: 10, year: 60 },
    evidenceRequired: true,
    approval: 'secretary',
    claimable: true,
    validFrom: null,
    validTo: null,
    enabled: true,
  };
  test.each([
    [{}, []],
    [{ points: 0 }, ['分值不能为 0']],
    [{ points: -2 }, ['负分只能用于“履责扣分”类项目', '扣分项目不能由党员申报']],
    [{ category: 'deduction' as const, points: 2, claimable: false }, ['扣分项目的分值应为负数']],
    [{ caps: { day: 1, month: 10, year: 60 } }, ['每日上限不能小于单次分值']],
    [{ caps: { day: 12, month: 10, year: 60 } }, ['每日上限不能大于每月上限']],
    [{ caps: { day: null, month: 70, year: 60 } }, ['每月上限不能大于每年上限']],
    [{ validFrom: '2026-05-01', validTo: '2026-04-01' }, ['截止日期不能早于开始日期']],
    [{ approval: 'automatic' as const }, ['由系统自动记分的项目不能由党员申报']],
  ])('%o → %o', (change, expected) => {
    expect(ruleProblems({ ...sound, ...change })).toEqual(expected);
  });
});

describe('the default 清单', () => {
  const codes = DEFAULT_POINTS_RULES.map((r) => r.code);

  test('has the codes other areas award', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'registration.completed',
        'attendance.branch_meeting',
        'attendance.party_lecture',
        'attendance.theme_day',
        'volunteer.hour',
        'dues.on_time',
      ]),
    );
  });

  test('covers study, public welfare, suggestions, commendations and deductions', () => {
    const categories = new Set(DEFAULT_POINTS_RULES.map((r) => r.category));
    for (const c of ['study', 'welfare', 'suggestion', 'commendation', 'deduction'] as const)
      expect(categories).toContain(c);
    expect(DEFAULT_POINTS_RULES.filter((r) => r.category === 'deduction').every((r) => r.points < 0)).toBe(true);
  });

  test('every item is well formed, unique and sound', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of DEFAULT_POINTS_RULES) {
      expect(r.code).toMatch(RULE_CODE_PATTERN);
      expect(ruleProblems({ ...r, validFrom: null, validTo: null, enabled: true })).toEqual([]);
    }
  });

  test('study is capped daily (学习强国-style) and volunteer service counts hours', () => {
    expect(DEFAULT_POINTS_RULES.find((r) => r.code === 'study.daily')!.caps.day).toBe(1);
    expect(DEFAULT_POINTS_RULES.find((r) => r.code === 'volunteer.hour')!.unit).toBe('hour');
  });
});

describe('ids', () => {
  const source = { type: 'attendance', id: 'att-1' };
  test('an entry id depends on member, item code and source event only', () => {
    const id = entryIdOf('m_a', 'attendance.theme_day', source);
    expect(id).toMatch(/^e_[0-9a-f]{40}$/);
    expect(entryIdOf('m_a', 'attendance.theme_day', { ...source })).toBe(id);
    expect(entryIdOf('m_b', 'attendance.theme_day', source)).not.toBe(id);
    expect(entryIdOf('m_a', 'attendance.party_lecture', source)).not.toBe(id);
    expect(entryIdOf('m_a', 'attendance.theme_day', { type: 'payment', id: 'att-1' })).not.toBe(id);
    expect(reversalIdOf(id)).toBe(`r_${id}`);
  });

  test('a claim id depends on its content, so a double tap is one claim', () => {
    expect(claimIdOf('m_a', 'welfare.act', '2026-03-05', '扶老人过马路')).toBe(
      claimIdOf('m_a', 'welfare.act', '2026-03-05', '扶老人过马路'),
    );
    expect(claimIdOf('m_a', 'welfare.act', '2026-03-05', '扶老人过马路')).not.toBe(
      claimIdOf('m_a', 'welfare.act', '2026-03-06', '扶老人过马路'),
    );
  });
});
