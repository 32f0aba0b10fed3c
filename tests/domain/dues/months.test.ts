import {
  addMonths,
  compareMonths,
  isMonth,
  monthOf,
  monthRange,
  monthsBetween,
  yearOfMonth,
} from '../../../server/domain/dues';

describe('monthOf counts months in Asia/Shanghai', () => {
  it.each([
    ['2025-12-31T15:59:59.999Z', '2025-12'], // 23:59:59.999 on 31 Dec in Shanghai
    ['2025-12-31T16:00:00.000Z', '2026-01'], // midnight on 1 Jan in Shanghai, still 2025 in UTC
    ['2026-02-28T16:00:00.000Z', '2026-03'],
    ['2026-06-15T04:00:00.000Z', '2026-06'],
  ])('%s → %s', (iso, month) => {
    expect(monthOf(new Date(iso))).toBe(month);
    expect(monthOf(Date.parse(iso))).toBe(month);
  });

  it('takes another zone when asked', () => {
    expect(monthOf(new Date('2025-12-31T16:00:00.000Z'), 'UTC')).toBe('2025-12');
  });

  it('refuses an invalid date', () => {
    expect(() => monthOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2026-01', 0, '2026-01'],
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-01', 6, '2026-07'],
    ['2026-01', -6, '2025-07'],
    ['2026-01', 13, '2027-02'],
    ['2026-01', -13, '2024-12'],
    ['2026-01', 24, '2028-01'],
  ])('addMonths(%s, %i) = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it.each([
    ['2025-11', '2026-02', 3],
    ['2026-02', '2025-11', -3],
    ['2026-03', '2026-03', 0],
    ['2024-12', '2026-01', 13],
  ])('monthsBetween(%s, %s) = %i', (from, to, n) => {
    expect(monthsBetween(from, to)).toBe(n);
  });

  it('compares and sorts across years', () => {
    expect(compareMonths('2025-12', '2026-01')).toBe(-1);
    expect(compareMonths('2026-01', '2026-01')).toBe(0);
    expect(compareMonths('2026-10', '2026-09')).toBe(1);
    expect(['2026-10', '2025-12', '2026-02'].sort(compareMonths)).toEqual(['2025-12', '2026-02', '2026-10']);
  });

  it('lists ranges across a year end, inclusive', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthRange('2026-03', '2026-02')).toEqual([]);
    expect(yearOfMonth('2026-12')).toBe(2026);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '', ' 2026-01'])('rejects %p', (bad) => {
    expect(isMonth(bad)).toBe(false);
    expect(() => addMonths(bad, 1)).toThrow(RangeError);
  });

  it('refuses a non-integer step', () => {
    expect(() => addMonths('2026-01', 1.5)).toThrow(RangeError);
  });
});
