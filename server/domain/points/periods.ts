/**
 * Periods of the points caps, in Asia/Shanghai whatever the server's zone: an act at 23:30 on
 * 31 December in Xiamen counts towards that day, month and year.
 */

import { shanghaiDay } from '../shanghai-day';

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

/** The Asia/Shanghai day, month and year of an instant. */
export function periodsOf(at: Date): Periods {
  if (Number.isNaN(at.getTime())) throw new RangeError('periodsOf: invalid date');
  const date = shanghaiDay(at);
  return { year: Number(date.slice(0, 4)), month: date.slice(5, 7), day: date.slice(5), date };
}
