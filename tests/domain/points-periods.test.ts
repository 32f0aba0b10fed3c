/** Points periods are Asia/Shanghai days, months and years, whatever the process time zone. */
import { isDay, noonOf, periodsOf } from '../../server/domain/points/periods';

describe('periodsOf', () => {
  test.each([
    ['2026-03-05T16:00:00Z', { year: 2026, month: '03', day: '03-06', date: '2026-03-06' }],
    ['2026-03-05T15:59:59Z', { year: 2026, month: '03', day: '03-05', date: '2026-03-05' }],
    ['2026-12-31T16:00:00Z', { year: 2027, month: '01', day: '01-01', date: '2027-01-01' }],
    ['2024-02-29T03:00:00Z', { year: 2024, month: '02', day: '02-29', date: '2024-02-29' }],
  ])('%s is %o in Shanghai', (iso, expected) => {
    expect(periodsOf(new Date(iso))).toEqual(expected);
  });

  test('refuses an invalid date', () => {
    expect(() => periodsOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('days', () => {
  test.each([
    ['2026-03-05', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-3-5', false],
    [20260305, false],
  ])('isDay(%p) is %p', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  test('noon of a day is inside that Shanghai day', () => {
    expect(noonOf('2026-01-01').toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(periodsOf(noonOf('2026-12-31')).date).toBe('2026-12-31');
    expect(() => noonOf('2026-02-30')).toThrow(RangeError);
  });
});
