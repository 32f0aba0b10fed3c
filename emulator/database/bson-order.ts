import { isPlainObject, toEJSONString } from './ejson';

/**
 * MongoDB's cross-type order (missing and null sort together). Index entries store this rank
 * next to the value, so SQLite orders and range-scans them the way the real service does.
 */
export const RANK = {
  minKey: 1,
  null: 2,
  number: 3,
  string: 4,
  object: 5,
  array: 6,
  binary: 7,
  objectId: 8,
  boolean: 9,
  date: 10,
  timestamp: 11,
  regex: 12,
  maxKey: 13,
} as const;

const BSON_TYPE_RANKS: Record<string, number> = {
  ObjectId: RANK.objectId,
  ObjectID: RANK.objectId,
  Binary: RANK.binary,
  Timestamp: RANK.timestamp,
  MinKey: RANK.minKey,
  MaxKey: RANK.maxKey,
  Decimal128: RANK.number,
  Long: RANK.number,
  Int32: RANK.number,
  Double: RANK.number,
  BSONRegExp: RANK.regex,
};

/** The Mongo type bracket of a value; `undefined` (missing) ranks as null. */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return RANK.null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return RANK.number;
    case 'string':
      return RANK.string;
    case 'boolean':
      return RANK.boolean;
    default:
      break;
  }
  if (value instanceof Date) return RANK.date;
  if (value instanceof RegExp) return RANK.regex;
  if (Array.isArray(value)) return RANK.array;
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  if (typeof bsonType === 'string' && bsonType in BSON_TYPE_RANKS) return BSON_TYPE_RANKS[bsonType]!;
  return RANK.object;
}

/** Numeric value of JS and BSON numbers (Long, Decimal128, ...). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return Number(String(value));
}

/** A UTF-16 code unit remapped so that comparing units orders strings by code point, like UTF-8 bytes (SQLite BINARY). */
function codePointOrderUnit(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Byte-wise UTF-8 order, the order SQLite's default collation and MongoDB's simple collation use. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrderUnit(x) - codePointOrderUnit(y);
  }
  return a.length - b.length;
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order over stored values, the same as the index encoding gives in SQLite. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case RANK.null:
    case RANK.minKey:
    case RANK.maxKey:
      return 0;
    case RANK.number:
      return compareNumbers(toNumber(a), toNumber(b));
    case RANK.string:
      return compareStrings(a as string, b as string);
    case RANK.boolean:
      return Number(a) - Number(b);
    case RANK.date:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case RANK.array: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    default:
      return compareStrings(canonicalText(a), canonicalText(b));
  }
}

/** Canonical EJSON text of any value, used to compare and index objects, arrays and rare types. */
export function canonicalText(value: unknown): string {
  return toEJSONString({ v: value });
}

/** How to walk a dotted path: indexes want every reachable value, sorting wants array elements. */
export interface PathWalk {
  /** Values reached; `undefined` stands for a missing field. */
  values: unknown[];
  /** Whether an array was met on the way or at the end (a "multikey" path in Mongo terms). */
  throughArray: boolean;
}

function walk(value: unknown, parts: string[], i: number, out: PathWalk, flattenNested: boolean): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      out.throughArray = true;
      if (value.length === 0) out.values.push(value);
      for (const item of value) {
        out.values.push(item);
        if (flattenNested && Array.isArray(item)) walk(item, parts, i, out, flattenNested);
      }
    } else {
      out.values.push(value);
    }
    return;
  }
  const part = parts[i]!;
  if (Array.isArray(value)) {
    out.throughArray = true;
    if (/^\d+$/.test(part) && Number(part) < value.length) walk(value[Number(part)], parts, i + 1, out, flattenNested);
    if (value.length === 0) out.values.push(undefined);
    for (const item of value) {
      if (isPlainObject(item) || Array.isArray(item)) walk(item, parts, i, out, flattenNested);
      else out.values.push(undefined);
    }
    return;
  }
  if (isPlainObject(value)) {
    walk(value[part], parts, i + 1, out, flattenNested);
    return;
  }
  out.values.push(undefined);
}

/**
 * Every value a dotted path reaches, descending into arrays as Mongo does. With
 * `flattenNested` the result is a superset of what any query on the path can match.
 */
export function collectPathValues(doc: unknown, path: string, flattenNested = true): PathWalk {
  const out: PathWalk = { values: [], throughArray: false };
  walk(doc, path.split('.'), 0, out, flattenNested);
  return out;
}

/** A sort instruction as the SDK sends it in `order`: a path and 1 or -1. */
export type SortKey = readonly [path: string, direction: 1 | -1];

/** The value Mongo sorts a document by: the smallest element ascending, the largest descending. */
export function sortValue(doc: unknown, path: string, direction: 1 | -1): unknown {
  const { values } = collectPathValues(doc, path, false);
  let best: unknown = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best);
    if ((direction === 1 && c < 0) || (direction === -1 && c > 0)) best = values[i];
  }
  return best;
}

/** The values a document sorts by, computed once per document rather than per comparison. */
export function sortKeysOf(doc: unknown, sort: readonly SortKey[]): unknown[] {
  return sort.map(([path, direction]) => sortValue(doc, path, direction));
}

/** Compares precomputed {@link sortKeysOf} results. */
export function compareSortKeys(a: readonly unknown[], b: readonly unknown[], sort: readonly SortKey[]): number {
  for (let i = 0; i < sort.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c * sort[i]![1];
  }
  return 0;
}
