import { RANK, canonicalText, collectPathValues, toNumber, typeRank } from './bson-order';
import { requestFailed } from './errors';

/** One indexed value as stored in SQLite: the Mongo type rank and a natively comparable value. */
export type KeyPart = readonly [rank: number, value: number | string];

/** A declared index resolved for a collection. */
export interface IndexDefinition {
  name: string;
  keys: ReadonlyArray<readonly [path: string, direction: 1 | -1]>;
  unique: boolean;
}

/**
 * Encodes a value so that SQLite's ordering of `(rank, value)` pairs is Mongo's ordering:
 * numbers stay numbers, dates become epoch milliseconds, booleans 0/1, null/missing a constant,
 * and everything else its canonical EJSON text (equal objects, equal keys).
 */
export function encodeKeyPart(value: unknown): KeyPart {
  const rank = typeRank(value);
  switch (rank) {
    case RANK.null:
    case RANK.minKey:
    case RANK.maxKey:
      return [rank, 0];
    case RANK.number: {
      const n = toNumber(value);
      return [rank, Number.isNaN(n) ? -Infinity : n];
    }
    case RANK.string:
      return [rank, value as string];
    case RANK.boolean:
      return [rank, value ? 1 : 0];
    case RANK.date: {
      const t = (value as Date).getTime();
      return [rank, Number.isNaN(t) ? -Infinity : t];
    }
    default:
      return [rank, canonicalText(value)];
  }
}

/** Index entries of one document and whether each key path met an array. */
export interface DocumentKeys {
  entries: KeyPart[][];
  multikeyPaths: string[];
}

/** Above this many entries per document (a cross product of arrays) indexing is refused, like Mongo's parallel-arrays rule. */
const MAX_ENTRIES_PER_DOCUMENT = 10_000;

/**
 * All index entries for a document: the cross product of the values each key path reaches,
 * deduplicated, so that every document a query on these paths can match has an entry
 * satisfying that query's pushed-down bounds.
 */
export function documentKeys(doc: unknown, index: IndexDefinition): DocumentKeys {
  const perKey: KeyPart[][] = [];
  const multikeyPaths: string[] = [];
  for (const [path] of index.keys) {
    const walked = collectPathValues(doc, path, true);
    if (walked.throughArray) multikeyPaths.push(path);
    const seen = new Map<string, KeyPart>();
    for (const value of walked.values) {
      const part = encodeKeyPart(value);
      seen.set(`${part[0]}:${typeof part[1]}:${String(part[1])}`, part);
    }
    perKey.push([...seen.values()]);
  }
  let entries: KeyPart[][] = [[]];
  for (const parts of perKey) {
    const next: KeyPart[][] = [];
    for (const prefix of entries) for (const part of parts) next.push([...prefix, part]);
    entries = next;
    if (entries.length > MAX_ENTRIES_PER_DOCUMENT) {
      throw requestFailed(
        `cannot index parallel arrays: index ${index.name} would need more than ${MAX_ENTRIES_PER_DOCUMENT} keys for one document`,
      );
    }
  }
  return { entries, multikeyPaths };
}
