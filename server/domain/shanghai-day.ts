const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar day written 'YYYY-MM-DD' (no 31 April, 29 February only in leap years). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The calendar day of an instant in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991), 'YYYY-MM-DD'. */
export function shanghaiDay(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('shanghaiDay: invalid date');
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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
