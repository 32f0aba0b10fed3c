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
