import {
  IDLE_FROM_DAYS_LEFT,
  LATE_WAIT_DAYS,
  branchTodos,
  managerTodos,
  memberTodos,
  orderTodos,
  subtreeTodos,
  type MemberFacts,
} from '../../server/domain/todos';

const NOW = new Date('2026-12-04T02:00:00Z');
const noFacts: MemberFacts = {
  state: 'active',
  sentBackReason: null,
  dues: null,
  soon: [],
  certificateReviewDue: false,
};
const owing = (unpaidMonths: number, band: '1' | '3' | '5' | '6+' | 'none') => ({
  ...noFacts,
  dues: { unpaidMonths, unpaidFen: unpaidMonths * 2_000, band, mustDeclare: false },
});

describe('memberTodos', () => {
  it.each([
    ['nothing owed', noFacts, []],
    ['one month owed', owing(1, 'none'), [['dues_owed', 'normal', '党费 20.00 元还没有交纳。']]],
    ['two months, not yet a run', owing(2, '1'), [['dues_owed', 'normal', '有 2 个月党费未交，共 40.00 元。']]],
    ['three in a row', owing(3, '3'), [['dues_owed', 'high', '补交党费：已连续 3 个月以上未交纳。']]],
    [
      'no base',
      { ...noFacts, dues: { unpaidMonths: 0, unpaidFen: 0, band: 'none' as const, mustDeclare: true } },
      [['dues_no_base', 'normal', '请申报每月收入（交纳基数），支部确认后就能在线交纳党费。']],
    ],
    [
      'certificate due for review',
      { ...noFacts, certificateReviewDue: true },
      [['certificate_review', 'normal', '您的电子活动证到了年审时间，请联系所在支部办理，年审后继续有效。']],
    ],
    [
      'sent back without a reason',
      { ...noFacts, state: 'sent_back' },
      [['registration_sent_back', 'high', '支部退回了您的报到信息，请修改后重新提交。']],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(memberTodos(facts, NOW).map((i) => [i.kind, i.priority, i.text])).toEqual(expected);
  });

  it('is late when the session starts within 12 hours, and lists several on the attendance page', () => {
    const at = (h: number) => new Date(NOW.getTime() + h * 3600_000);
    const one = memberTodos({ ...noFacts, soon: [{ sessionId: 's 1', title: '主题党日', startAt: at(3) }] }, NOW);
    expect(one[0]).toMatchObject({
      priority: 'high',
      page: '/pages-sessions/detail/index?id=s%201',
      due: at(3).toISOString(),
    });
    const two = memberTodos(
      {
        ...noFacts,
        soon: [
          { sessionId: 'a', title: '党课', startAt: at(20) },
          { sessionId: 'b', title: '志愿服务', startAt: at(22) },
        ],
      },
      NOW,
    );
    expect(two[0]).toMatchObject({ priority: 'normal', count: 2, page: '/pages-sessions/my-attendance/index' });
    expect(two[0]!.text).toBe('您报名的 2 场活动快开始了，最早的是“党课”。');
  });
});

describe('managerTodos and branchTodos', () => {
  it('is late from a week of waiting, and says nothing of a queue that is empty', () => {
    const items = managerTodos({
      role: 'admin',
      registrations: { count: 3, oldestDays: LATE_WAIT_DAYS },
      claims: { count: 0, oldestDays: null },
    });
    expect(items.map((i) => [i.kind, i.role, i.priority, i.text])).toEqual([
      ['registrations_pending', 'admin', 'high', '3 条报到等您审核，最久的已等 7 天。'],
    ]);
    const fresh = managerTodos({
      role: 'secretary',
      registrations: { count: 1, oldestDays: 0 },
      claims: { count: 2, oldestDays: 6 },
    });
    expect(fresh.map((i) => [i.priority, i.text])).toEqual([
      ['normal', '1 条报到等您审核。'],
      ['normal', '2 条积分申报等您审批，最久的已等 6 天。'],
    ]);
  });

  it('names the branch only when the secretary runs more than one', () => {
    const facts = {
      branchId: 'b1',
      branchName: '湖里区快递行业党支部',
      basesPending: 1,
      noBase: 2,
      arrears: { threePlus: 0, fivePlus: 0 },
      missingSessions: [],
    };
    expect(branchTodos({ ...facts, named: false }).map((i) => i.text)).toEqual([
      '1 名党员申报了交纳基数，等您确认。',
      '2 名党员还没有确认交纳基数，党费无法收缴。',
    ]);
    expect(branchTodos({ ...facts, named: true })[0]!.text).toMatch(/^湖里区快递行业党支部：/);
  });

  it('asks for a talk with members 3+ months behind, late from 5; and names the sessions the cadence needs', () => {
    const base = { branchId: 'b1', branchName: '支部', named: false, basesPending: 0, noBase: 0 };
    const [three] = branchTodos({ ...base, arrears: { threePlus: 2, fivePlus: 0 }, missingSessions: [] });
    expect(three).toMatchObject({ kind: 'members_arrears', count: 2, priority: 'normal' });
    expect(three!.text).toBe('2 名党员已连续 3 个月以上未交党费，请联系了解情况。');
    const [five] = branchTodos({ ...base, arrears: { threePlus: 2, fivePlus: 1 }, missingSessions: [] });
    expect(five).toMatchObject({
      priority: 'high',
      text: '2 名党员已连续 3 个月以上未交党费，其中 1 名 5 个月以上，请尽快谈心谈话。',
    });
    const missing = (daysLeft: number) => [
      { label: '本季度党课', periodEndsOn: '2026-12-31', daysLeft: 27 },
      { label: '本月支部委员会', periodEndsOn: '2026-12-31', daysLeft },
    ];
    const [far] = branchTodos({ ...base, arrears: { threePlus: 0, fivePlus: 0 }, missingSessions: missing(20) });
    expect(far).toMatchObject({ kind: 'sessions_missing', count: 2, priority: 'normal', due: '2026-12-31' });
    expect(far!.text).toBe('还缺 2 项组织生活：本季度党课、本月支部委员会。');
    expect(far!.page).toBe('/pages-sessions/cadence/index?branchId=b1&branchName=%E6%94%AF%E9%83%A8');
    const [near] = branchTodos({ ...base, arrears: { threePlus: 0, fivePlus: 0 }, missingSessions: missing(5) });
    expect(near!.priority).toBe('high');
  });

  it('chases idle branches only in the second half of the month, late in its last week', () => {
    const facts = { idleBranches: 3, monthEndsOn: '2026-12-31' };
    expect(subtreeTodos({ ...facts, daysLeft: IDLE_FROM_DAYS_LEFT + 1 })).toEqual([]);
    expect(subtreeTodos({ ...facts, daysLeft: 10 })[0]).toMatchObject({
      kind: 'branches_idle',
      priority: 'normal',
      text: '3 个支部本月还没有开展组织生活，本月还剩 10 天。',
      due: '2026-12-31',
    });
    expect(subtreeTodos({ ...facts, daysLeft: 7 })[0]!.priority).toBe('high');
    expect(subtreeTodos({ ...facts, idleBranches: 0, daysLeft: 3 })).toEqual([]);
  });

  it('puts late work first and keeps the order otherwise', () => {
    const items = [
      ...memberTodos(owing(1, 'none'), NOW),
      ...managerTodos({
        role: 'secretary',
        registrations: { count: 1, oldestDays: 9 },
        claims: { count: 0, oldestDays: null },
      }),
    ];
    expect(orderTodos(items).map((i) => i.kind)).toEqual(['registrations_pending', 'dues_owed']);
  });
});
