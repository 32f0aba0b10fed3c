import type { PointsCaps, PointsCategory } from '../../../typings/areas/points';
import type { Periods } from './periods';
import { PERIOD_LABELS } from './rules';

/**
 * A member's points account as pure data: lifetime and per-year totals, and how much of each
 * item's caps each day, month and year has used. Stored as one document per member, read and
 * written in the same transaction as every entry, so concurrent awards for a member serialise on
 * it and caps hold.
 */
export interface CapUsage {
  /** Absolute points this year. */
  y: number;
  /** By 'MM'. */
  m: Record<string, number>;
  /** By 'MM-DD'. */
  d: Record<string, number>;
}

export interface YearAccount {
  points: number;
  entries: number;
  byCategory: Partial<Record<PointsCategory, number>>;
  /** By item code with dots written as '~' (stored field names may not contain dots). */
  usage: Record<string, CapUsage>;
}

export interface AccountState {
  lifetime: number;
  entries: number;
  years: Record<string, YearAccount>;
}

export const emptyAccount = (): AccountState => ({ lifetime: 0, entries: 0, years: {} });

/** Field name under which an item's cap usage is kept. */
export const usageKey = (code: string) => code.replace(/\./g, '~');

/** What an award may add under the caps. */
export interface Grant {
  /** Signed points granted (0 when a cap is used up). */
  points: number;
  /** True when a cap reduced the award. */
  capped: boolean;
  /** Chinese: which cap, when one did. */
  reason: string | null;
}

const clone = (a: AccountState): AccountState => JSON.parse(JSON.stringify(a)) as AccountState;

function yearOf(account: AccountState, year: number): YearAccount {
  const key = String(year);
  account.years[key] ??= { points: 0, entries: 0, byCategory: {}, usage: {} };
  return account.years[key]!;
}

/**
 * How many of `requested` points (signed) the caps still allow for an act in `periods`. Caps
 * bound the absolute points per period, so they limit deductions the same way.
 */
export function grantUnderCaps(
  account: AccountState,
  code: string,
  caps: PointsCaps,
  requested: number,
  periods: Periods,
): Grant {
  const used = account.years[String(periods.year)]?.usage[usageKey(code)];
  const wanted = Math.abs(requested);
  let room = wanted;
  let binding: keyof PointsCaps | null = null;
  const consider = (period: keyof PointsCaps, cap: number | null, usedSoFar: number) => {
    if (cap === null) return;
    const left = Math.max(0, cap - usedSoFar);
    if (left < room) {
      room = left;
      binding = period;
    }
  };
  consider('day', caps.day, used?.d[periods.day] ?? 0);
  consider('month', caps.month, used?.m[periods.month] ?? 0);
  consider('year', caps.year, used?.y ?? 0);
  if (binding === null) return { points: requested, capped: false, reason: null };
  const label = PERIOD_LABELS[binding];
  const reason =
    room === 0 ? `已达该项目${label}积分上限，本次不计分` : `已接近该项目${label}积分上限，本次按 ${room} 分计`;
  // Never -0: a used-up deduction cap grants plain 0.
  return { points: room === 0 ? 0 : Math.sign(requested) * room, capped: true, reason };
}

/** The account after an entry of `points` (signed, non-zero) for an item in `periods`. */
export function withEntry(
  account: AccountState,
  entry: { code: string; category: PointsCategory; points: number; periods: Periods },
): AccountState {
  const next = clone(account);
  const year = yearOf(next, entry.periods.year);
  const key = usageKey(entry.code);
  const usage = (year.usage[key] ??= { y: 0, m: {}, d: {} });
  const abs = Math.abs(entry.points);
  usage.y += abs;
  usage.m[entry.periods.month] = (usage.m[entry.periods.month] ?? 0) + abs;
  usage.d[entry.periods.day] = (usage.d[entry.periods.day] ?? 0) + abs;
  year.points += entry.points;
  year.entries += 1;
  year.byCategory[entry.category] = (year.byCategory[entry.category] ?? 0) + entry.points;
  next.lifetime += entry.points;
  next.entries += 1;
  return next;
}

/**
 * The account after reversing an entry: its points leave the totals, and the cap room it used is
 * released (the act is treated as not having earned anything). The reversal counts as an entry.
 */
export function withReversal(
  account: AccountState,
  original: { code: string; category: PointsCategory; points: number; periods: Periods },
): AccountState {
  const next = clone(account);
  const year = yearOf(next, original.periods.year);
  const usage = year.usage[usageKey(original.code)];
  const abs = Math.abs(original.points);
  if (usage) {
    usage.y = Math.max(0, usage.y - abs);
    const m = original.periods.month;
    const d = original.periods.day;
    if (usage.m[m] !== undefined) usage.m[m] = Math.max(0, usage.m[m]! - abs);
    if (usage.d[d] !== undefined) usage.d[d] = Math.max(0, usage.d[d]! - abs);
  }
  year.points -= original.points;
  year.entries += 1;
  year.byCategory[original.category] = (year.byCategory[original.category] ?? 0) - original.points;
  next.lifetime -= original.points;
  next.entries += 1;
  return next;
}
