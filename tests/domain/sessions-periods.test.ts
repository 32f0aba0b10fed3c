/** Calendar periods in Asia/Shanghai, as instants: what "this month" and "this quarter" mean at their edges. */
import {
  cadencePeriods,
  daysLeftIn,
  lastDayOf,
  monthLabel,
  monthOf,
  parseMonth,
  quarterLabel,
  quarterOf,
  shanghaiDay,
  shortTime,
  yearOf,
} from '../../server/domain/sessions';

/** An instant given in Beijing time. */
const bj = (text: string) => new Date(`${text}+08:00`);

describe('months, quarters and years are Beijing calendar periods', () => {
  it.each([
    // [instant, month start, quarter start] — all Beijing time.
    ['2026-03-31T23:59:59', '2026-03-01T00:00:00', '2026-01-01T00:00:00'],
    ['2026-04-01T00:00:00', '2026-04-01T00:00:00', '2026-04-01T00:00:00'],
    ['2026-06-30T23:30:00', '2026-06-01T00:00:00', '2026-04-01T00:00:00'],
    ['2026-07-01T00:00:01', '2026-07-01T00:00:00', '2026-07-01T00:00:00'],
    ['2026-12-31T23:59:59', '2026-12-01T00:00:00', '2026-10-01T00:00:00'],
    ['2027-01-01T00:00:00', '2027-01-01T00:00:00', '2027-01-01T00:00:00'],
  ])('%s falls in the month from %s and the quarter from %s', (at, monthStart, quarterStart) => {
    expect(monthOf(bj(at)).start).toEqual(bj(monthStart));
    expect(quarterOf(bj(at)).start).toEqual(bj(quarterStart));
  });

  it('uses Beijing time, not UTC: 16:30 UTC on 31 March is already April and the second quarter', () => {
    const at = new Date('2026-03-31T16:30:00Z');
    expect(monthLabel(at)).toBe('2026年4月');
    expect(quarterLabel(at)).toBe('2026年第二季度');
    // The same instant in UTC terms would still be March.
    expect(at.getUTCMonth()).toBe(2);
  });

  it('has half-open ranges: the first instant of the next month belongs to it alone', () => {
    const march = monthOf(bj('2026-03-15T12:00:00'));
    expect(march.end).toEqual(bj('2026-04-01T00:00:00'));
    expect(monthOf(march.end).start).toEqual(march.end);
    const q1 = quarterOf(bj('2026-02-10T08:00:00'));
    expect(q1).toEqual({ start: bj('2026-01-01T00:00:00'), end: bj('2026-04-01T00:00:00') });
    expect(yearOf(bj('2026-07-01T00:00:00'))).toEqual({
      start: bj('2026-01-01T00:00:00'),
      end: bj('2027-01-01T00:00:00'),
    });
  });

  it('gives the cadence check the three periods containing now', () => {
    const p = cadencePeriods(bj('2026-05-20T10:00:00'));
    expect(p.month).toEqual({ start: bj('2026-05-01T00:00:00'), end: bj('2026-06-01T00:00:00') });
    expect(p.quarter).toEqual({ start: bj('2026-04-01T00:00:00'), end: bj('2026-07-01T00:00:00') });
    expect(p.year.start).toEqual(bj('2026-01-01T00:00:00'));
  });

  it('knows the last day and the days left, today included', () => {
    expect(lastDayOf(monthOf(bj('2028-02-10T00:00:00')))).toBe('2028-02-29');
    expect(lastDayOf(monthOf(bj('2026-02-10T00:00:00')))).toBe('2026-02-28');
    expect(daysLeftIn(monthOf(bj('2026-03-31T23:00:00')), bj('2026-03-31T23:00:00'))).toBe(1);
    expect(daysLeftIn(monthOf(bj('2026-03-01T00:00:00')), bj('2026-03-01T00:00:00'))).toBe(31);
    expect(daysLeftIn(quarterOf(bj('2026-03-31T08:00:00')), bj('2026-03-31T08:00:00'))).toBe(1);
  });

  it('reads YYYY-MM as a Beijing month and refuses what is not one', () => {
    expect(parseMonth('2026-03')).toEqual({ start: bj('2026-03-01T00:00:00'), end: bj('2026-04-01T00:00:00') });
    expect(parseMonth('2026-12')?.end).toEqual(bj('2027-01-01T00:00:00'));
    for (const bad of ['2026-13', '2026-00', '2026-3', 'March']) expect(parseMonth(bad)).toBeNull();
  });

  it('formats days and times in Beijing time', () => {
    expect(shanghaiDay(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(shortTime(bj('2026-03-05T19:30:00'))).toBe('3月5日 19:30');
  });
});
