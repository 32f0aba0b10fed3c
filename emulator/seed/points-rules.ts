/**
 * The default 积分管理清单 (domain-rules.md, "Points"): a sensible starting list that every
 * organisation node may override for its subtree. No national scheme exists, so the values follow
 * common local practice: 三会一课 +1 to +3 each, volunteer service by the hour, an article or
 * micro-lecture +3, daily caps on study (学习强国-style), deductions for missed duties.
 *
 * Pure data plus one idempotent seeding function; `emulator/seed/index.ts` calls `seedPointsRules`.
 */
import { COLLECTIONS } from '../../database/collections';
import { DEFAULT_SCOPE, ruleIdOf, ruleVersionIdOf } from '../../server/domain/points/ids';
import type { RuleTerms } from '../../server/domain/points/rules';
import type { RuleDoc, RuleVersionDoc } from '../../server/points/docs';
import type { Database } from '../../server/platform/cloudbase';

type Seed = Omit<RuleTerms, 'validFrom' | 'validTo' | 'enabled'> & { description: string };

const caps = (day: number | null, month: number | null, year: number | null) => ({ day, month, year });
const auto = { evidenceRequired: false, approval: 'automatic', claimable: false } as const;
const claim = { evidenceRequired: true, approval: 'secretary', claimable: true } as const;

/** In display order. Codes used by other areas: registration, attendance.*, dues.on_time, volunteer.hour. */
export const DEFAULT_POINTS_RULES: readonly Seed[] = [
  {
    code: 'registration.completed',
    name: '报到亮身份',
    category: 'registration',
    points: 5,
    unit: 'time',
    caps: caps(null, null, 5),
    ...auto,
    description: '向流入地党组织报到并编入支部后自动记分，每人一次。',
  },
  {
    code: 'attendance.branch_meeting',
    name: '参加支部党员大会等会议',
    category: 'organisational_life',
    points: 3,
    unit: 'time',
    caps: caps(6, 12, 80),
    ...auto,
    description: '支部党员大会、支委会、党小组会、组织生活会等，考勤记录出席后自动记分。',
  },
  {
    code: 'attendance.committee_meeting',
    name: '参加支部委员会会议',
    category: 'organisational_life',
    points: 2,
    unit: 'time',
    caps: caps(2, 4, 30),
    ...auto,
    description: '支部委员出席支委会，考勤记录后自动记分。',
  },
  {
    code: 'attendance.group_meeting',
    name: '参加党小组会',
    category: 'organisational_life',
    points: 2,
    unit: 'time',
    caps: caps(2, 4, 30),
    ...auto,
    description: '考勤记录出席后自动记分。',
  },
  {
    code: 'attendance.party_lecture',
    name: '参加党课',
    category: 'organisational_life',
    points: 3,
    unit: 'time',
    caps: caps(3, 6, 24),
    ...auto,
    description: '考勤记录出席后自动记分。',
  },
  {
    code: 'attendance.theme_day',
    name: '参加主题党日活动',
    category: 'organisational_life',
    points: 3,
    unit: 'time',
    caps: caps(3, 3, 36),
    ...auto,
    description: '每月一次，考勤记录出席后自动记分。',
  },
  {
    code: 'attendance.life_meeting',
    name: '参加组织生活会、民主评议',
    category: 'organisational_life',
    points: 3,
    unit: 'time',
    caps: caps(3, 3, 6),
    ...auto,
    description: '考勤记录出席后自动记分。',
  },
  {
    code: 'study.daily',
    name: '每日学习',
    category: 'study',
    points: 1,
    unit: 'time',
    caps: caps(1, 31, 200),
    ...auto,
    description: '完成当天的线上学习后自动记分，每天最多 1 分。',
  },
  {
    code: 'study.training',
    name: '参加培训',
    category: 'study',
    points: 2,
    unit: 'time',
    caps: caps(2, 6, 30),
    ...claim,
    description: '参加党组织或行业组织的培训，上传结业证明或现场照片。',
  },
  {
    code: 'study.article',
    name: '撰写心得、讲微党课',
    category: 'study',
    points: 3,
    unit: 'time',
    caps: caps(3, 6, 30),
    ...claim,
    description: '学习心得、微党课等被支部采用，上传文章或照片。',
  },
  {
    code: 'volunteer.hour',
    name: '志愿服务（按小时）',
    category: 'volunteer',
    points: 1,
    unit: 'hour',
    caps: caps(8, 30, 200),
    ...claim,
    description: '每服务 1 小时记 1 分；签到签退自动记分，或上传服务照片申报。',
  },
  {
    code: 'welfare.act',
    name: '公益行动',
    category: 'welfare',
    points: 2,
    unit: 'time',
    caps: caps(4, 10, 60),
    ...claim,
    description: '助人为乐、调解纠纷、文明劝导、应急帮扶等，上传照片申报。',
  },
  {
    code: 'welfare.donation',
    name: '爱心捐赠',
    category: 'welfare',
    points: 2,
    unit: 'time',
    caps: caps(2, 4, 10),
    ...claim,
    description: '捐款捐物、无偿献血等，上传凭证申报。',
  },
  {
    code: 'suggestion.adopted',
    name: '建言献策被采纳',
    category: 'suggestion',
    points: 3,
    unit: 'time',
    caps: caps(3, 6, 15),
    ...claim,
    description: '意见建议被党组织或有关部门采纳，上传采纳证明申报。',
  },
  {
    code: 'dues.on_time',
    name: '按时交纳党费',
    category: 'dues',
    points: 1,
    unit: 'time',
    // By year only: a quarter paid on one day is three on-time months.
    caps: caps(null, null, 12),
    ...auto,
    description: '每按时交纳一个月党费记 1 分（一次交几个月按月计）。',
  },
  {
    code: 'commendation.street',
    name: '获街道（镇）级表彰',
    category: 'commendation',
    points: 5,
    unit: 'time',
    caps: caps(null, null, 15),
    evidenceRequired: true,
    approval: 'admin',
    claimable: false,
    description: '由管理员录入。',
  },
  {
    code: 'commendation.district',
    name: '获区级及以上表彰',
    category: 'commendation',
    points: 10,
    unit: 'time',
    caps: caps(null, null, 30),
    evidenceRequired: true,
    approval: 'admin',
    claimable: false,
    description: '由管理员录入。',
  },
  {
    code: 'deduction.missed_meeting',
    name: '无故缺席组织生活',
    category: 'deduction',
    points: -2,
    unit: 'time',
    caps: caps(2, 4, 20),
    evidenceRequired: false,
    approval: 'secretary',
    claimable: false,
    description: '无正当理由不参加组织生活，经提醒仍未参加的，由支部书记录入。',
  },
  {
    code: 'deduction.dues_overdue',
    name: '无故未按时交纳党费',
    category: 'deduction',
    points: -2,
    unit: 'time',
    caps: caps(2, 2, 12),
    ...auto,
    description: '当月党费逾期未交且无正当理由的，系统记录。',
  },
  {
    code: 'deduction.no_report',
    name: '未按规定报告流动情况',
    category: 'deduction',
    points: -3,
    unit: 'time',
    caps: caps(3, 3, 6),
    evidenceRequired: false,
    approval: 'secretary',
    claimable: false,
    description: '外出、变更住址或工作未及时向党组织报告的，由支部书记录入。',
  },
];

/** The default list as stored rule documents, version 1, defined at the default scope. */
export function defaultRuleDocs(now: Date): RuleDoc[] {
  return DEFAULT_POINTS_RULES.map((r, i) => ({
    _id: ruleIdOf(DEFAULT_SCOPE, r.code),
    scopeId: DEFAULT_SCOPE,
    scopeName: '默认清单',
    ...r,
    validFrom: null,
    validTo: null,
    enabled: true,
    sort: (i + 1) * 10,
    version: 1,
    updatedBy: 'seed',
    updatedAt: now,
    demo: true,
  }));
}

/**
 * Seed the default 清单 and its first versions, adding only items not there yet (never overwriting
 * what administrators changed). Idempotent. Call from `seedDemo`.
 */
export async function seedPointsRules(
  db: Database,
  now = new Date(),
): Promise<{ collection: string; created: number; existing: number }> {
  const _ = db.command;
  const docs = defaultRuleDocs(now);
  const found = await db
    .collection(COLLECTIONS.pointsRules)
    .where({ _id: _.in(docs.map((d) => d._id)) })
    .field({ _id: true })
    .limit(docs.length)
    .get();
  const have = new Set((found.data as { _id: string }[]).map((d) => d._id));
  const missing = docs.filter((d) => !have.has(d._id));
  if (missing.length > 0) {
    const versions: RuleVersionDoc[] = missing.map(({ _id, ...rule }) => ({
      _id: ruleVersionIdOf(_id, 1),
      ruleId: _id,
      version: 1,
      rule: { ...rule, _id },
      changedBy: 'seed',
      changedByTitle: '初始清单',
      changedAt: now,
      reason: '默认清单',
    }));
    await db.collection(COLLECTIONS.pointsRules).add(missing);
    await db.collection(COLLECTIONS.pointsRuleVersions).add(versions);
  }
  return { collection: COLLECTIONS.pointsRules, created: missing.length, existing: docs.length - missing.length };
}
