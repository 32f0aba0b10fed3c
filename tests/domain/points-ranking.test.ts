/** Competition ranking ("1224") over rows sorted by points, highest first. */
import { competitionRanks } from '../../server/domain/points/ranking';

const rows = (...points: number[]) => points.map((p, i) => ({ id: `m${i}`, points: p }));

test.each([
  [
    [10, 8, 8, 5],
    [1, 2, 2, 4],
  ],
  [
    [7, 7, 7],
    [1, 1, 1],
  ],
  [
    [9, 8, 7],
    [1, 2, 3],
  ],
  [
    [5, 5, 3, 3, 3, 1],
    [1, 1, 3, 3, 3, 6],
  ],
  [
    [2, 0, -1, -1],
    [1, 2, 3, 3],
  ],
  [[], []],
])('%o ranks as %o', (points, ranks) => {
  expect(competitionRanks(rows(...points)).map((r) => r.rank)).toEqual(ranks);
});

test('refuses rows that are not sorted', () => {
  expect(() => competitionRanks(rows(1, 2))).toThrow(RangeError);
});
