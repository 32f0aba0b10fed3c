import type { PointsApproval, PointsCaps, PointsCategory, PointsUnit } from '../../../typings/areas/points';
import { DEFAULT_SCOPE } from './ids';

/** The fields of an item of the 清单 that decide an award. */
export interface RuleTerms {
  code: string;
  name: string;
  category: PointsCategory;
  /** Per unit; negative for deductions; never 0. */
  points: number;
  unit: PointsUnit;
  caps: PointsCaps;
  evidenceRequired: boolean;
  approval: PointsApproval;
  claimable: boolean;
  /** 'YYYY-MM-DD' inclusive, or null. */
  validFrom: string | null;
  validTo: string | null;
  enabled: boolean;
}

/** Where an item is defined, and its version. */
export interface ScopedRule extends RuleTerms {
  scopeId: string;
  version: number;
}

export const CATEGORIES = [
  'registration',
  'organisational_life',
  'study',
  'volunteer',
  'welfare',
  'suggestion',
  'dues',
  'commendation',
  'deduction',
] as const satisfies readonly PointsCategory[];

/** Chinese names of the categories, for messages and reasons written on the server. */
export const CATEGORY_LABELS: Record<PointsCategory, string> = {
  registration: '报到亮身份',
  organisational_life: '组织生活',
  study: '学习',
  volunteer: '志愿服务',
  welfare: '公益',
  suggestion: '建言献策',
  dues: '党费',
  commendation: '表彰',
  deduction: '履责扣分',
};

export const UNIT_LABELS: Record<PointsUnit, string> = { time: '次', hour: '小时' };

/** Item codes: lowercase words joined by dots, e.g. `attendance.theme_day`. */
export const RULE_CODE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/**
 * The item that applies at a place: the one defined nearest to it (its branch, then up the tree),
 * else the default list. A disabled override switches the item off below that node.
 * `orgPath` runs from the root down to the branch.
 */
export function resolveRule<R extends { scopeId: string }>(
  candidates: readonly R[],
  orgPath: readonly string[],
): R | null {
  let best: R | null = null;
  let bestDepth = -2;
  for (const rule of candidates) {
    const depth = rule.scopeId === DEFAULT_SCOPE ? -1 : orgPath.indexOf(rule.scopeId);
    if (rule.scopeId !== DEFAULT_SCOPE && depth < 0) continue;
    if (depth > bestDepth) {
      best = rule;
      bestDepth = depth;
    }
  }
  return best;
}

/** Why an item cannot be awarded for an act on `day`, or null when it can. */
export function whyNotApplicable(
  rule: Pick<RuleTerms, 'enabled' | 'validFrom' | 'validTo'>,
  day: string,
): string | null {
  if (!rule.enabled) return '该积分项目已停用';
  if (rule.validFrom && day < rule.validFrom) return `该积分项目自 ${rule.validFrom} 起施行`;
  if (rule.validTo && day > rule.validTo) return `该积分项目已于 ${rule.validTo} 截止`;
  return null;
}

/** Problems with an item's terms as an administrator entered them, in Chinese; empty when sound. */
export function ruleProblems(rule: RuleTerms): string[] {
  const problems: string[] = [];
  if (rule.points === 0) problems.push('分值不能为 0');
  if (rule.category === 'deduction' && rule.points > 0) problems.push('扣分项目的分值应为负数');
  if (rule.category !== 'deduction' && rule.points < 0) problems.push('负分只能用于“履责扣分”类项目');
  for (const [period, cap] of Object.entries(rule.caps) as [keyof PointsCaps, number | null][]) {
    if (cap !== null && cap < Math.abs(rule.points)) {
      problems.push(`${PERIOD_LABELS[period]}上限不能小于单次分值`);
    }
  }
  const { day, month, year } = rule.caps;
  if (day !== null && month !== null && day > month) problems.push('每日上限不能大于每月上限');
  if (month !== null && year !== null && month > year) problems.push('每月上限不能大于每年上限');
  if (day !== null && year !== null && day > year) problems.push('每日上限不能大于每年上限');
  if (rule.validFrom && rule.validTo && rule.validFrom > rule.validTo) problems.push('截止日期不能早于开始日期');
  if (rule.claimable && rule.approval === 'automatic') problems.push('由系统自动记分的项目不能由党员申报');
  if (rule.claimable && rule.points < 0) problems.push('扣分项目不能由党员申报');
  return problems;
}

export const PERIOD_LABELS: Record<keyof PointsCaps, string> = { day: '每日', month: '每月', year: '每年' };
