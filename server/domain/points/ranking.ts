/** Rankings as pure rules: competition ranks over rows already sorted by points, highest first. */

export interface Ranked<T> {
  rank: number;
  row: T;
}

/**
 * Competition ranking ("1224"): equal points share the rank of the first of them, and the next
 * rank skips as many places as were shared. Rows must arrive sorted by points, highest first.
 */
export function competitionRanks<T extends { points: number }>(rows: readonly T[]): Ranked<T>[] {
  const ranked: Ranked<T>[] = [];
  rows.forEach((row, i) => {
    const previous = ranked[i - 1];
    if (previous && rows[i - 1]!.points < row.points)
      throw new RangeError('rows are not sorted by points, highest first');
    const rank = previous && previous.row.points === row.points ? previous.rank : i + 1;
    ranked.push({ rank, row });
  });
  return ranked;
}
