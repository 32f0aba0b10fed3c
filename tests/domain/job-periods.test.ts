/** The scheduler's periods (server/domain/jobs/periods.ts), in Asia/Shanghai. */
import { duePeriods, periodKey, previousPeriod, runIdOf } from '../../server/domain/jobs/periods';

describe('a period key', () => {
  test('a month is the Beijing month: 00:30 on the 1st in Shanghai is still the 30th in UTC', () => {
    expect(periodKey('month', new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(periodKey('month', new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });

  test('a ten-minute slot is named by its Beijing start', () => {
    expect(periodKey('tenMinutes', new Date('2026-12-03T01:15:42Z'))).toBe('2026-12-03T09:10');
    expect(periodKey('tenMinutes', new Date('2026-12-03T01:20:00Z'))).toBe('2026-12-03T09:20');
    expect(periodKey('tenMinutes', new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31T23:50');
  });
});

describe('the period before', () => {
  test('crosses a year for months, and midnight for slots', () => {
    expect(previousPeriod('month', '2027-01')).toBe('2026-12');
    expect(previousPeriod('tenMinutes', '2027-01-01T00:00')).toBe('2026-12-31T23:50');
    expect(previousPeriod('tenMinutes', '2026-12-03T09:10')).toBe('2026-12-03T09:00');
  });
});

describe('the periods due now', () => {
  test('are the current one and the ones to catch up, oldest first', () => {
    const now = new Date('2027-01-01T00:05:00+08:00');
    expect(duePeriods('month', now, 2)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(duePeriods('tenMinutes', now, 0)).toEqual(['2027-01-01T00:00']);
  });

  test('a run is named by job and period, so the same period is the same run', () => {
    expect(runIdOf('dues.month-records', '2026-12')).toBe('dues.month-records@2026-12');
  });
});

describe('hours, days, weeks and quarters', () => {
  test('are named in Beijing time, as the desk names its report periods', () => {
    const at = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 in Shanghai, a Friday
    expect(periodKey('hour', at)).toBe('2027-01-01T00');
    expect(periodKey('day', at)).toBe('2027-01-01');
    expect(periodKey('week', at)).toBe('2026-W53');
    expect(periodKey('quarter', at)).toBe('2027-Q1');
  });

  test('the period before crosses midnight, a year and a quarter', () => {
    expect(previousPeriod('hour', '2027-01-01T00')).toBe('2026-12-31T23');
    expect(previousPeriod('day', '2027-01-01')).toBe('2026-12-31');
    expect(previousPeriod('week', '2027-W01')).toBe('2026-W53');
    expect(previousPeriod('quarter', '2027-Q1')).toBe('2026-Q4');
  });

  test('a key of another kind is refused rather than misread', () => {
    expect(() => previousPeriod('quarter', '2026-12')).toThrow(RangeError);
  });
});
