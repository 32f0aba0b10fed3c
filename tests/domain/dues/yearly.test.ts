import { monthlyAmountFor, type DuesAmountRecord } from '../../../server/domain/dues';

const rec = (effectiveMonth: string, amountFen: number, extra: Partial<DuesAmountRecord> = {}): DuesAmountRecord => ({
  effectiveMonth,
  amountFen,
  confirmed: true,
  ...extra,
});

type Case = [string, DuesAmountRecord[], [string, number | null][]];

const cases: Case[] = [
  [
    'the amount fixed at the start of the year holds for the whole year',
    [rec('2025-01', 3_000), rec('2026-01', 4_000)],
    [
      ['2024-12', null],
      ['2025-01', 3_000],
      ['2025-12', 3_000],
      ['2026-01', 4_000],
      ['2026-12', 4_000],
      ['2027-05', 4_000],
    ],
  ],
  [
    'a confirmed mid-year change applies from its month on',
    [rec('2026-01', 4_000), rec('2026-07', 5_000)],
    [
      ['2026-06', 4_000],
      ['2026-07', 5_000],
      ['2026-12', 5_000],
      ['2027-03', 5_000],
    ],
  ],
  [
    'an unconfirmed declaration changes nothing',
    [rec('2026-01', 4_000), rec('2026-07', 5_000, { confirmed: false })],
    [
      ['2026-08', 4_000],
      ['2027-01', 4_000],
    ],
  ],
  [
    'a later record for the same month corrects the earlier one',
    [rec('2026-01', 4_000), rec('2026-01', 4_100)],
    [['2026-03', 4_100]],
  ],
  [
    'a first profile mid-year owes from its month',
    [rec('2026-05', 3_000)],
    [
      ['2026-04', null],
      ['2026-05', 3_000],
    ],
  ],
  [
    'fixedForYear defers a mid-year change to the next January',
    [rec('2026-01', 4_000, { fixedForYear: true }), rec('2026-05', 6_000)],
    [
      ['2026-05', 4_000],
      ['2026-12', 4_000],
      ['2027-01', 6_000],
    ],
  ],
  [
    'the lock is for its own year only: an unfixed carried-over amount can change mid-year',
    [rec('2025-01', 3_000, { fixedForYear: true }), rec('2025-03', 5_000), rec('2026-05', 6_000)],
    [
      ['2025-03', 3_000],
      ['2026-01', 5_000],
      ['2026-04', 5_000],
      ['2026-05', 6_000],
    ],
  ],
  [
    'a mid-year fixing locks from its month to the year end',
    [rec('2026-01', 4_000), rec('2026-04', 4_500, { fixedForYear: true }), rec('2026-09', 9_000)],
    [
      ['2026-03', 4_000],
      ['2026-04', 4_500],
      ['2026-10', 4_500],
      ['2027-01', 9_000],
    ],
  ],
  [
    'a correction of a fixed amount still replaces it',
    [rec('2026-01', 4_000, { fixedForYear: true }), rec('2026-01', 4_200, { fixedForYear: true })],
    [['2026-06', 4_200]],
  ],
  [
    'array order does not matter across months',
    [rec('2026-07', 5_000), rec('2025-01', 3_000), rec('2026-01', 4_000)],
    [
      ['2025-12', 3_000],
      ['2026-02', 4_000],
      ['2026-07', 5_000],
    ],
  ],
  ['no history, no amount', [], [['2026-01', null]]],
];

describe('monthlyAmountFor', () => {
  describe.each(cases)('%s', (_name, history, expectations) => {
    it.each(expectations)('%s → %p', (month, expected) => {
      expect(monthlyAmountFor(month, history)).toBe(expected);
    });
  });

  it.each([
    ['a bad month asked', '2026-13', [rec('2026-01', 1)]],
    ['a bad effective month', '2026-01', [rec('2026-1', 1)]],
    ['a negative amount', '2026-01', [rec('2026-01', -1)]],
    ['a fractional amount', '2026-01', [rec('2026-01', 1.5)]],
  ] as [string, string, DuesAmountRecord[]][])('throws on %s', (_name, month, history) => {
    expect(() => monthlyAmountFor(month, history)).toThrow(RangeError);
  });
});
