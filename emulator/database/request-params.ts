import type { SortKey } from './bson-order';
import { type Doc, isPlainObject, parseWire } from './ejson';
import { invalidParam } from './errors';
import type { DocId } from './store';

/** Server-side reads return 100 documents unless asked, and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** The decoded JSON body of a `database.*` action, as the SDK posts it. */
export type ActionBody = Record<string, unknown>;

/** Every database action names its collection in `collectionName`. */
export function collectionNameOf(body: ActionBody): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name.trim() === '') throw invalidParam('collectionName is required');
  return name;
}

/** Present on single-document operations made through a transaction object. */
export function transactionIdOf(body: ActionBody): string | undefined {
  const id = body.transactionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function objectParam(body: ActionBody, field: string, now: () => number): Doc | undefined {
  const raw = body[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = parseWire(raw, now, field);
  if (!isPlainObject(value)) throw invalidParam(`${field} must be an object`);
  return value;
}

/** The filter; absent means every document. */
export function queryOf(body: ActionBody, now: () => number): Doc {
  return objectParam(body, 'query', now) ?? {};
}

/** `order` is `{"path": 1 | -1, ...}` in the order `orderBy` was called. */
export function sortOf(body: ActionBody, now: () => number): SortKey[] {
  const order = objectParam(body, 'order', now);
  if (!order) return [];
  return Object.entries(order).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order direction for ${path} must be 1 or -1`);
    return [path, dir] as const;
  });
}

/** `offset`/`limit` for WHERE reads: default 100, clamped to 1000 like the service. */
export function windowOf(body: ActionBody): { skip: number; limit: number } {
  const offset = body.offset === undefined ? 0 : Number(body.offset);
  if (!Number.isInteger(offset) || offset < 0) throw invalidParam('offset must be a non-negative integer');
  const raw = body.limit === undefined || body.limit === null ? 0 : Number(body.limit);
  if (!Number.isInteger(raw) || raw < 0) throw invalidParam('limit must be a non-negative integer');
  const limit = raw === 0 ? DEFAULT_LIMIT : Math.min(raw, MAX_LIMIT);
  return { skip: offset, limit };
}

/** `field({...})` as a Mongo projection; an empty one means all fields. */
export function projectionOf(body: ActionBody, now: () => number): Doc | undefined {
  const projection = objectParam(body, 'projection', now);
  return projection && Object.keys(projection).length > 0 ? projection : undefined;
}

/** The `_id` of a DOC request (`query: {"_id": id}`). */
export function docIdOf(query: Doc): DocId {
  const id = query._id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  throw invalidParam('a DOC request needs query._id (string or number)');
}

/** `insertDocument.data`: EJSON strings, one per document. */
export function documentsOf(body: ActionBody, now: () => number): Doc[] {
  const raw = Array.isArray(body.data) ? body.data : [body.data];
  return raw.map((item, i) => {
    const doc = parseWire(item, now, `data[${i}]`);
    if (!isPlainObject(doc)) throw invalidParam('each document must be an object');
    return doc;
  });
}

/** `modifyDocument.data`: operators (merge) or a whole document (set). */
export function updateDataOf(body: ActionBody, now: () => number): Doc {
  const data = objectParam(body, 'data', now);
  if (!data) throw invalidParam('data is required');
  return data;
}

/** `aggregateDocuments.stages`: `[{stageKey, stageValue: <EJSON>}]` to a Mongo pipeline. */
export function stagesOf(body: ActionBody, now: () => number): Doc[] {
  if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
  return body.stages.map((stage: unknown, i) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
      throw invalidParam(`stages[${i}] must be {stageKey, stageValue}`);
    }
    return { [stage.stageKey]: parseWire(stage.stageValue, now, `stages[${i}]`) };
  });
}
