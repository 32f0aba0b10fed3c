/** utils/shanghai-time.ts: Beijing days, months and clock times whatever the phone's zone. */
import {
  chineseDay,
  clockText,
  monthOfIso,
  partsOfIso,
  shanghaiDay,
  shanghaiDaysBetween,
  pickedDayText,
  dayTextOf,
  shanghaiMonth,
  shanghaiParts,
} from '../../miniprogram/utils/shanghai-time';

test.each([
  ['2025-12-31T15:59:59.999Z', '2025-12-31', '2025-12', '23:59'],
  ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-01', '00:00'],
  ['2026-03-01T00:30:00.000Z', '2026-03-01', '2026-03', '08:30'],
])('%s is %s (%s) at %s in Beijing', (iso, day, month, clock) => {
  const at = new Date(iso);
  expect(shanghaiDay(at)).toBe(day);
  expect(shanghaiDay(at.getTime())).toBe(day);
  expect(shanghaiMonth(at)).toBe(month);
  expect(monthOfIso(iso)).toBe(month);
  expect(clockText(shanghaiParts(at))).toBe(clock);
});

test('parts carry the Chinese weekday, and read as a Chinese day', () => {
  const p = partsOfIso('2026-03-05T11:30:00.000Z')!;
  expect(p).toEqual({ year: 2026, month: 3, day: 5, hour: 19, minute: 30, weekday: '四' });
  expect(chineseDay(p)).toBe('2026年3月5日');
});

test('text that is not a time gives null parts and an empty month', () => {
  expect(partsOfIso('not a time')).toBeNull();
  expect(partsOfIso(null)).toBeNull();
  expect(monthOfIso(undefined)).toBe('');
});

test.each([
  ['2026-12-03T15:59:00.000Z', '2026-12-03T16:01:00.000Z', 1], // 23:59 → 00:01 in Beijing: the next day
  ['2026-12-03T16:01:00.000Z', '2026-12-04T15:59:00.000Z', 0], // the same Beijing day
  ['2026-11-19T02:00:00.000Z', '2026-12-04T02:00:00.000Z', 15],
])('from %s to %s is %i days in Beijing', (from, to, days) => {
  expect(shanghaiDaysBetween(new Date(from), new Date(to))).toBe(days);
});

test.each([
  ['2026-12-06', '12月6日（周日）'],
  ['2026-12-04', '12月4日（周五）'],
  ['2027-01-01', '2027年1月1日（周五）'],
  ['', ''],
])('a picked day %s reads %s', (day, text) => {
  expect(pickedDayText(day, new Date('2026-12-04T10:00:00+08:00'))).toBe(text);
});

test.each([
  ['2026-11-30T17:00:00.000Z', '2026年12月1日'], // 01:00 in Beijing: already the next day
  ['2026-12-01T15:59:00.000Z', '2026年12月1日'],
  ['2024-05-01', '2024年5月1日'],
  ['', ''],
  ['not a day', ''],
])('the day of %s reads %s', (iso, text) => {
  expect(dayTextOf(iso)).toBe(text);
});
