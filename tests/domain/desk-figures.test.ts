/** The desk's figures (server/domain/desk/figures.ts): one definition each, and rates that say when they cannot be. */
import {
  FIGURES,
  FIGURE_GROUP_NAMES,
  figureOf,
  figureText,
  medianDays,
  rateOf,
} from '../../server/domain/desk/figures';

describe('the figures', () => {
  test('each has a unique id in its group, a Chinese name and definition, and every rate says what empty means', () => {
    const ids = FIGURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FIGURES) {
      expect(f.id.startsWith(`${f.group}.`)).toBe(true);
      expect(FIGURE_GROUP_NAMES[f.group]).toBeTruthy();
      expect(f.name).toMatch(/[\u4e00-\u9fff]/);
      expect(f.definition.length).toBeGreaterThan(6);
      if (f.unit === 'percent') expect('whenEmpty' in f && f.whenEmpty).toBeTruthy();
    }
  });

  test('a name not in the set is not a figure', () => {
    expect(figureOf('dues.paidRate')?.name).toBe('交纳率');
    expect(figureOf('dues.everything')).toBeNull();
    expect(figureOf('__proto__')).toBeNull();
  });
});

describe('a rate', () => {
  test('is shown to one decimal, and an empty denominator says why instead of 0%', () => {
    expect(rateOf(7, 8, '本期无应交党员')).toEqual({ permille: 875, text: '87.5%' });
    expect(rateOf(2, 3, '')).toEqual({ permille: 667, text: '66.7%' });
    expect(rateOf(0, 5, '')).toEqual({ permille: 0, text: '0.0%' });
    expect(rateOf(0, 0, '本期无应交党员')).toEqual({ permille: null, text: '本期无应交党员' });
  });
});

describe('a figure as shown', () => {
  test('people and days with their unit, fen as 元 with two decimals, a rate to one decimal, none with its reason', () => {
    expect(figureText(figureOf('coverage.pending')!, 12)).toBe('12 人');
    expect(figureText(figureOf('dues.receivedFen')!, 123_456_7)).toBe('12,345.67 元');
    expect(figureText(figureOf('dues.receivedFen')!, 5)).toBe('0.05 元');
    expect(figureText(figureOf('dues.paidRate')!, 875)).toBe('87.5%');
    expect(figureText(figureOf('dues.paidRate')!, null)).toBe('本期无应交党员');
  });
});

describe('the median wait', () => {
  test('of odd and even counts, and of none', () => {
    expect(medianDays([9, 1, 4])).toBe(4);
    expect(medianDays([2, 3])).toBe(3);
    expect(medianDays([1, 2, 10, 30])).toBe(6);
    expect(medianDays([])).toBeNull();
  });
});
