/**
 * Periods of the points caps, in Asia/Shanghai whatever the server's zone: an act at 23:30 on
 * 31 December in Xiamen counts towards that day, month and year.
 */

/** The zone in which points days, months and years begin and end. */
export const POINTS_TIME_ZONE = 'Asia/Shanghai';

/** The day, month and year an instant falls in. */
export interface Periods {
  year: number;
  /** 'MM' within the year */
  month: string;
  /** 'MM-DD' within the year */
  day: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

const DAY_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dayFormatter = new Intl.DateTimeFormat('sv-SE', { timeZone: POINTS_TIME_ZONE });

/** True for a real calendar day written 'YYYY-MM-DD' (no 31 April, 29 February only in leap years). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The Asia/Shanghai day, month and year of an instant. */
export function periodsOf(at: Date): Periods {
  if (Number.isNaN(at.getTime())) throw new RangeError('periodsOf: invalid date');
  const date = dayFormatter.format(at);
  return { year: Number(date.slice(0, 4)), month: date.slice(5, 7), day: date.slice(5), date };
}

/**
 * Noon in Asia/Shanghai of a 'YYYY-MM-DD' day: the instant stored for acts known only by their
 * date (claims, manual awards), safely inside that day in every zone's reading of it.
 */
export function noonOf(day: string): Date {
  if (!isDay(day)) throw new RangeError(`not a 'YYYY-MM-DD' day: ${day}`);
  return new Date(`${day}T12:00:00+08:00`);
}
