/** Asia/Shanghai calendar days, and the instant stored for an act known only by its day. */
import {
  instantOfDay,
  isDay,
  parseShanghaiStamp,
  shanghaiDay,
  shanghaiMidnight,
  shanghaiMonth,
  shanghaiParts,
  shanghaiStamp,
} from '../../server/domain/shanghai-day';

describe('isDay', () => {
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
});

describe('shanghaiDay', () => {
  test.each([
    ['2026-03-05T15:59:59.999Z', '2026-03-05'],
    ['2026-03-05T16:00:00.000Z', '2026-03-06'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (iso, day) => {
    expect(shanghaiDay(new Date(iso))).toBe(day);
  });
});

describe('instantOfDay', () => {
  // 00:30, 11:59, 12:01 and 23:59 on 2 December 2026 in Asia/Shanghai.
  const moments = ['2026-12-01T16:30:00Z', '2026-12-02T03:59:00Z', '2026-12-02T04:01:00Z', '2026-12-02T15:59:00Z'];

  test.each(moments)('today, recorded at %s, is dated at the moment of recording', (iso) => {
    const now = new Date(iso);
    expect(instantOfDay('2026-12-02', now).getTime()).toBe(now.getTime());
  });

  test.each(moments)('a past day, recorded at %s, is dated noon of that day and before now', (iso) => {
    const now = new Date(iso);
    const at = instantOfDay('2026-12-01', now);
    expect(at.toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(shanghaiDay(at)).toBe('2026-12-01');
    expect(at.getTime()).toBeLessThan(now.getTime());
  });

  test.each(moments)('tomorrow, or a day that does not exist, is refused at %s', (iso) => {
    const now = new Date(iso);
    expect(() => instantOfDay('2026-12-03', now)).toThrow(RangeError);
    expect(() => instantOfDay('2026-02-30', now)).toThrow(RangeError);
  });
});

describe('months, clock parts and WeChat Pay stamps on the Shanghai wall clock', () => {
  test.each([
    ['2025-12-31T15:59:59.000Z', '2025-12', '20251231235959', { year: 2025, month: 12, day: 31, hour: 23, minute: 59 }],
    ['2025-12-31T16:00:00.000Z', '2026-01', '20260101000000', { year: 2026, month: 1, day: 1, hour: 0, minute: 0 }],
  ])('%s', (iso, month, stamp, parts) => {
    const at = new Date(iso);
    expect(shanghaiMonth(at)).toBe(month);
    expect(shanghaiStamp(at)).toBe(stamp);
    expect(parseShanghaiStamp(stamp)).toEqual(at);
    expect(shanghaiParts(at)).toEqual(parts);
  });

  test('midnight of a Shanghai day is 16:00 UTC the day before; months past 12 roll over', () => {
    expect(shanghaiMidnight(2026, 3, 5).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(shanghaiMidnight(2026, 13).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  test('what is not a stamp or a date is refused', () => {
    expect(parseShanghaiStamp('2026-01-01')).toBeNull();
    expect(parseShanghaiStamp(undefined)).toBeNull();
    expect(() => shanghaiMonth(new Date('nope'))).toThrow(RangeError);
  });
});
