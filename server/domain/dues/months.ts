/**
 * Months as 'YYYY-MM' strings (they sort as text), counted in Asia/Shanghai, where dues are owed.
 * Arithmetic goes through a month index (year × 12 + month − 1), never through Date.
 */
import { shanghaiMonth } from '../shanghai-day';

/** The time zone in which a dues month begins and ends. */
export const DUES_TIME_ZONE = 'Asia/Shanghai';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed 'YYYY-MM' (month 01–12), since months arrive from requests and storage. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

function monthIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a 'YYYY-MM' month: ${String(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function fromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`month out of range: year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The dues month an instant falls in, in Asia/Shanghai by default (not the server's zone), through
 * the one time module; another IANA zone, when asked for, through Intl.
 */
export function monthOf(date: Date | number, timeZone: string = DUES_TIME_ZONE): string {
  const instant = typeof date === 'number' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) throw new RangeError('monthOf: invalid date');
  if (timeZone === DUES_TIME_ZONE) return shanghaiMonth(instant);
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return fromIndex(year * 12 + month - 1);
}

/** The month n months after (n < 0: before) the given one, across year ends. */
export function addMonths(month: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addMonths: not an integer: ${n}`);
  return fromIndex(monthIndex(month) + n);
}

/** Signed number of months from `from` to `to`: monthsBetween('2025-11', '2026-02') = 3. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Comparator for months (−1, 0, 1), usable with Array.prototype.sort. */
export function compareMonths(a: string, b: string): -1 | 0 | 1 {
  const d = monthIndex(a) - monthIndex(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const months: string[] = [];
  for (let i = start; i <= end; i += 1) months.push(fromIndex(i));
  return months;
}

/** The calendar year of a month, the period over which an amount is fixed. */
export function yearOfMonth(month: string): number {
  return Math.floor(monthIndex(month) / 12);
}
