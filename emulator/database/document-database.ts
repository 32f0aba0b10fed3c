import { Query } from 'mingo';
import type { AnyObject } from 'mingo/types/types';
import type { CollectionSpec } from '../../database/schema';
import { runPipeline } from './aggregation';
import { type Doc, toEJSONString } from './ejson';
import { DbError, collectionNotExist, invalidParam, requestFailed, transactionFail } from './errors';
import { newDocumentId, newRequestId } from './ids';
import { QueryEngine, type QueryTrace, compileMatcher } from './query-engine';
import {
  type ActionBody,
  collectionNameOf,
  docIdOf,
  documentsOf,
  projectionOf,
  queryOf,
  sortOf,
  stagesOf,
  transactionIdOf,
  updateDataOf,
  windowOf,
} from './request-params';
import { type DocId, Store } from './store';
import { type RequestOrigin, TransactionManager } from './transactions';
import { applyUpdate, normalizeUpdate, replacementDocument } from './updates';

/** How to open the database. */
export interface DocumentDatabaseOptions {
  /** SQLite file (WAL, synchronous=NORMAL: survives kill -9); omitted = in memory. */
  file?: string;
  /** Collections and indexes to create (idempotently) at open, from `database/collections.ts`. */
  collections: CollectionSpec[];
  /** How long a transaction may stay open; the real service allows 30 s. */
  transactionTimeoutMs?: number;
  /** Clock for `db.serverDate()` and transaction expiry. */
  now?: () => number;
  /** Environment name used in E11000 messages. */
  envName?: string;
}

/** Counters the local host shows and tests assert on. */
export interface DatabaseStats {
  /** Requests per action, e.g. `{"database.getDocument": 3}`. */
  requests: Record<string, number>;
  totalRequests: number;
  /** Stored documents decoded since open (or the last reset): what index pushdown saves. */
  documentsDecoded: number;
  /** The last WHERE read or count: index used, exactness, documents decoded. */
  lastQuery: QueryTrace | null;
  openTransactions: number;
}

type Reply = Record<string, unknown>;
type Handler = (body: ActionBody, origin: RequestOrigin | undefined) => Reply;

const THIRTY_SECONDS = 30_000;

function encodeList(docs: Doc[]): string[] {
  return docs.map((d) => toEJSONString(d));
}

function project(docs: Doc[], projection: Doc | undefined): Doc[] {
  if (!projection || docs.length === 0) return docs;
  try {
    return new Query({}, { scriptEnabled: false }).find(docs as AnyObject[], projection as AnyObject).all() as Doc[];
  } catch (error) {
    throw requestFailed(`invalid projection: ${(error as Error).message}`);
  }
}

function withId(doc: Doc, now: number): Doc {
  if (doc._id === undefined) return { _id: newDocumentId(now), ...doc };
  const id = doc._id;
  if (typeof id === 'string' ? id === '' : !(typeof id === 'number' && Number.isFinite(id))) {
    throw requestFailed('_id must be a non-empty string or a number');
  }
  return doc;
}

/**
 * The local CloudBase document database: takes the decoded body of a `database.*` action as
 * the SDK posts it and returns the reply body the SDK expects, or `{ code, message }`.
 */
export class DocumentDatabase {
  private readonly store: Store;
  private readonly engine: QueryEngine;
  private readonly transactions: TransactionManager;
  private readonly now: () => number;
  private readonly requestCounts: Record<string, number> = {};
  private readonly handlers: Record<string, Handler>;

  constructor(options: DocumentDatabaseOptions) {
    this.now = options.now ?? Date.now;
    this.store = new Store(options.file, options.envName ?? 'local');
    try {
      for (const spec of options.collections) {
        this.store.createCollection(spec.name);
        this.store.ensureIndexes(spec.name, spec.indexes);
      }
    } catch (error) {
      // e.g. a new unique index over existing duplicates: nothing was changed, release the file.
      this.store.close();
      throw error;
    }
    this.engine = new QueryEngine(this.store);
    this.transactions = new TransactionManager(this.store, this.engine, {
      timeoutMs: options.transactionTimeoutMs ?? THIRTY_SECONDS,
      now: this.now,
    });
    this.handlers = {
      'database.getDocument': (b) => this.getDocument(b),
      'database.insertDocument': (b) => this.insertDocument(b),
      'database.modifyDocument': (b, o) => this.modifyDocument(b, o),
      'database.modifyAndReturnDoc': (b) => this.modifyAndReturnDoc(b),
      'database.removeDocument': (b, o) => this.removeDocument(b, o),
      'database.calculateDocument': (b, o) => this.calculateDocument(b, o),
      'database.aggregateDocuments': (b, o) => this.aggregateDocuments(b, o),
      'database.startTransaction': (_b, o) => ({ transactionId: this.transactions.start(o) }),
      'database.commitTransaction': (b) => (this.transactions.commit(b.transactionId), {}),
      'database.abortTransaction': (b) => (this.transactions.abort(b.transactionId), {}),
      'database.addCollection': (b) => this.addCollection(b),
    };
  }

  /**
   * Executes one action. `origin` carries the `seqId`/`scfRequestId` query parameters, which
   * let the emulator tell that a where() call came from inside a runTransaction callback.
   */
  async execute(body: Record<string, unknown>, origin?: RequestOrigin): Promise<Record<string, unknown>> {
    return this.executeSync(body, origin);
  }

  /** Same as {@link execute}; all work is synchronous (better-sqlite3), which serialises requests. */
  executeSync(body: Record<string, unknown>, origin?: RequestOrigin): Record<string, unknown> {
    const requestId = newRequestId();
    const action = typeof body.action === 'string' ? body.action : '';
    this.requestCounts[action] = (this.requestCounts[action] ?? 0) + 1;
    try {
      const handler = this.handlers[action];
      if (!handler)
        throw new DbError('INVALID_ACTION', `action ${action || '(none)'} is not supported by the local database`);
      return { requestId, ...handler(body, origin) };
    } catch (error) {
      if (error instanceof DbError) return { requestId, code: error.code, message: error.message };
      return {
        requestId,
        code: 'DATABASE_REQUEST_FAILED',
        message: `local emulator error: ${(error as Error)?.message ?? String(error)}`,
      };
    }
  }

  /** Request counts per action, documents decoded, the last query's plan, open transactions. */
  stats(): DatabaseStats {
    return {
      requests: { ...this.requestCounts },
      totalRequests: Object.values(this.requestCounts).reduce((a, b) => a + b, 0),
      documentsDecoded: this.store.decodedCount,
      lastQuery: this.engine.lastTrace,
      openTransactions: this.transactions.openCount(),
    };
  }

  /** Zeroes the counters, e.g. between the steps of a test or per function invocation. */
  resetStats(): void {
    for (const key of Object.keys(this.requestCounts)) delete this.requestCounts[key];
    this.store.decodedCount = 0;
    this.engine.lastTrace = null;
  }

  /** The SQL plan a WHERE query would use, for diagnostics (`EXPLAIN QUERY PLAN` lines). */
  explain(
    collection: string,
    query: Doc,
    sort: ReadonlyArray<readonly [string, 1 | -1]> = [],
  ): { index: string | null; exact: boolean; sql: string; sqlite: string[] } {
    const plan = this.engine.plan(collection, query, sort);
    return { index: plan.index, exact: plan.exact, sql: plan.sql, sqlite: this.store.explain(plan.sql, plan.params) };
  }

  /** Closes the SQLite file; committed writes are already durable. */
  close(): void {
    this.store.close();
  }

  private collection(body: ActionBody): string {
    const name = collectionNameOf(body);
    if (!this.store.hasCollection(name)) throw collectionNotExist(name);
    return name;
  }

  private getDocument(body: ActionBody): Reply {
    const collection = this.collection(body);
    const txId = transactionIdOf(body);
    const projection = projectionOf(body, this.now);
    const query = queryOf(body, this.now);
    if (body.queryType === 'DOC') {
      const id = docIdOf(query);
      const doc = txId
        ? this.transactions.getDocument(txId, collection, id)
        : (this.store.getById(collection, id)?.doc ?? null);
      const docs = doc && compileMatcher(query)(doc) ? [doc] : [];
      return { data: { list: encodeList(project(docs, projection)), limit: 1, offset: 0 } };
    }
    const { skip, limit } = windowOf(body);
    const request = { collection, query, sort: sortOf(body, this.now), skip, limit };
    const docs = txId ? this.transactions.find(txId, request) : this.engine.find(request).map((s) => s.doc);
    return { data: { list: encodeList(project(docs, projection)), limit, offset: skip } };
  }

  private insertDocument(body: ActionBody): Reply {
    const collection = this.collection(body);
    const docs = documentsOf(body, this.now).map((d) => withId(d, this.now()));
    const txId = transactionIdOf(body);
    if (txId) return { data: { insertedIds: this.transactions.insert(txId, collection, docs) } };
    this.store.transaction(() => {
      for (const doc of docs) this.store.insert(collection, doc);
    });
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modifyDocument(body: ActionBody, origin: RequestOrigin | undefined): Reply {
    const collection = this.collection(body);
    const txId = transactionIdOf(body);
    const query = queryOf(body, this.now);
    const data = updateDataOf(body, this.now);
    const merge = body.merge !== false;
    if (body.queryType === 'DOC') {
      const id = docIdOf(query);
      if (merge) {
        const update = normalizeUpdate(data);
        if (txId) return { data: { updated: this.transactions.update(txId, collection, id, update) } };
        return { data: this.updateOne(collection, id, update, body.upsert === true) };
      }
      if (txId) {
        const { updated, upsertedId } = this.transactions.set(txId, collection, id, data);
        return { data: { updated, ...(upsertedId === undefined ? {} : { upsert_id: upsertedId }) } };
      }
      return { data: this.setOne(collection, id, data, body.upsert !== false) };
    }
    if (txId)
      throw transactionFail(
        'where().update() cannot run in a transaction: only single-document operations are supported',
      );
    if (!merge) throw invalidParam('replacing documents selected by a query is not supported; use doc(id).set()');
    this.transactions.noteOutsideOperation(collection, 'where().update()', origin, true);
    const update = normalizeUpdate(data);
    const multi = body.multi !== false;
    const updated = this.store.transaction(() => {
      const matches = this.engine.find({ collection, query, sort: [], skip: 0, ...(multi ? {} : { limit: 1 }) });
      let count = 0;
      for (const match of matches) {
        const outcome = applyUpdate(match.doc, update, query);
        if (!outcome.modified) continue;
        this.store.replace(collection, match.rid, outcome.doc);
        count++;
      }
      return count;
    });
    return { data: { updated } };
  }

  private updateOne(collection: string, id: DocId, update: Doc, upsert: boolean): Reply {
    return this.store.transaction(() => {
      const current = this.store.getById(collection, id);
      if (!current) {
        if (!upsert) return { updated: 0 };
        this.store.insert(collection, applyUpdate({ _id: id }, update).doc);
        return { updated: 0, upsert_id: id };
      }
      const outcome = applyUpdate(current.doc, update, { _id: id });
      if (outcome.modified) this.store.replace(collection, current.rid, outcome.doc);
      return { updated: outcome.modified ? 1 : 0 };
    });
  }

  private setOne(collection: string, id: DocId, data: Doc, upsert: boolean): Reply {
    const next = replacementDocument(id, data);
    return this.store.transaction(() => {
      const current = this.store.getById(collection, id);
      if (!current) {
        if (!upsert) return { updated: 0 };
        this.store.insert(collection, next);
        return { updated: 0, upsert_id: id };
      }
      if (toEJSONString(current.doc) === toEJSONString(next)) return { updated: 0 };
      this.store.replace(collection, current.rid, next);
      return { updated: 1 };
    });
  }

  private modifyAndReturnDoc(body: ActionBody): Reply {
    const collection = this.collection(body);
    const query = queryOf(body, this.now);
    const update = normalizeUpdate(updateDataOf(body, this.now));
    const txId = transactionIdOf(body);
    const result = txId
      ? this.transactions.updateFirst(txId, collection, query, update)
      : this.store.transaction(() => {
          const [first] = this.engine.find({ collection, query, sort: [], skip: 0, limit: 1 });
          if (!first) return { updated: 0, doc: null };
          const outcome = applyUpdate(first.doc, update, query);
          if (outcome.modified) this.store.replace(collection, first.rid, outcome.doc);
          return { updated: outcome.modified ? 1 : 0, doc: outcome.doc };
        });
    return { data: { updated: result.updated, doc: result.doc ? toEJSONString(result.doc) : null } };
  }

  private removeDocument(body: ActionBody, origin: RequestOrigin | undefined): Reply {
    const collection = this.collection(body);
    const txId = transactionIdOf(body);
    const query = queryOf(body, this.now);
    if (body.queryType === 'DOC') {
      const id = docIdOf(query);
      if (txId) return { data: { deleted: this.transactions.remove(txId, collection, id) } };
      const rid = this.store.ridOf(collection, id);
      if (rid !== null) this.store.remove(collection, rid);
      return { data: { deleted: rid === null ? 0 : 1 } };
    }
    if (txId)
      throw transactionFail(
        'where().remove() cannot run in a transaction: only single-document operations are supported',
      );
    this.transactions.noteOutsideOperation(collection, 'where().remove()', origin, true);
    const multi = body.multi !== false;
    const deleted = this.store.transaction(() => {
      const matches = this.engine.find({ collection, query, sort: [], skip: 0, ...(multi ? {} : { limit: 1 }) });
      for (const match of matches) this.store.remove(collection, match.rid);
      return matches.length;
    });
    return { data: { deleted } };
  }

  private calculateDocument(body: ActionBody, origin: RequestOrigin | undefined): Reply {
    const collection = this.collection(body);
    const query = queryOf(body, this.now);
    this.transactions.noteOutsideOperation(collection, 'where().count()', origin, true);
    return { data: { total: this.engine.count(collection, query) } };
  }

  private aggregateDocuments(body: ActionBody, origin: RequestOrigin | undefined): Reply {
    const collection = this.collection(body);
    const stages = stagesOf(body, this.now);
    this.transactions.noteOutsideOperation(collection, 'aggregate()', origin, false);
    return { data: { list: encodeList(runPipeline(this.engine, this.store, collection, stages)) } };
  }

  private addCollection(body: ActionBody): Reply {
    const name = collectionNameOf(body);
    if (!this.store.createCollection(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    }
    return {};
  }
}
