/** Builders of points replies for the mini-program page tests: each test states only what matters to it. */
import type {
  ClaimDetail,
  ClaimView,
  LedgerEntryView,
  PointsRuleView,
  PointsSummary,
  RankingRow,
} from '../../typings/areas/points';

export function aSummary(overrides: Partial<PointsSummary> = {}): PointsSummary {
  return {
    memberId: 'm_demo-member',
    year: 2026,
    yearTotal: 11,
    lifetimeTotal: 23,
    byCategory: [
      { category: 'registration', points: 5 },
      { category: 'organisational_life', points: 6 },
    ],
    pendingClaims: 0,
    ...overrides,
  };
}

let entrySerial = 0;
export function anEntry(overrides: Partial<LedgerEntryView> = {}): LedgerEntryView {
  entrySerial += 1;
  return {
    entryId: `e_${entrySerial}`,
    ruleCode: 'attendance.theme_day',
    ruleName: '参加主题党日活动',
    ruleVersion: 1,
    category: 'organisational_life',
    points: 3,
    quantity: 1,
    unit: 'time',
    source: { type: 'attendance', id: `att-${entrySerial}` },
    reason: '参加主题党日活动',
    approvedBy: '系统自动',
    occurredAt: '2026-03-05T02:00:00.000Z',
    recordedAt: '2026-03-05T02:00:01.000Z',
    year: 2026,
    reversalOf: null,
    reversed: false,
    ...overrides,
  };
}

export function aRule(overrides: Partial<PointsRuleView> = {}): PointsRuleView {
  return {
    ruleId: '*:welfare.act',
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
    version: 1,
    scopeId: '*',
    scopeName: '默认清单',
    description: '助人为乐、调解纠纷等，上传照片申报。',
    ...overrides,
  };
}

export const anHourlyRule = (overrides: Partial<PointsRuleView> = {}) =>
  aRule({
    ruleId: '*:volunteer.hour',
    code: 'volunteer.hour',
    name: '志愿服务（按小时）',
    category: 'volunteer',
    points: 1,
    unit: 'hour',
    caps: { day: 8, month: 30, year: 200 },
    description: '每服务 1 小时记 1 分。',
    ...overrides,
  });

let claimSerial = 0;
export function aClaimView(overrides: Partial<ClaimView> = {}): ClaimView {
  claimSerial += 1;
  return {
    claimId: `c_${claimSerial}`,
    memberId: 'm_demo-member',
    memberName: '林晓东',
    branchName: '思明区流动党员党支部',
    ruleCode: 'volunteer.hour',
    ruleName: '志愿服务（按小时）',
    category: 'volunteer',
    unit: 'hour',
    occurredOn: '2026-03-05',
    quantity: 3,
    description: '在社区帮助独居老人打扫卫生',
    photos: ['cloud://env.bucket/points-evidence/m_demo-member/a.jpg'],
    state: 'pending',
    submittedAt: '2026-03-05T10:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    points: null,
    entryId: null,
    ...overrides,
  };
}

export function aClaimDetail(overrides: Partial<ClaimDetail> = {}): ClaimDetail {
  const view = aClaimView(overrides);
  return {
    ...view,
    photoUrls: view.photos.map((_, i) => `http://127.0.0.1:3000/storage/object/p${i}.jpg?sign=x`),
    ...overrides,
  };
}

export function aRankingRow(overrides: Partial<RankingRow> = {}): RankingRow {
  return { rank: 1, memberId: 'm_1', name: '林晓东', branchName: '思明区流动党员党支部', points: 30, ...overrides };
}
