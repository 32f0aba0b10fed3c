/**
 * The periods the organisation desk reports on (周例会、月报送、季调度, and the year), in
 * Asia/Shanghai. A period is named by a key: `2026-W49` (ISO week, Monday to Sunday, as weeks are
 * counted in China), `2026-12`, `2026-Q4`, `2026`. Figures, rankings and report snapshots all
 * take a key, so "last week" means the same seven days everywhere.
 */
import { shanghaiDay, shanghaiMidnight, shanghaiParts } from '../shanghai-day';
import type { Period } from '../sessions/periods';

import type { ReportPeriodKind } from '../../../typings/areas/desk';

export type { ReportPeriodKind };

export interface ReportPeriod extends Period {
  kind: ReportPeriodKind;
  key: string;
  /** e.g. 2026年第49周（12月1日—12月7日）, 2026年12月, 2026年第四季度, 2026年. */
  label: string;
}

const DAY_MS = 24 * 3600_000;
const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The Monday (Shanghai midnight) that starts ISO week 1 of `year`: the week with 4 January in it. */
function firstIsoMonday(year: number): Date {
  const jan4 = shanghaiMidnight(year, 1, 4);
  const weekday = (new Date(jan4.getTime() + 8 * 3600_000).getUTCDay() + 6) % 7; // Monday 0
  return new Date(jan4.getTime() - weekday * DAY_MS);
}

function isoWeekOf(at: Date): { year: number; week: number } {
  const { year } = shanghaiParts(at);
  for (const y of [year + 1, year, year - 1]) {
    const start = firstIsoMonday(y);
    if (at.getTime() >= start.getTime()) {
      return { year: y, week: Math.floor((at.getTime() - start.getTime()) / (7 * DAY_MS)) + 1 };
    }
  }
  throw new RangeError('isoWeekOf: out of range');
}

const dayLabel = (at: Date) => {
  const p = shanghaiParts(at);
  return `${p.month}月${p.day}日`;
};

function week(year: number, n: number): ReportPeriod {
  const start = new Date(firstIsoMonday(year).getTime() + (n - 1) * 7 * DAY_MS);
  const end = new Date(start.getTime() + 7 * DAY_MS);
  return {
    kind: 'week',
    key: `${year}-W${pad(n)}`,
    start,
    end,
    label: `${year}年第${n}周（${dayLabel(start)}—${dayLabel(new Date(end.getTime() - 1))}）`,
  };
}

const month = (year: number, m: number): ReportPeriod => ({
  kind: 'month',
  key: `${year}-${pad(m)}`,
  start: shanghaiMidnight(year, m),
  end: shanghaiMidnight(year, m + 1),
  label: `${year}年${m}月`,
});

const quarter = (year: number, q: number): ReportPeriod => ({
  kind: 'quarter',
  key: `${year}-Q${q}`,
  start: shanghaiMidnight(year, (q - 1) * 3 + 1),
  end: shanghaiMidnight(year, q * 3 + 1),
  label: `${year}年第${QUARTER_NAMES[q - 1]}季度`,
});

const year = (y: number): ReportPeriod => ({
  kind: 'year',
  key: String(y),
  start: shanghaiMidnight(y, 1),
  end: shanghaiMidnight(y + 1, 1),
  label: `${y}年`,
});

/** The period of `kind` that `at` falls in. */
export function reportPeriodOf(kind: ReportPeriodKind, at: Date): ReportPeriod {
  const p = shanghaiParts(at);
  switch (kind) {
    case 'week': {
      const w = isoWeekOf(at);
      return week(w.year, w.week);
    }
    case 'month':
      return month(p.year, p.month);
    case 'quarter':
      return quarter(p.year, Math.ceil(p.month / 3));
    case 'year':
      return year(p.year);
  }
}

/** A key back to its period; null for anything that is not a real one (2026-W54, 2026-13, 2026-Q5). */
export function parseReportPeriod(key: string): ReportPeriod | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
    const [y, n] = [Number(m[1]), Number(m[2])];
    if (n < 1) return null;
    const candidate = week(y, n);
    return isoWeekOf(candidate.start).year === y ? candidate : null;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const n = Number(m[2]);
    return n >= 1 && n <= 12 ? month(Number(m[1]), n) : null;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return quarter(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})$/.exec(key))) return year(Number(m[1]));
  return null;
}

/** The period before: the comparison a ranking's ↑↓ is made against. */
export function previousReportPeriod(period: ReportPeriod): ReportPeriod {
  return reportPeriodOf(period.kind, new Date(period.start.getTime() - 1));
}

/** Whether the period has ended at `now` (a report is issued only for a closed period). */
export const isClosed = (period: ReportPeriod, now: Date) => period.end.getTime() <= now.getTime();

/** Whether the period has begun at `now` (figures are never asked of a future period). */
export const hasBegun = (period: ReportPeriod, now: Date) => period.start.getTime() <= now.getTime();

/** The first and last calendar days, 'YYYY-MM-DD', for the exported report's heading. */
export function daysOf(period: ReportPeriod): { first: string; last: string } {
  return { first: shanghaiDay(period.start), last: shanghaiDay(new Date(period.end.getTime() - 1)) };
}
