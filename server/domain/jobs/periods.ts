/**
 * The periods a scheduled job runs once in, in Asia/Shanghai, and which of them are due now.
 * A run is identified by job and period (`dues.month-records@2026-12`), so two timer ticks in the
 * same period, or a retried tick, find the same run instead of making a second one. Weeks, months
 * and quarters are the desk's report periods (`2026-W49`, `2026-12`, `2026-Q4`), so a job that
 * closes a period names it exactly as the reports do.
 */
import { parseReportPeriod, previousReportPeriod, reportPeriodOf } from '../desk/periods';
import { SHANGHAI_OFFSET_MS } from '../shanghai-day';

export type PeriodKind = 'tenMinutes' | 'hour' | 'day' | 'week' | 'month' | 'quarter';

/** Slots of fixed length, named by their Beijing start (`2026-12-03T09:10`, `2026-12-03T09`, `2026-12-03`). */
const SLOTS = {
  tenMinutes: { ms: 10 * 60_000, chars: 16 },
  hour: { ms: 3600_000, chars: 13 },
  day: { ms: 24 * 3600_000, chars: 10 },
} as const;

type SlotKind = keyof typeof SLOTS;
const isSlot = (kind: PeriodKind): kind is SlotKind => kind in SLOTS;

function slotStart(kind: SlotKind, at: Date): number {
  const { ms } = SLOTS[kind];
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / ms) * ms - SHANGHAI_OFFSET_MS;
}

const slotKey = (kind: SlotKind, start: number) =>
  new Date(start + SHANGHAI_OFFSET_MS).toISOString().slice(0, SLOTS[kind].chars);

/** The key of the period `at` falls in. */
export function periodKey(kind: PeriodKind, at: Date): string {
  if (isSlot(kind)) return slotKey(kind, slotStart(kind, at));
  return reportPeriodOf(kind, at).key;
}

/** The period before `key`. */
export function previousPeriod(kind: PeriodKind, key: string): string {
  if (isSlot(kind)) {
    const iso = kind === 'hour' ? `${key}:00` : kind === 'day' ? `${key}T00:00` : key;
    const start = Date.parse(`${iso}:00.000Z`) - SHANGHAI_OFFSET_MS;
    return slotKey(kind, start - SLOTS[kind].ms);
  }
  const period = parseReportPeriod(key);
  if (!period || period.kind !== kind) throw new RangeError(`previousPeriod: ${key} is not a ${kind}`);
  return previousReportPeriod(period).key;
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
