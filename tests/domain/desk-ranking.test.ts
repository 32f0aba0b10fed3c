/** 晾晒 rules (server/domain/desk/ranking.ts): places with ties, changes, bands both ways, the composite. */
import { bandOf, bandsInOrder, compositeOf, rank } from '../../server/domain/desk/ranking';

const e = (id: string, value: number | null, previous: number | null = null) => ({ id, name: id, value, previous });

describe('places', () => {
  test('equal values share a place and the next is skipped; no value means no place, listed last', () => {
    const r = rank([e('c', 700), e('a', 900), e('d', null), e('b', 900)], 'higher');
    expect(r.map((x) => [x.id, x.rank, x.tied])).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 3, false],
      ['d', null, false],
    ]);
  });

  test('lower is better ranks the smallest first; places gained are counted against the period before', () => {
    const r = rank([e('a', 1, 5), e('b', 3, 0), e('c', 2, null)], 'lower');
    expect(r.map((x) => [x.id, x.rank, x.previousRank, x.placesUp])).toEqual([
      ['a', 1, 2, 1],
      ['c', 2, null, null],
      ['b', 3, 1, -2],
    ]);
  });
});

describe('bands', () => {
  test.each([
    [950, 'higher', 'green'],
    [900, 'higher', 'amber'],
    [100, 'higher', 'red'],
    [0, 'lower', 'green'],
    [2, 'lower', 'amber'],
    [3, 'lower', 'red'],
    [null, 'higher', null],
  ] as const)('%s (%s is better) is %s', (value, better, band) => {
    const bands = better === 'higher' ? { green: 950, amber: 850 } : { green: 0, amber: 2 };
    expect(bandOf(value, bands, better)).toBe(band);
  });

  test('thresholds must run the figure’s way', () => {
    expect(bandsInOrder({ green: 900, amber: 700 }, 'higher')).toBe(true);
    expect(bandsInOrder({ green: 700, amber: 900 }, 'higher')).toBe(false);
    expect(bandsInOrder({ green: 3, amber: 7 }, 'lower')).toBe(true);
  });
});

describe('the composite', () => {
  const better = (id: string) => (id === 'low' ? 'lower' : 'higher');
  test('is the weighted mean of the rates that have a value; a lower-better rate counts as 100% minus it', () => {
    expect(compositeOf({ x: 1000, y: 400 }, { x: 2, y: 1 }, better)).toBe(800);
    expect(compositeOf({ x: 900, low: 100 }, { x: 1, low: 1 }, better)).toBe(900);
    expect(compositeOf({ x: 900, y: null }, { x: 1, y: 5 }, better)).toBe(900);
    expect(compositeOf({ x: null }, { x: 1 }, better)).toBeNull();
  });
});
