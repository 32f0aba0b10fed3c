/**
 * The cadence check of a branch (三会一课, domain-rules.md): which required meetings are missing in
 * the current month, quarter or year, in Beijing time. Pure: the counts come from an aggregation.
 */
import type { CadenceItem, CadencePeriod, SessionKind } from '../../../typings/areas/sessions';
import {
  daysLeftIn,
  lastDayOf,
  monthLabel,
  monthOf,
  quarterLabel,
  quarterOf,
  yearLabel,
  yearOf,
  type Period,
} from './periods';

export interface CadenceRule {
  kind: SessionKind;
  period: CadencePeriod;
  /**
   * Whether a joint session held for everyone under a node above the branch (a street's 党课, a
   * district's 主题党日) counts for the branch. The branch's own meetings must be its own.
   */
  joint: boolean;
}

/**
 * 《中国共产党支部工作条例（试行）》: 支委会 and 党小组会 monthly, 主题党日 one fixed day a month,
 * 党员大会 about quarterly, 党课 quarterly by common practice, 组织生活会 and 民主评议 at least yearly.
 */
export const CADENCE_RULES: readonly CadenceRule[] = [
  { kind: 'committee', period: 'month', joint: false },
  { kind: 'group', period: 'month', joint: false },
  { kind: 'theme_day', period: 'month', joint: true },
  { kind: 'branch_assembly', period: 'quarter', joint: false },
  { kind: 'lecture', period: 'quarter', joint: true },
  { kind: 'life_meeting', period: 'year', joint: false },
  { kind: 'appraisal', period: 'year', joint: false },
];

/** A branch needs 7 or more full members to have a committee (支委会); smaller ones have a secretary only. */
export const COMMITTEE_MIN_FULL_MEMBERS = 7;

/** Sessions of one kind in the current year, month and quarter: started (held) and to come. */
export interface KindCount {
  kind: SessionKind;
  /** True for the branch's own sessions, false for joint ones of a node above it. */
  own: boolean;
  monthHeld: number;
  monthScheduled: number;
  quarterHeld: number;
  quarterScheduled: number;
  yearHeld: number;
  yearScheduled: number;
}

/** The periods a cadence check looks at, for the aggregation's conditions. */
export function cadencePeriods(now: Date): Record<CadencePeriod, Period> {
  return { month: monthOf(now), quarter: quarterOf(now), year: yearOf(now) };
}

const LABEL: Record<CadencePeriod, (at: Date) => string> = {
  month: monthLabel,
  quarter: quarterLabel,
  year: yearLabel,
};

export const PERIOD_WORD: Record<CadencePeriod, string> = { month: '本月', quarter: '本季度', year: '今年' };

/** One item per rule, in the rules' order. */
export function cadenceItems(counts: readonly KindCount[], now: Date, opts: { fullMembers: number }): CadenceItem[] {
  const periods = cadencePeriods(now);
  return CADENCE_RULES.map((rule) => {
    const period = periods[rule.period];
    const relevant = counts.filter((c) => c.kind === rule.kind && (c.own || rule.joint));
    const held = sum(relevant, rule.period, 'Held');
    const scheduled = sum(relevant, rule.period, 'Scheduled');
    const base = {
      kind: rule.kind,
      period: rule.period,
      periodLabel: LABEL[rule.period](now),
      periodEndsOn: lastDayOf(period),
      daysLeft: daysLeftIn(period, now),
      held,
      scheduled,
    };
    if (rule.kind === 'committee' && opts.fullMembers < COMMITTEE_MIN_FULL_MEMBERS && held + scheduled === 0) {
      return {
        ...base,
        status: 'not_required' as const,
        note: `正式党员不足 ${COMMITTEE_MIN_FULL_MEMBERS} 名的支部不设支部委员会，由书记主持工作`,
      };
    }
    if (held > 0) return { ...base, status: 'done' as const, note: null };
    if (scheduled > 0) return { ...base, status: 'scheduled' as const, note: `已安排，请按时召开` };
    return {
      ...base,
      status: 'missing' as const,
      note: `${PERIOD_WORD[rule.period]}还没有召开，请在 ${base.daysLeft} 天内安排`,
    };
  });
}

function sum(counts: readonly KindCount[], period: CadencePeriod, what: 'Held' | 'Scheduled'): number {
  const key = `${period}${what}` as keyof KindCount;
  return counts.reduce((total, c) => total + (c[key] as number), 0);
}
