/** The caps table: day, month and year caps in Asia/Shanghai, partial grants, deductions, reversals. */
import {
  emptyAccount,
  grantUnderCaps,
  withEntry,
  withReversal,
  type AccountState,
} from '../../server/domain/points/account';
import { periodsOf } from '../../server/domain/points/periods';
import type { PointsCaps } from '../../typings/areas/points';

const caps = (day: number | null, month: number | null, year: number | null): PointsCaps => ({ day, month, year });

/** Award `points` for `code` at each instant in turn, as the ledger would; returns what each got. */
function run(code: string, c: PointsCaps, points: number, instants: string[], start: AccountState = emptyAccount()) {
  let account = start;
  const granted: number[] = [];
  for (const at of instants) {
    const periods = periodsOf(new Date(at));
    const grant = grantUnderCaps(account, code, c, points, periods);
    granted.push(grant.points);
    if (grant.points !== 0) account = withEntry(account, { code, category: 'study', points: grant.points, periods });
  }
  return { granted, account };
}

describe('caps per period', () => {
  test.each([
    // [what, caps, points each, instants (ISO, with zone), expected grants]
    [
      'day cap within one day',
      caps(2, null, null),
      1,
      ['2026-03-05T09:00+08:00', '2026-03-05T12:00+08:00', '2026-03-05T20:00+08:00'],
      [1, 1, 0],
    ],
    [
      'a new Shanghai day starts at 00:00 +08:00, not at UTC midnight',
      caps(1, null, null),
      1,
      ['2026-03-05T23:30+08:00', '2026-03-05T16:30Z', '2026-03-05T16:00Z'],
      [1, 1, 0],
    ],
    [
      '23:59 and 00:01 Shanghai are different days',
      caps(1, null, null),
      1,
      ['2026-03-05T23:59+08:00', '2026-03-06T00:01+08:00'],
      [1, 1],
    ],
    [
      'month cap across days',
      caps(null, 3, null),
      2,
      ['2026-03-01T10:00+08:00', '2026-03-15T10:00+08:00', '2026-03-31T10:00+08:00'],
      [2, 1, 0],
    ],
    [
      'month cap resets on the 1st in Shanghai (UTC still in the old month)',
      caps(null, 2, null),
      2,
      ['2026-03-31T10:00+08:00', '2026-03-31T16:30Z'],
      [2, 2],
    ],
    [
      'year cap across months',
      caps(null, null, 5),
      2,
      ['2026-01-10T10:00+08:00', '2026-06-10T10:00+08:00', '2026-12-10T10:00+08:00'],
      [2, 2, 1],
    ],
    [
      'new year in Shanghai while UTC is still on 31 December',
      caps(null, null, 2),
      2,
      ['2026-12-31T20:00+08:00', '2026-12-31T16:05Z'],
      [2, 2],
    ],
    [
      '23:59:59 on 31 December Shanghai still counts to the old year',
      caps(null, null, 2),
      2,
      ['2026-12-31T10:00+08:00', '2026-12-31T15:59:59Z'],
      [2, 0],
    ],
    [
      'the smallest cap binds: day before month before year',
      caps(3, 4, 5),
      2,
      ['2026-03-05T09:00+08:00', '2026-03-05T10:00+08:00', '2026-03-06T10:00+08:00', '2026-04-01T10:00+08:00'],
      [2, 1, 1, 1],
    ],
    ['no caps, no limit', caps(null, null, null), 3, ['2026-03-05T09:00+08:00', '2026-03-05T09:01+08:00'], [3, 3]],
    ['other items do not use this item’s room', caps(1, null, null), 1, ['2026-03-05T09:00+08:00'], [1]],
  ])('%s', (_what, c, points, instants, expected) => {
    expect(run('study.daily', c, points, instants).granted).toEqual(expected);
  });

  test('a partial grant says which cap and how much was counted', () => {
    const { account } = run('volunteer.hour', caps(8, null, null), 5, ['2026-03-05T09:00+08:00']);
    const grant = grantUnderCaps(
      account,
      'volunteer.hour',
      caps(8, null, null),
      5,
      periodsOf(new Date('2026-03-05T15:00+08:00')),
    );
    expect(grant).toEqual({ points: 3, capped: true, reason: '已接近该项目每日积分上限，本次按 3 分计' });
    const none = grantUnderCaps(
      withEntry(account, {
        code: 'volunteer.hour',
        category: 'volunteer',
        points: 3,
        periods: periodsOf(new Date('2026-03-05T15:00+08:00')),
      }),
      'volunteer.hour',
      caps(8, null, null),
      5,
      periodsOf(new Date('2026-03-05T18:00+08:00')),
    );
    expect(none).toEqual({ points: 0, capped: true, reason: '已达该项目每日积分上限，本次不计分' });
  });

  test('caps bound deductions by their absolute value', () => {
    const { granted, account } = run('deduction.missed_meeting', caps(null, null, 5), -2, [
      '2026-02-01T10:00+08:00',
      '2026-03-01T10:00+08:00',
      '2026-04-01T10:00+08:00',
      '2026-05-01T10:00+08:00',
    ]);
    expect(granted).toEqual([-2, -2, -1, 0]);
    expect(account.years['2026']!.points).toBe(-5);
    expect(account.lifetime).toBe(-5);
  });

  test('items of other codes keep their own room', () => {
    const { account } = run('study.daily', caps(1, null, null), 1, ['2026-03-05T09:00+08:00']);
    const other = grantUnderCaps(
      account,
      'study.article',
      caps(1, null, null),
      1,
      periodsOf(new Date('2026-03-05T10:00+08:00')),
    );
    expect(other.points).toBe(1);
  });
});

describe('totals', () => {
  test('year, category and lifetime totals follow the entries, per Shanghai year', () => {
    let a = emptyAccount();
    a = withEntry(a, {
      code: 'x.a',
      category: 'study',
      points: 3,
      periods: periodsOf(new Date('2025-12-31T23:00+08:00')),
    });
    a = withEntry(a, { code: 'x.a', category: 'study', points: 2, periods: periodsOf(new Date('2025-12-31T16:30Z')) });
    a = withEntry(a, {
      code: 'x.b',
      category: 'volunteer',
      points: 4,
      periods: periodsOf(new Date('2026-05-01T10:00+08:00')),
    });
    expect(a.years['2025']).toMatchObject({ points: 3, entries: 1, byCategory: { study: 3 } });
    expect(a.years['2026']).toMatchObject({ points: 6, entries: 2, byCategory: { study: 2, volunteer: 4 } });
    expect(a.lifetime).toBe(9);
    expect(a.entries).toBe(3);
  });

  test('entries never change the account they were given (pure)', () => {
    const a = emptyAccount();
    withEntry(a, { code: 'x.a', category: 'study', points: 3, periods: periodsOf(new Date('2026-01-01T10:00+08:00')) });
    expect(a).toEqual(emptyAccount());
  });
});

describe('reversal', () => {
  test('takes the points out of the totals and gives the cap room back', () => {
    const c = caps(2, null, null);
    const periods = periodsOf(new Date('2026-03-05T09:00+08:00'));
    const { account } = run('study.daily', c, 2, ['2026-03-05T09:00+08:00']);
    expect(grantUnderCaps(account, 'study.daily', c, 2, periods).points).toBe(0);
    const reversed = withReversal(account, { code: 'study.daily', category: 'study', points: 2, periods });
    expect(reversed.years['2026']).toMatchObject({ points: 0, entries: 2, byCategory: { study: 0 } });
    expect(reversed.lifetime).toBe(0);
    expect(grantUnderCaps(reversed, 'study.daily', c, 2, periods).points).toBe(2);
  });

  test('of a deduction gives the points back', () => {
    const periods = periodsOf(new Date('2026-03-05T09:00+08:00'));
    const a = withEntry(emptyAccount(), { code: 'd.x', category: 'deduction', points: -3, periods });
    const r = withReversal(a, { code: 'd.x', category: 'deduction', points: -3, periods });
    expect(r.lifetime).toBe(0);
    expect(r.years['2026']!.usage['d~x']).toEqual({ y: 0, m: { '03': 0 }, d: { '03-05': 0 } });
  });
});
