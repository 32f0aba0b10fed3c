/** The desk's report periods (server/domain/desk/periods.ts): keys, labels and bounds in Asia/Shanghai. */
import {
  daysOf,
  hasBegun,
  isClosed,
  parseReportPeriod,
  previousReportPeriod,
  reportPeriodOf,
} from '../../server/domain/desk/periods';

const at = (s: string) => new Date(s);

describe('weeks', () => {
  test('run Monday to Sunday in Beijing time, numbered as ISO weeks', () => {
    const w = reportPeriodOf('week', at('2026-12-03T10:00:00+08:00'));
    expect(w.key).toBe('2026-W49');
    expect(daysOf(w)).toEqual({ first: '2026-11-30', last: '2026-12-06' });
    expect(w.label).toBe('2026年第49周（11月30日—12月6日）');
    // 00:30 on Monday in Shanghai is still Sunday in UTC: it belongs to the new week.
    expect(reportPeriodOf('week', at('2026-12-07T00:30:00+08:00')).key).toBe('2026-W50');
    expect(reportPeriodOf('week', at('2026-12-06T23:59:00+08:00')).key).toBe('2026-W49');
  });

  test('the first days of January may belong to the last week of the year before, and the reverse', () => {
    expect(reportPeriodOf('week', at('2027-01-01T09:00:00+08:00')).key).toBe('2026-W53');
    expect(reportPeriodOf('week', at('2025-12-30T09:00:00+08:00')).key).toBe('2026-W01');
    expect(parseReportPeriod('2026-W53')).not.toBeNull();
    expect(parseReportPeriod('2025-W53')).toBeNull();
  });
});

describe('months, quarters and years', () => {
  test('begin at Beijing midnight', () => {
    const q = reportPeriodOf('quarter', at('2026-12-31T23:30:00+08:00'));
    expect(q).toMatchObject({ key: '2026-Q4', label: '2026年第四季度' });
    expect(reportPeriodOf('quarter', at('2026-12-31T16:30:00Z')).key).toBe('2027-Q1');
    expect(reportPeriodOf('month', at('2026-11-30T16:00:00Z'))).toMatchObject({ key: '2026-12', label: '2026年12月' });
    expect(daysOf(reportPeriodOf('year', at('2026-06-01T00:00:00+08:00')))).toEqual({
      first: '2026-01-01',
      last: '2026-12-31',
    });
  });
});

describe('keys', () => {
  test('parse back to the same period, and anything else is refused', () => {
    for (const key of ['2026-W01', '2026-W49', '2026-02', '2026-Q1', '2026']) {
      expect(parseReportPeriod(key)?.key).toBe(key);
    }
    for (const bad of ['2026-W00', '2026-W54', '2026-13', '2026-00', '2026-Q5', '26-01', '2026-1', '']) {
      expect(parseReportPeriod(bad)).toBeNull();
    }
  });

  test('the previous period crosses years, and closed/begun are judged at the end and the start', () => {
    expect(previousReportPeriod(parseReportPeriod('2026-W01')!).key).toBe('2025-W52');
    expect(previousReportPeriod(parseReportPeriod('2026-01')!).key).toBe('2025-12');
    expect(previousReportPeriod(parseReportPeriod('2026-Q1')!).key).toBe('2025-Q4');
    const december = parseReportPeriod('2026-12')!;
    expect(isClosed(december, at('2026-12-31T23:59:59+08:00'))).toBe(false);
    expect(isClosed(december, at('2027-01-01T00:00:00+08:00'))).toBe(true);
    expect(hasBegun(december, at('2026-11-30T23:59:59+08:00'))).toBe(false);
  });
});
