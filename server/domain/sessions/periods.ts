/**
 * Calendar periods in Asia/Shanghai (UTC+8 all year, no daylight saving), as instants. A session
 * at 23:30 on 31 March Beijing time belongs to March and to the first quarter, whatever the
 * server's own time zone.
 */

import { shanghaiDay, shanghaiMidnight, shanghaiParts } from '../shanghai-day';

const DAY_MS = 24 * 3600 * 1000;

/** A half-open range of instants [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

/** Year, month (1–12) and day of an instant in Beijing time. */
export function shanghaiDate(at: Date): { year: number; month: number; day: number } {
  const { year, month, day } = shanghaiParts(at);
  return { year, month, day };
}

/** Midnight Beijing time of a calendar day; months past 12 roll into the next year. */
export { shanghaiMidnight };

export function monthOf(at: Date): Period {
  const { year, month } = shanghaiDate(at);
  return { start: shanghaiMidnight(year, month), end: shanghaiMidnight(year, month + 1) };
}

/** 1–4. */
export function quarterNumber(at: Date): number {
  return Math.ceil(shanghaiDate(at).month / 3);
}

export function quarterOf(at: Date): Period {
  const { year } = shanghaiDate(at);
  const first = (quarterNumber(at) - 1) * 3 + 1;
  return { start: shanghaiMidnight(year, first), end: shanghaiMidnight(year, first + 3) };
}

export function yearOf(at: Date): Period {
  const { year } = shanghaiDate(at);
  return { start: shanghaiMidnight(year, 1), end: shanghaiMidnight(year + 1, 1) };
}

/** 'YYYY-MM' → that month in Beijing time; null when not a real month. */
export function parseMonth(text: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { start: shanghaiMidnight(year, month), end: shanghaiMidnight(year, month + 1) };
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

export function monthLabel(at: Date): string {
  const { year, month } = shanghaiDate(at);
  return `${year}年${month}月`;
}

export function quarterLabel(at: Date): string {
  return `${shanghaiDate(at).year}年第${QUARTER_NAMES[quarterNumber(at) - 1]}季度`;
}

export function yearLabel(at: Date): string {
  return `${shanghaiDate(at).year}年`;
}

/** YYYY-MM-DD of an instant in Beijing time (one definition for every area). */
export { shanghaiDay };

/** The last calendar day of a period, YYYY-MM-DD. */
export function lastDayOf(period: Period): string {
  return shanghaiDay(new Date(period.end.getTime() - 1));
}

/** Calendar days from today to the period's last day, today included (1 on the last day). */
export function daysLeftIn(period: Period, now: Date): number {
  const { year, month, day } = shanghaiDate(now);
  const today = shanghaiMidnight(year, month, day);
  return Math.max(0, Math.round((period.end.getTime() - today.getTime()) / DAY_MS));
}

/** '3月5日 19:30' in Beijing time, for notes shown to members. */
export function shortTime(at: Date): string {
  const p = shanghaiParts(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}
