/**
 * Beijing time for every page, whatever the phone's own time zone: the one place the mini-program
 * turns an instant into a Shanghai calendar day, month or clock time. Asia/Shanghai is UTC+8 all
 * year (no daylight saving since 1991), so a fixed offset is exact and needs neither dayjs nor
 * Intl time-zone data (which not every WeChat runtime carries). The server reckons the same way
 * (server/domain/shanghai-day.ts).
 */

const OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing calendar and clock of an instant; month 1–12, weekday in Chinese (日, 一 … 六). */
export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: string;
}

/** The Beijing calendar and clock of an instant (a Date or epoch milliseconds). */
export function shanghaiParts(at: Date | number): ShanghaiParts {
  const d = new Date((typeof at === 'number' ? at : at.getTime()) + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: WEEKDAYS[d.getUTCDay()]!,
  };
}

/** The Beijing parts of a time the backend sent as text (ISO); null when it does not parse. */
export function partsOfIso(iso: string | null | undefined): ShanghaiParts | null {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? null : shanghaiParts(ms);
}

/** The calendar day in Beijing, YYYY-MM-DD, as the server reckons it. */
export function shanghaiDay(at: Date | number = Date.now()): string {
  return new Date((typeof at === 'number' ? at : at.getTime()) + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` in Asia/Shanghai (0 on the same day). */
export function shanghaiDaysBetween(from: Date | number, to: Date | number = Date.now()): number {
  const dayNumber = (at: Date | number) => Date.parse(`${shanghaiDay(at)}T00:00:00Z`) / 86_400_000;
  return dayNumber(to) - dayNumber(from);
}

/** The month in Beijing, YYYY-MM. */
export function shanghaiMonth(at: Date | number = Date.now()): string {
  return shanghaiDay(at).slice(0, 7);
}

/** The Beijing month of a time the backend sent as text (ISO), YYYY-MM; '' when it does not parse. */
export function monthOfIso(iso: string | null | undefined): string {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? '' : shanghaiMonth(ms);
}

/** 'HH:mm' of the parts. */
export function clockText(p: Pick<ShanghaiParts, 'hour' | 'minute'>): string {
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A chosen day as every page writes it: '12月6日（周日）', with the year in front when it is not
 * this year. `day` is 'YYYY-MM-DD' (what a date picker gives); anything else is shown as it is.
 */
export function pickedDayText(day: string, now: Date | number = Date.now()): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const p = shanghaiParts(Date.parse(`${day}T12:00:00+08:00`));
  const year = String(p.year) === shanghaiDay(now).slice(0, 4) ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日（周${p.weekday}）`;
}

/**
 * A day the backend sent, as every page writes it: '2024-05-01T02:00:00.000Z' or '2024-05-01' →
 * '2024年5月1日' (the Beijing day, not the UTC one); '' for an empty or unreadable value.
 */
export function dayTextOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[1]}年${Number(plain[2])}月${Number(plain[3])}日`;
  const p = partsOfIso(iso);
  return p ? chineseDay(p) : '';
}

/** '2026年3月5日' of the parts. */
export function chineseDay(p: Pick<ShanghaiParts, 'year' | 'month' | 'day'>): string {
  return `${p.year}年${p.month}月${p.day}日`;
}
