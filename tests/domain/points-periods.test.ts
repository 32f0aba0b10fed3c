/** Points periods are Asia/Shanghai days, months and years, whatever the process time zone. */
import { periodsOf } from '../../server/domain/points/periods';

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
