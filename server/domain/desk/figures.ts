/**
 * The organisation desk's figures, defined once: each with its name, unit and exact definition in
 * Chinese (shown as the legend beside the figure, so that a district reading it at a 周例会 knows
 * what it counts). Figures, rankings, report snapshots and exports all name figures by these ids.
 */

import type { ReportPeriodKind } from './periods';

import type { FigureGroupId } from '../../../typings/areas/desk';

export type FigureGroup = FigureGroupId;
export type FigureUnit = 'people' | 'sessions' | 'percent' | 'days' | 'fen' | 'points' | 'hours' | 'times';

export interface FigureSpec {
  id: string;
  group: FigureGroup;
  name: string;
  unit: FigureUnit;
  definition: string;
  /** For a rate: what it is when its denominator is 0, instead of a misleading 0%. */
  whenEmpty?: string;
  /** Which way is better, for ranking and bands; a plain count (people found) is ranked higher-first. */
  better?: 'higher' | 'lower';
  /** The default 绿/黄 thresholds (in the figure's value: permille for rates); an administrator may set others. */
  bands?: { green: number; amber: number };
  /** The periods it is counted for; absent means every period. 党费 and monthly counts are not weekly. */
  periods?: readonly ReportPeriodKind[];
}

export const FIGURE_GROUP_NAMES: Record<FigureGroup, string> = {
  coverage: '覆盖',
  life: '组织生活',
  dues: '党费',
  vanguard: '先锋作用',
};

export const UNIT_NAMES: Record<FigureUnit, string> = {
  people: '人',
  sessions: '场',
  percent: '%',
  days: '天',
  fen: '元',
  points: '分',
  hours: '小时',
  times: '人次',
};

export const FIGURES = [
  {
    id: 'coverage.found',
    group: 'coverage',
    name: '摸排人数',
    unit: 'people',
    definition: '本组织范围内社区摸排登记的流动党员人数（截至期末，同一人只计一次）',
  },
  {
    id: 'coverage.registered',
    group: 'coverage',
    name: '报到人数',
    unit: 'people',
    definition:
      '在小程序亮身份并提交报到的人数：待审核（可划转到本组织范围内）与已纳管之和，不含退回修改的（截至期末）',
  },
  {
    id: 'coverage.assigned',
    group: 'coverage',
    name: '纳管人数',
    unit: 'people',
    definition: '已划转到本组织范围内党支部、接受管理的流动党员人数（截至期末）',
  },
  {
    id: 'coverage.registrationRate',
    group: 'coverage',
    name: '报到率',
    unit: 'percent',
    definition: '报到人数 ÷ 摸排人数',
    whenEmpty: '本期无摸排人数',
    better: 'higher',
    bands: { green: 900, amber: 700 },
  },
  {
    id: 'coverage.assignmentRate',
    group: 'coverage',
    name: '纳管率',
    unit: 'percent',
    definition: '纳管人数 ÷ 报到人数',
    whenEmpty: '本期无报到人数',
    better: 'higher',
    bands: { green: 900, amber: 700 },
  },
  {
    id: 'coverage.pending',
    group: 'coverage',
    name: '待审核报到',
    unit: 'people',
    definition: '期末仍在等待支部审核的报到人数',
    better: 'lower',
  },
  {
    id: 'coverage.pendingMedianDays',
    group: 'coverage',
    name: '待审核天数（中位数）',
    unit: 'days',
    definition: '期末待审核的报到自提交起已等待天数的中位数',
    whenEmpty: '期末无待审核报到',
    better: 'lower',
  },
  {
    id: 'coverage.pendingOldestDays',
    group: 'coverage',
    name: '待审核最长天数',
    unit: 'days',
    definition: '期末待审核的报到中等待最久的天数',
    whenEmpty: '期末无待审核报到',
    better: 'lower',
    bands: { green: 3, amber: 7 },
  },
  {
    id: 'coverage.sentBack',
    group: 'coverage',
    name: '退回修改',
    unit: 'people',
    definition: '报到被支部退回、尚未重新提交的人数（截至期末）',
    better: 'lower',
  },
  {
    id: 'coverage.lostContact',
    group: 'coverage',
    name: '失联',
    unit: 'people',
    definition: '已纳管后被支部标记为失联的人数（截至期末）',
    better: 'lower',
  },
  {
    id: 'life.held',
    group: 'life',
    name: '开展组织生活',
    unit: 'sessions',
    definition: '本期已举行（未取消、开始时间在本期内且已开始）的支部自己的会议和活动场次，按类型另列',
  },
  {
    id: 'life.cadenceRate',
    group: 'life',
    name: '三会一课完成率',
    unit: 'percent',
    definition:
      '按“三会一课”要求，考核周期在本期内结束的应开展会议中已开展的比例：支委会、党小组会、主题党日按月，党员大会、党课按季度，组织生活会、民主评议按年；正式党员不足 7 名的支部不计支委会；未结束的本期按截至目前计',
    whenEmpty: '本期无应开展的会议',
    better: 'higher',
    bands: { green: 900, amber: 700 },
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'life.attendanceRate',
    group: 'life',
    name: '参会率',
    unit: 'percent',
    definition: '支部自己的会议和活动实到人次 ÷ 应到人次（应到为各场发布时支部在册党员数之和），只计已结束的',
    whenEmpty: '本期无应到人员',
    better: 'higher',
    bands: { green: 850, amber: 700 },
  },
  {
    id: 'life.leave',
    group: 'life',
    name: '请假人次',
    unit: 'times',
    definition: '已结束的支部会议和活动中请假的人次',
  },
  {
    id: 'life.absentAll',
    group: 'life',
    name: '整月未参加组织生活',
    unit: 'times',
    definition: '支部当月召开了应参加的会议，党员一次都没有参加也没有请假：按月计人，季度和年度为各月之和（人次）',
    better: 'lower',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.owing',
    group: 'dues',
    name: '应交党员',
    unit: 'people',
    definition: '期末月份在本组织范围内应交党费的党员人数（已生成当月党费记录、未免交）',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.paidRate',
    group: 'dues',
    name: '交纳率',
    unit: 'percent',
    definition: '本期各月已交的人月数 ÷ 应交的人月数（免交的月份不计入）',
    whenEmpty: '本期无应交党员',
    better: 'higher',
    bands: { green: 950, amber: 850 },
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.paidOnTime',
    group: 'dues',
    name: '按时交纳',
    unit: 'times',
    definition: '本期各月中在当月或提前交纳的人月数',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.arrears1',
    group: 'dues',
    name: '欠交 1—2 个月',
    unit: 'people',
    definition: '期末连续欠交 1 至 2 个月党费的党员人数（未结束的本期不计当月）',
    better: 'lower',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.arrears3',
    group: 'dues',
    name: '欠交 3—4 个月',
    unit: 'people',
    definition: '期末连续欠交 3 至 4 个月党费的党员人数，需由支部提醒（未结束的本期不计当月）',
    better: 'lower',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.arrears5',
    group: 'dues',
    name: '欠交 5 个月',
    unit: 'people',
    definition: '期末连续欠交 5 个月党费的党员人数，再欠 1 个月即按党章第九条处理（未结束的本期不计当月）',
    better: 'lower',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.arrears6',
    group: 'dues',
    name: '欠交 6 个月以上',
    unit: 'people',
    definition: '期末连续欠交 6 个月及以上党费的党员人数，列入支部审议名单（未结束的本期不计当月）',
    better: 'lower',
    bands: { green: 0, amber: 2 },
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.dueFen',
    group: 'dues',
    name: '应交党费',
    unit: 'fen',
    definition: '本期各月党费记录的应交金额合计（减免后，免交不计）',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'dues.receivedFen',
    group: 'dues',
    name: '实收党费',
    unit: 'fen',
    definition: '本期收到的党费合计（微信支付与线下收款，按入账时间，扣除冲正）',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'vanguard.points',
    group: 'vanguard',
    name: '积分总数',
    unit: 'points',
    definition: '期末在册党员本期记入积分台账的积分合计（扣分计为负数），按类别另列',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'vanguard.pointsPerMember',
    group: 'vanguard',
    name: '人均积分',
    unit: 'points',
    definition: '积分总数 ÷ 期末在册党员人数（保留一位小数）',
    whenEmpty: '期末无在册党员',
    better: 'higher',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'vanguard.noPoints',
    group: 'vanguard',
    name: '当月无积分',
    unit: 'times',
    definition: '当月没有任何积分记录的在册党员：按月计人，季度和年度为各月之和（人次）',
    better: 'lower',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'vanguard.volunteerHours',
    group: 'vanguard',
    name: '志愿服务时长',
    unit: 'hours',
    definition: '期末在册党员本期签到的志愿服务活动时长合计（每场时长 × 到场）',
    periods: ['month', 'quarter', 'year'],
  },
  {
    id: 'vanguard.volunteerTimes',
    group: 'vanguard',
    name: '志愿服务人次',
    unit: 'times',
    definition: '期末在册党员本期签到志愿服务活动的人次',
    periods: ['month', 'quarter', 'year'],
  },
] as const satisfies readonly FigureSpec[];

export type FigureId = (typeof FIGURES)[number]['id'];

const BY_ID = new Map<string, FigureSpec>(FIGURES.map((f) => [f.id, f]));

/** The figure of an id, or null for a name not in the set (the caller answers INVALID_ARGUMENT). */
export const figureOf = (id: string): FigureSpec | null => BY_ID.get(id) ?? null;

/** A rate as the desk shows it: a whole-number-and-one-decimal percentage, or why there is none. */
const percentText = (permille: number) => `${(permille / 10).toFixed(1)}%`;

export interface Rate {
  /** Tenths of a percent (875 = 87.5%), or null when the denominator is 0. */
  permille: number | null;
  text: string;
}

export function rateOf(numerator: number, denominator: number, whenEmpty: string): Rate {
  if (denominator <= 0) return { permille: null, text: whenEmpty };
  const permille = Math.round((numerator * 1000) / denominator);
  return { permille, text: percentText(permille) };
}

/** Whether a figure is counted for a kind of period (党费 and the monthly counts are not weekly). */
export const countedFor = (spec: FigureSpec, kind: ReportPeriodKind) => !spec.periods || spec.periods.includes(kind);

/** Ranked higher-first unless lower is better. */
export const betterOf = (spec: FigureSpec): 'higher' | 'lower' => spec.better ?? 'higher';

/** A figure's value as shown: `128 人`, `1,234.50 元` (values in fen), or why there is none. */
export function figureText(spec: FigureSpec, value: number | null): string {
  if (value === null) return spec.whenEmpty ?? '—';
  if (spec.unit === 'percent') return percentText(value);
  if (spec.unit === 'fen') {
    const yuan = (value / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${yuan} 元`;
  }
  return `${value} ${UNIT_NAMES[spec.unit]}`;
}

/** The median of whole days, or null for none (half-days rounded up: 2 and 3 waiting gives 3). */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.ceil((sorted[mid - 1]! + sorted[mid]!) / 2);
}
