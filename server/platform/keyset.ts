/**
 * Keyset paging: a page starts after the last row of the previous one (its sort key and `_id`),
 * never at an offset. Rows decided, added or removed between two pages then neither vanish nor
 * repeat, and with an index over (equality fields, sort key, `_id`) a page reads about `limit + 1`
 * documents however deep it is.
 */
import { z } from 'zod';
import type { PageCursor } from '../../typings/paging';
import { _, db } from './cloudbase';
import { invalidArgument } from './errors';
import { labelled } from './validation';

/** Sort keys in order; the last one is always `_id`, so every row has one place. */
export type KeysetSort = ReadonlyArray<readonly [field: string, direction: 'asc' | 'desc']>;

/** A value a sort key may hold in a cursor. */
type KeyValue = string | number | Date;
/** How a value travels inside the cursor: dates as `{ d: epoch ms }`. */
type EncodedValue = string | number | { d: number };

const MAX_CURSOR = 600;
const BAD_CURSOR = '翻页位置无效，请刷新列表后重试';

/** The cursor field of a paged action's input: opaque, URL-safe base64. */
export const cursorSchema = labelled(
  z
    .string()
    .min(1)
    .max(MAX_CURSOR)
    .regex(/^[A-Za-z0-9_-]+$/, BAD_CURSOR),
  '翻页位置',
);

/** What a cursor is bound to, so one list's cursor is refused by another. */
const signatureOf = (sort: KeysetSort) => sort.map(([f, d]) => `${f}${d === 'asc' ? '+' : '-'}`).join('');

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split('.')) v = v === null || typeof v !== 'object' ? undefined : (v as never)[part];
  return v;
}

function encodeValue(field: string, v: unknown): EncodedValue {
  if (v instanceof Date) return { d: v.getTime() };
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  // Lists sort only on fields every row has; a row without one is a broken invariant.
  throw new Error(`keyset: sort field ${field} of a row is ${v === null ? 'null' : typeof v}`);
}

function decodeValue(v: unknown): KeyValue {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  if (v !== null && typeof v === 'object' && Object.keys(v).length === 1) {
    const ms = (v as { d?: unknown }).d;
    if (typeof ms === 'number' && Number.isFinite(ms)) return new Date(ms);
  }
  throw invalidArgument(BAD_CURSOR, 'cursor');
}

/** The cursor that starts the page after `row`. */
export function encodeCursor(row: Record<string, unknown>, sort: KeysetSort): PageCursor {
  const values = sort.map(([field]) => encodeValue(field, valueAt(row, field)));
  return Buffer.from(JSON.stringify([signatureOf(sort), ...values]), 'utf8').toString('base64url');
}

/** The sort key values a cursor carries; a cursor from another list or tampered with is INVALID_ARGUMENT. */
export function decodeCursor(cursor: string, sort: KeysetSort): KeyValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidArgument(BAD_CURSOR, 'cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== sort.length + 1 || parsed[0] !== signatureOf(sort)) {
    throw invalidArgument(BAD_CURSOR, 'cursor');
  }
  return parsed.slice(1).map(decodeValue);
}

/**
 * The condition "after the cursor row" in sort order: (k1 > v1) or (k1 = v1 and k2 > v2) … down
 * to `_id`, with `<` for descending keys. A leading bound on k1 (≥ or ≤) lets the index range
 * start at the cursor instead of the first row.
 */
export function afterCursor(sort: KeysetSort, values: readonly KeyValue[]): Record<string, unknown> {
  const branches = sort.map(([field, dir], i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) branch[sort[j]![0]] = values[j];
    branch[field] = dir === 'asc' ? _.gt(values[i]) : _.lt(values[i]);
    return branch;
  });
  const [first, dir] = sort[0]!;
  return _.and([{ [first]: dir === 'asc' ? _.gte(values[0]) : _.lte(values[0]) }, _.or(branches)]) as never;
}

export interface KeysetQuery {
  collection: string;
  where: Record<string, unknown>;
  /** Must end with `_id`; an index over the equality fields then these keys serves the page. */
  sort: KeysetSort;
  cursor?: string | undefined;
  limit: number;
  /** Projection; the sort fields are added so the next cursor can be made. */
  field?: Record<string, boolean>;
}

/** One page in sort order, reading one row more than `limit` to know whether another follows. */
export async function readKeysetPage<T extends object>(
  q: KeysetQuery,
): Promise<{ rows: T[]; nextCursor: PageCursor | null }> {
  if (q.sort.at(-1)?.[0] !== '_id') throw new Error('keyset: the last sort key must be _id');
  const where = q.cursor ? (_.and([q.where, afterCursor(q.sort, decodeCursor(q.cursor, q.sort))]) as never) : q.where;
  let query = db.collection(q.collection).where(where);
  for (const [field, dir] of q.sort) query = query.orderBy(field, dir);
  query = query.limit(q.limit + 1);
  if (q.field) query = query.field({ ...q.field, ...Object.fromEntries(q.sort.map(([f]) => [f, true])) });
  const docs = (await query.get()).data as T[];
  const rows = docs.slice(0, q.limit);
  const last = rows.at(-1);
  return {
    rows,
    nextCursor: docs.length > q.limit && last ? encodeCursor(last as Record<string, unknown>, q.sort) : null,
  };
}

/** Every page of a keyset query, in order: for jobs that walk a whole collection a page at a time. */
export async function* keysetPages<T extends object>(q: Omit<KeysetQuery, 'cursor'>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await readKeysetPage<T>({ ...q, cursor });
    if (page.rows.length > 0) yield page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
