/**
 * The wall clock of a test, set to a time of day in Asia/Shanghai so that a behaviour that
 * depends on the hour is tested at that hour, not whenever CI happens to run. Only `Date` is
 * faked; it keeps advancing with real time, so timers, I/O and the emulator work as usual.
 */

import { shanghaiDay } from '../../server/domain/shanghai-day';

const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * The instant `hh:mm` Asia/Shanghai on `day` ('YYYY-MM-DD'). By default today's Shanghai day, so
 * that data the suite made with the real clock (the seed, the test cloud) is not in the future.
 */
export function shanghaiInstant(time: string, day = shanghaiDay(new Date())): Date {
  const at = new Date(`${day}T${time}:00+08:00`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a time: ${day} ${time}`);
  return at;
}

/** From now on, `new Date()` and `Date.now()` read `hh:mm` Shanghai time (then run on). */
export function setShanghaiClock(time: string, day?: string): void {
  setClock(shanghaiInstant(time, day));
}

/** From now on, `new Date()` and `Date.now()` start at `at` (then run on). */
export function setClock(at: Date): void {
  jest.useFakeTimers({ now: at, advanceTimers: true, doNotFake: [...REAL_TIMERS] });
}

/** Back to the real clock. */
export function restoreClock(): void {
  jest.useRealTimers();
}

/** The times of day at which day-level rules are checked: just after midnight, either side of noon, just before midnight. */
export const TIMES_OF_DAY = ['00:30', '11:59', '12:01', '23:59'] as const;
