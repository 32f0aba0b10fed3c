/**
 * The server's one time module: calendar days, months and clock times in Asia/Shanghai, whatever
 * the process's zone. Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed
 * offset is exact; no dayjs and no Intl time-zone data. The mini-program reckons the same way
 * (miniprogram/utils/shanghai-time.ts).
 */

/** Asia/Shanghai's offset from UTC, all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar day written 'YYYY-MM-DD' (no 31 April, 29 February only in leap years). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The instant shifted so that its UTC fields read as the Shanghai wall clock. */
function shifted(at: Date, what: string): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError(`${what}: invalid date`);
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS);
}

/** Year, month (1–12), day, hour and minute of an instant on the Shanghai wall clock. */
export function shanghaiParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = shifted(at, 'shanghaiParts');
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The calendar day of an instant in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiDay(at: Date): string {
  return shifted(at, 'shanghaiDay').toISOString().slice(0, 10);
}

/** The calendar month of an instant in Asia/Shanghai, 'YYYY-MM'. */
export function shanghaiMonth(at: Date): string {
  return shifted(at, 'shanghaiMonth').toISOString().slice(0, 7);
}

/** 'yyyyMMddHHmmss' on the Shanghai wall clock, as WeChat Pay writes times. */
export function shanghaiStamp(at: Date): string {
  return shifted(at, 'shanghaiStamp').toISOString().replace(/\D/g, '').slice(0, 14);
}

/** 'yyyyMMddHHmmss' on the Shanghai wall clock → the instant; null when it is not one. */
export function parseShanghaiStamp(value: string | null | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Midnight in Shanghai of a calendar day; months past 12 (or days past the month's end) roll over. */
export function shanghaiMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

/**
 * The instant stored for an act known only by its Asia/Shanghai day ('YYYY-MM-DD'), recorded at
 * `now`: today's act is dated when it is recorded, a past day's at noon (inside that day in every
 * zone's reading of it). Never later than `now`, so a record is never dated after it was made.
 */
export function instantOfDay(day: string, now: Date): Date {
  const today = shanghaiDay(now);
  if (!isDay(day) || day > today) throw new RangeError(`not a day up to today: ${day}`);
  return day === today ? new Date(now.getTime()) : new Date(`${day}T12:00:00+08:00`);
}

/** Whole calendar days in Asia/Shanghai from one instant to another (0 on the same day; never negative). */
export function shanghaiDaysBetween(from: Date, to: Date): number {
  const dayNumber = (at: Date) => Math.floor(shifted(at, 'shanghaiDaysBetween').getTime() / 86_400_000);
  return Math.max(0, dayNumber(to) - dayNumber(from));
}
