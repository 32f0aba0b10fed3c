/**
 * The periods a scheduled job runs once in, in Asia/Shanghai, and which of them are due now.
 * A run is identified by job and period (`dues.month-records@2026-12`), so two timer ticks in the
 * same period, or a retried tick, find the same run instead of making a second one.
 */
import { addMonths, monthOf } from '../dues/months';
import { SHANGHAI_OFFSET_MS } from '../shanghai-day';

export type PeriodKind = 'month' | 'tenMinutes';

const TEN_MINUTES_MS = 10 * 60_000;

/** The key of the period `at` falls in: `2026-12` for a month, `2026-12-03T09:10` for a ten-minute slot. */
export function periodKey(kind: PeriodKind, at: Date): string {
  if (kind === 'month') return monthOf(at);
  const slot = Math.floor(at.getTime() / TEN_MINUTES_MS) * TEN_MINUTES_MS;
  return new Date(slot + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** The period before `key`. */
export function previousPeriod(kind: PeriodKind, key: string): string {
  if (kind === 'month') return addMonths(key, -1);
  const start = Date.parse(`${key}:00.000Z`) - SHANGHAI_OFFSET_MS;
  return periodKey(kind, new Date(start - TEN_MINUTES_MS));
}

/**
 * The periods to run now, oldest first: the current one and up to `catchUp` before it, so a tick
 * that never came (the function was down, the platform skipped it) is made good by the next one.
 */
export function duePeriods(kind: PeriodKind, now: Date, catchUp: number): string[] {
  const keys = [periodKey(kind, now)];
  for (let i = 0; i < catchUp; i += 1) keys.unshift(previousPeriod(kind, keys[0]!));
  return keys;
}

/** The run's id: one per job and period. */
export const runIdOf = (jobId: string, period: string) => `${jobId}@${period}`;
