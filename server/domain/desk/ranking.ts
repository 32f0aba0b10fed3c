/**
 * 晾晒: ranking the children of a node on one figure, or on a weighted composite of rates. Pure.
 * Equal values share a place and the next place is skipped (1, 1, 3), as published rankings do;
 * a child with no value (an empty denominator) is listed last without a place, with the reason.
 */
import type { FigureSpec } from './figures';

export type Band = 'green' | 'amber' | 'red';
export type Better = 'higher' | 'lower';

export interface Bands {
  green: number;
  amber: number;
}

export interface Entry {
  id: string;
  name: string;
  value: number | null;
  previous: number | null;
}

export interface Ranked extends Entry {
  rank: number | null;
  previousRank: number | null;
  /** Places gained since the period before (positive is up), when ranked both times. */
  placesUp: number | null;
  /** Shares its place with another. */
  tied: boolean;
}

const compareBy = (better: Better) => (a: number, b: number) => (better === 'higher' ? b - a : a - b);

/** Competition ranks of the values (null for none), in the order given. */
function ranksOf(values: readonly (number | null)[], better: Better): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null).sort(compareBy(better));
  return values.map((v) => (v === null ? null : sorted.indexOf(v) + 1));
}

export function rank(entries: readonly Entry[], better: Better): Ranked[] {
  const ranks = ranksOf(
    entries.map((e) => e.value),
    better,
  );
  const previousRanks = ranksOf(
    entries.map((e) => e.previous),
    better,
  );
  const counts = new Map<number, number>();
  for (const r of ranks) if (r !== null) counts.set(r, (counts.get(r) ?? 0) + 1);
  const rows = entries.map((e, i) => {
    const r = ranks[i] ?? null;
    const p = previousRanks[i] ?? null;
    return {
      ...e,
      rank: r,
      previousRank: p,
      placesUp: r !== null && p !== null ? p - r : null,
      tied: r !== null && counts.get(r)! > 1,
    };
  });
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** Green at or past `green`, amber at or past `amber`, else red; "past" is above for higher-better figures and below for the others. */
export function bandOf(value: number | null, bands: Bands, better: Better): Band | null {
  if (value === null) return null;
  const reaches = (threshold: number) => (better === 'higher' ? value >= threshold : value <= threshold);
  if (reaches(bands.green)) return 'green';
  if (reaches(bands.amber)) return 'amber';
  return 'red';
}

/** Whether the thresholds are in the right order for the figure's direction. */
export const bandsInOrder = (bands: Bands, better: Better) =>
  better === 'higher' ? bands.green >= bands.amber : bands.green <= bands.amber;

/** Rates a composite may weigh: in tenths of a percent, with their direction. */
export const composable = (spec: FigureSpec) => spec.unit === 'percent';

/**
 * The composite score, in tenths of a point out of 100: the weighted mean of the rates that have a
 * value (a lower-better rate counts as 100% minus it). Null when none has a value or no weight is set.
 */
export function compositeOf(
  values: Readonly<Record<string, number | null>>,
  weights: Readonly<Record<string, number>>,
  betterOfId: (id: string) => Better,
): number | null {
  let weighted = 0;
  let total = 0;
  for (const [id, weight] of Object.entries(weights)) {
    const v = values[id];
    if (weight <= 0 || v === null || v === undefined) continue;
    weighted += weight * (betterOfId(id) === 'higher' ? v : 1000 - v);
    total += weight;
  }
  return total > 0 ? Math.round(weighted / total) : null;
}

/** The weights a node starts with: the headline rates, equally. */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = {
  'coverage.registrationRate': 1,
  'coverage.assignmentRate': 1,
  'life.cadenceRate': 1,
  'life.attendanceRate': 1,
  'dues.paidRate': 1,
};

export const COMPOSITE_BANDS: Bands = { green: 850, amber: 700 };
