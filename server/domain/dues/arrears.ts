import { compareMonths, isMonth, monthsBetween } from './months';

/** How far behind a member is; drives reminders before the 6-month rule of 党章第九条 bites. */
export type ArrearsBand = 'none' | '1' | '3' | '5' | '6+';

/**
 * Band for the number of consecutive unpaid months before the current month (the current month is
 * not yet arrears): 0 → none, 1–2 → '1', 3–4 → '3', 5 → '5', 6 and more → '6+'.
 */
export function arrearsBand(unpaidMonthsBeforeCurrent: number): ArrearsBand {
  const n = unpaidMonthsBeforeCurrent;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`arrearsBand: not a month count: ${n}`);
  if (n >= 6) return '6+';
  if (n === 5) return '5';
  if (n >= 3) return '3';
  if (n >= 1) return '1';
  return 'none';
}

/**
 * The count arrearsBand takes: the longest run of consecutive unpaid months before currentMonth.
 * Consecutive, because 党章第九条 speaks of six consecutive months; the longest run rather than the
 * latest, because an old unresolved run stays the branch's business until it is settled.
 */
export function unpaidRunBefore(currentMonth: string, unpaidMonths: readonly string[]): number {
  if (!isMonth(currentMonth)) throw new RangeError(`unpaidRunBefore: bad currentMonth ${String(currentMonth)}`);
  const before = [...new Set(unpaidMonths)]
    .map((m) => {
      if (!isMonth(m)) throw new RangeError(`unpaidRunBefore: bad month ${String(m)}`);
      return m;
    })
    .filter((m) => compareMonths(m, currentMonth) < 0)
    .sort(compareMonths);
  let longest = 0;
  let run = 0;
  before.forEach((m, i) => {
    run = i > 0 && monthsBetween(before[i - 1] as string, m) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

/** What each band sets off, as data: reminders, to-dos (member, secretary) and the review list. */
export interface ArrearsFollowUp {
  label: string;
  /** Shown on the member's dues page, not a to-do. */
  memberNotice: string | null;
  /** An in-app to-do (red dot) for the member. */
  memberTodo: string | null;
  /** An in-app to-do for the branch secretary. */
  secretaryTodo: string | null;
  /** Listed for the branch's review under 党章第九条. */
  reviewList: boolean;
}

/** Follow-up per band: to-dos at 3 and 5 months warn well before 6; 6+ goes to the branch's review list. */
export const ARREARS_FOLLOW_UP: Readonly<Record<ArrearsBand, ArrearsFollowUp>> = {
  none: { label: '按月交纳', memberNotice: null, memberTodo: null, secretaryTodo: null, reviewList: false },
  '1': {
    label: '欠交1个月以上',
    memberNotice: '您有党费未按月交纳，请及时补交。',
    memberTodo: null,
    secretaryTodo: null,
    reviewList: false,
  },
  '3': {
    label: '连续欠交3个月以上',
    memberNotice: '您已连续 3 个月以上未交纳党费，请尽快补交。',
    memberTodo: '补交党费：已连续 3 个月以上未交纳。',
    secretaryTodo: '党员已连续 3 个月以上未交纳党费，请联系了解情况并提醒补交。',
    reviewList: false,
  },
  '5': {
    label: '连续欠交5个月',
    memberNotice:
      '您已连续 5 个月未交纳党费。按党章第九条，连续六个月不交纳党费且没有正当理由的，视为自行脱党。请立即补交或向党支部说明情况。',
    memberTodo: '立即补交党费或向党支部说明情况：已连续 5 个月未交纳。',
    secretaryTodo: '党员已连续 5 个月未交纳党费，请谈心谈话、督促补交；满 6 个月将列入审查名单。',
    reviewList: false,
  },
  '6+': {
    label: '连续欠交6个月以上',
    memberNotice: '您已连续 6 个月以上未交纳党费，请立即与所在党支部联系。',
    memberTodo: '请立即与党支部联系：已连续 6 个月以上未交纳党费。',
    secretaryTodo: '党员已连续 6 个月以上未交纳党费，已列入审查名单：请核实有无正当理由，按党章第九条处理。',
    reviewList: true,
  },
};
