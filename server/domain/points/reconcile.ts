import type { DriftLine, PointsCategory } from '../../../typings/areas/points';
import { emptyAccount, usageKey, type AccountState, type YearAccount } from './account';

/** One group of ledger entries as the reconcile aggregation returns it. */
export interface LedgerGroup {
  year: number;
  category: PointsCategory;
  ruleCode: string;
  /** 'MM' */
  month: string;
  /** 'MM-DD' */
  day: string;
  /** Sum of signed points (entries and reversals of them). */
  points: number;
  entries: number;
}

/**
 * The account the ledger implies: totals, categories and cap usage rebuilt from grouped entries.
 * A reversal carries its original's item and periods, so summing signed points per item and day
 * gives the cap usage left after reversals.
 */
export function accountFromLedger(groups: readonly LedgerGroup[]): AccountState {
  const account = emptyAccount();
  for (const g of groups) {
    const year: YearAccount = (account.years[String(g.year)] ??= { points: 0, entries: 0, byCategory: {}, usage: {} });
    year.points += g.points;
    year.entries += g.entries;
    year.byCategory[g.category] = (year.byCategory[g.category] ?? 0) + g.points;
    const usage = (year.usage[usageKey(g.ruleCode)] ??= { y: 0, m: {}, d: {} });
    // Signed sums per day: a deduction item's sums are negative, its usage their absolute value.
    usage.d[g.day] = (usage.d[g.day] ?? 0) + g.points;
    usage.m[g.month] = (usage.m[g.month] ?? 0) + g.points;
    usage.y += g.points;
    account.lifetime += g.points;
    account.entries += g.entries;
  }
  for (const year of Object.values(account.years)) {
    for (const usage of Object.values(year.usage)) {
      usage.y = Math.abs(usage.y);
      for (const k of Object.keys(usage.m)) usage.m[k] = Math.abs(usage.m[k]!);
      for (const k of Object.keys(usage.d)) usage.d[k] = Math.abs(usage.d[k]!);
    }
  }
  return account;
}

/**
 * Compare what is stored with what the ledger implies: per year the ranking total and the
 * account's copy, then the lifetime total. Drift is computed minus stored.
 */
export function driftLines(
  computed: AccountState,
  stored: { account: AccountState; yearTotals: ReadonlyMap<number, number> },
): DriftLine[] {
  const years = [
    ...new Set([
      ...Object.keys(computed.years).map(Number),
      ...Object.keys(stored.account.years).map(Number),
      ...stored.yearTotals.keys(),
    ]),
  ].sort((a, b) => a - b);
  const lines: DriftLine[] = [];
  for (const year of years) {
    const want = computed.years[String(year)]?.points ?? 0;
    const ranking = stored.yearTotals.get(year) ?? 0;
    const inAccount = stored.account.years[String(year)]?.points ?? 0;
    lines.push({ figure: 'year_total', year, stored: ranking, computed: want, drift: want - ranking });
    lines.push({ figure: 'account_year', year, stored: inAccount, computed: want, drift: want - inAccount });
  }
  lines.push({
    figure: 'lifetime',
    year: null,
    stored: stored.account.lifetime,
    computed: computed.lifetime,
    drift: computed.lifetime - stored.account.lifetime,
  });
  return lines;
}
