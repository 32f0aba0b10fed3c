/**
 * The organisation desk's figures, defined once: each with its name, unit and exact definition in
 * Chinese (shown as the legend beside the figure, so that a district reading it at a 周例会 knows
 * what it counts). Figures, rankings, report snapshots and exports all name figures by these ids.
 */

export type FigureGroup = 'coverage' | 'life' | 'dues' | 'vanguard';
export type FigureUnit = 'people' | 'sessions' | 'percent' | 'days' | 'fen' | 'points' | 'hours' | 'times';

export interface FigureSpec {
  id: string;
  group: FigureGroup;
  name: string;
  unit: FigureUnit;
  definition: string;
  /** For a rate: what it is when its denominator is 0, instead of a misleading 0%. */
  whenEmpty?: string;
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
  },
  {
    id: 'coverage.assignmentRate',
    group: 'coverage',
    name: '纳管率',
    unit: 'percent',
    definition: '纳管人数 ÷ 报到人数',
    whenEmpty: '本期无报到人数',
  },
  {
    id: 'coverage.pending',
    group: 'coverage',
    name: '待审核报到',
    unit: 'people',
    definition: '期末仍在等待支部审核的报到人数',
  },
  {
    id: 'coverage.pendingMedianDays',
    group: 'coverage',
    name: '待审核天数（中位数）',
    unit: 'days',
    definition: '期末待审核的报到自提交起已等待天数的中位数',
    whenEmpty: '期末无待审核报到',
  },
  {
    id: 'coverage.pendingOldestDays',
    group: 'coverage',
    name: '待审核最长天数',
    unit: 'days',
    definition: '期末待审核的报到中等待最久的天数',
    whenEmpty: '期末无待审核报到',
  },
  {
    id: 'coverage.sentBack',
    group: 'coverage',
    name: '退回修改',
    unit: 'people',
    definition: '报到被支部退回、尚未重新提交的人数（截至期末）',
  },
  {
    id: 'coverage.lostContact',
    group: 'coverage',
    name: '失联',
    unit: 'people',
    definition: '已纳管后被支部标记为失联的人数（截至期末）',
  },
  {
    id: 'life.held',
    group: 'life',
    name: '开展组织生活',
    unit: 'sessions',
    definition: '本期已举行（未取消、开始时间在本期内）的支部党员大会、支委会、党小组会、党课和主题党日场次',
  },
  {
    id: 'life.cadenceRate',
    group: 'life',
    name: '三会一课完成率',
    unit: 'percent',
    definition: '按“三会一课”要求本期应开展的会议中已开展的比例（各支部分别计算后合计）',
    whenEmpty: '本期无应开展的会议',
  },
  {
    id: 'life.attendanceRate',
    group: 'life',
    name: '参会率',
    unit: 'percent',
    definition: '实到人次 ÷ 应到人次（应到为各场活动的应参加党员人数之和）',
    whenEmpty: '本期无应到人员',
  },
  {
    id: 'dues.owing',
    group: 'dues',
    name: '应交党员',
    unit: 'people',
    definition: '本期在本组织范围内交纳党费的党员人数（党员证明为在此交纳、交纳基数已确认）',
  },
  {
    id: 'dues.paidRate',
    group: 'dues',
    name: '交纳率',
    unit: 'percent',
    definition: '本期应交月份已交（含免交）的党员人数 ÷ 应交党员人数',
    whenEmpty: '本期无应交党员',
  },
  {
    id: 'dues.arrears3',
    group: 'dues',
    name: '连续欠交 3 个月以上',
    unit: 'people',
    definition: '期末连续 3 个月及以上未交党费的党员人数',
  },
  {
    id: 'dues.receivedFen',
    group: 'dues',
    name: '实收党费',
    unit: 'fen',
    definition: '本期收到的党费合计（微信支付与线下收款，扣除冲正）',
  },
  {
    id: 'vanguard.points',
    group: 'vanguard',
    name: '积分总数',
    unit: 'points',
    definition: '本期记入积分台账的积分合计（扣分计为负数）',
  },
  {
    id: 'vanguard.pointsPerMember',
    group: 'vanguard',
    name: '人均积分',
    unit: 'points',
    definition: '积分总数 ÷ 期末纳管人数',
    whenEmpty: '期末无纳管党员',
  },
  {
    id: 'vanguard.volunteerHours',
    group: 'vanguard',
    name: '志愿服务时长',
    unit: 'hours',
    definition: '本期签到记录的志愿服务小时数合计',
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
