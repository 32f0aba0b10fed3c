import { DENY_ALL, type CollectionSpec } from '../schema';

/** The 积分管理清单, its versions, the ledger, per-member accounts and year totals, and claims. */
export const POINTS_COLLECTIONS = {
  pointsRules: 'points_rules',
  pointsRuleVersions: 'points_rule_versions',
  pointsLedger: 'points_ledger',
  pointsAccounts: 'points_accounts',
  pointsTotals: 'points_totals',
  pointsClaims: 'points_claims',
} as const;

export const pointsCollections: CollectionSpec[] = [
  {
    name: POINTS_COLLECTIONS.pointsRules,
    description: '积分管理清单：每项一条，_id 为 范围:编码（默认清单范围为 *，管理员可为本级覆盖）',
    indexes: [
      { name: 'scope_sort', keys: { scopeId: 1, sort: 1 } },
      { name: 'code_scope', keys: { code: 1, scopeId: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: POINTS_COLLECTIONS.pointsRuleVersions,
    description: '清单每项的历次版本（_id 为 规则@版本），记录谁、何时、为何修改',
    indexes: [{ name: 'rule_version', keys: { ruleId: 1, version: -1 } }],
    rules: DENY_ALL,
  },
  {
    name: POINTS_COLLECTIONS.pointsLedger,
    description: '积分流水：只增不改；_id 由 党员、项目、来源事件决定（冲正为 r_原流水号）',
    indexes: [
      { name: 'member_recorded_id', keys: { memberId: 1, recordedAt: -1, _id: -1 } },
      { name: 'member_year', keys: { memberId: 1, year: 1 } },
      { name: 'source', keys: { 'source.type': 1, 'source.id': 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: POINTS_COLLECTIONS.pointsAccounts,
    description: '每名党员一条（_id 为党员编号）：累计积分、各年度积分与分类、各周期上限用量；同一党员的记分在此串行',
    indexes: [],
    rules: DENY_ALL,
  },
  {
    name: POINTS_COLLECTIONS.pointsTotals,
    description: '党员年度积分（_id 为 党员编号:年度），带所在组织路径，供支部、街道、区排名',
    indexes: [
      { name: 'org_year_points', keys: { orgPath: 1, year: 1, points: -1, memberId: 1 } },
      { name: 'member_year', keys: { memberId: 1, year: -1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: POINTS_COLLECTIONS.pointsClaims,
    description: '党员申报积分（志愿服务、公益等）：说明、照片、审批状态；同一内容重复提交只算一条',
    indexes: [
      // Keyset pages: a member's claims newest first; the review queue oldest first, of a node or all.
      { name: 'member_submitted_id', keys: { memberId: 1, submittedAt: -1, _id: -1 } },
      { name: 'org_state_submitted_id', keys: { orgPath: 1, state: 1, submittedAt: 1, _id: 1 } },
      { name: 'state_submitted_id', keys: { state: 1, submittedAt: 1, _id: 1 } },
    ],
    rules: DENY_ALL,
  },
];
