import type { Doc } from './ejson';
import { type DbError, duplicateKey, transactionConflict, transactionFail } from './errors';
import { newTransactionId } from './ids';
import { type FindRequest, type QueryEngine, compileMatcher, sortStored } from './query-engine';
import { applyUpdate, replacementDocument } from './updates';
import { type DocId, ID_INDEX, type Store, type StoredDoc } from './store';

/** Who sent a request, as far as the wire tells: used to spot where() calls inside runTransaction. */
export interface RequestOrigin {
  /** Set by the local host when it knows which invocation sent the request (see `emulator/admin`). */
  invocationId?: string;
  /** `seqId` query parameter; `<TCB_SEQID or context eventID>-<hex>_<hex>` inside a function. */
  seqId?: string;
  /** `scfRequestId` query parameter, sent once the function called `tcb.parseContext(context)`. */
  scfRequestId?: string;
}

/**
 * The invocation a request belongs to, when the SDK reveals it: the platform's per-request
 * `scfRequestId`, or the invocation prefix the node SDK puts before its own counter in `seqId`.
 * Outside a function (tests, scripts) there is none, and nothing can be attributed.
 */
export function invocationOf(origin: RequestOrigin = {}): string | undefined {
  if (origin.invocationId) return `host:${origin.invocationId}`;
  if (origin.scfRequestId) return `scf:${origin.scfRequestId}`;
  const match = origin.seqId?.match(/^(.+)-[0-9a-f]+_[0-9a-f]+$/);
  return match ? `seq:${match[1]}` : undefined;
}

interface Touched {
  collection: string;
  id: DocId;
  /** Commit version seen when first read or written; 0 for a document that did not exist. */
  ver: number;
}

interface Staged {
  collection: string;
  id: DocId;
  /** The document to write at commit, or null to delete it. */
  doc: Doc | null;
  /** Insertion order for reads: the committed row id, or a number past all rows for new documents. */
  order: number;
}

interface OpenTransaction {
  id: string;
  startedAt: number;
  invocation: string | undefined;
  touched: Map<string, Touched>;
  writes: Map<string, Staged>;
  collections: Set<string>;
  outsideOperations: Array<{ collection: string; description: string }>;
  /** Set when a misuse was detected; every later operation fails with it. */
  doomed: DbError | null;
}

/** Rows inserted inside a transaction sort after every committed row until they are committed. */
const NEW_ROW_BASE = 2 ** 50;
const ENDED_MEMORY = 1000;

function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${String(id)}`;
}

/** Options of the transaction manager; the limit is injectable so tests need not wait 30 s. */
export interface TransactionOptions {
  timeoutMs: number;
  now: () => number;
}

/**
 * Transactions with optimistic concurrency control. Writes are staged in memory and applied in
 * one SQLite transaction at commit, so no other caller ever sees them before. Every document a
 * transaction reads or writes is recorded with its commit version; commit (and every later
 * operation) re-checks those versions, so any write by someone else in between — another
 * transaction's commit or a plain non-transactional write — makes it fail with
 * DATABASE_TRANSACTION_CONFLICT, which `runTransaction` retries. A second transaction that
 * writes a document staged by an open one gets the conflict at once (first writer wins).
 */
export class TransactionManager {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly ended = new Map<string, string>();
  private newRows = 0;

  constructor(
    private readonly store: Store,
    private readonly engine: QueryEngine,
    private readonly options: TransactionOptions,
  ) {}

  /** Number of transactions still open (expired ones are swept first). */
  openCount(): number {
    this.sweep();
    return this.open.size;
  }

  /** Opens a transaction; `origin` ties it to the invocation that opened it, when known. */
  start(origin?: RequestOrigin): string {
    this.sweep();
    const id = newTransactionId();
    this.open.set(id, {
      id,
      startedAt: this.options.now(),
      invocation: invocationOf(origin),
      touched: new Map(),
      writes: new Map(),
      collections: new Set(),
      outsideOperations: [],
      doomed: null,
    });
    return id;
  }

  /** Applies all staged writes atomically after re-validating everything the transaction saw. */
  commit(id: unknown): void {
    const tx = this.active(id);
    try {
      this.store.transaction(() => {
        this.validate(tx);
        this.applyWrites(tx);
      });
    } catch (error) {
      this.end(tx, `was aborted at commit: ${(error as Error).message}`);
      throw error;
    }
    this.end(tx, 'was already committed', true);
  }

  /** Discards staged writes. Aborting an already aborted or failed transaction is harmless. */
  abort(id: unknown): void {
    if (typeof id !== 'string') throw transactionFail('transactionId is required');
    const tx = this.open.get(id);
    if (tx) {
      this.end(tx, 'was rolled back');
      return;
    }
    const why = this.ended.get(id);
    if (why === undefined) throw transactionFail(`transaction ${id} does not exist`);
    if (why === 'was already committed') throw transactionFail(`transaction ${id} was already committed`);
  }

  /** `doc(id).get()` inside a transaction: its own staged writes first, then committed data. */
  getDocument(txId: unknown, collection: string, id: DocId): Doc | null {
    return this.guard(txId, (tx) => this.view(tx, collection, id)?.doc ?? null);
  }

  /** `where().get()` inside a transaction (the SDK sends the transactionId for reads): committed matches merged with staged writes. */
  find(txId: unknown, request: FindRequest): Doc[] {
    return this.guard(txId, (tx) => this.findIn(tx, request).map((s) => s.doc));
  }

  /** `add()` inside a transaction: staged, visible to the transaction only. */
  insert(txId: unknown, collection: string, docs: Doc[]): DocId[] {
    return this.guard(txId, (tx) => {
      for (const doc of docs) {
        const id = doc._id as DocId;
        if (this.view(tx, collection, id)) {
          throw duplicateKey(this.envName, collection, ID_INDEX, `{ _id: ${JSON.stringify(id)} }`);
        }
        this.stage(tx, collection, id, doc);
      }
      return docs.map((d) => d._id as DocId);
    });
  }

  /** `doc(id).update()`: returns how many documents changed (0 when missing or unchanged). */
  update(txId: unknown, collection: string, id: DocId, update: Doc): number {
    return this.guard(txId, (tx) => {
      const current = this.view(tx, collection, id);
      if (!current) return 0;
      const outcome = applyUpdate(current.doc, update, { _id: id });
      if (outcome.modified) this.stage(tx, collection, id, outcome.doc);
      return outcome.modified ? 1 : 0;
    });
  }

  /** `doc(id).set()`: replace or create. */
  set(txId: unknown, collection: string, id: DocId, data: Doc): { updated: number; upsertedId?: DocId } {
    return this.guard(txId, (tx) => {
      const current = this.view(tx, collection, id);
      const next = replacementDocument(id, data);
      this.stage(tx, collection, id, next);
      return current ? { updated: 1 } : { updated: 0, upsertedId: id };
    });
  }

  /** `doc(id).remove()` inside a transaction. */
  remove(txId: unknown, collection: string, id: DocId): number {
    return this.guard(txId, (tx) => {
      if (!this.view(tx, collection, id)) return 0;
      this.stage(tx, collection, id, null);
      return 1;
    });
  }

  /** `where().updateAndReturn()` with a transactionId: updates the first match, returns it. */
  updateFirst(txId: unknown, collection: string, query: Doc, update: Doc): { updated: number; doc: Doc | null } {
    return this.guard(txId, (tx) => {
      const [first] = this.findIn(tx, { collection, query, sort: [], skip: 0, limit: 1 });
      if (!first) return { updated: 0, doc: null };
      const outcome = applyUpdate(first.doc, update, query);
      if (outcome.modified) this.stage(tx, collection, first.doc._id as DocId, outcome.doc);
      return { updated: outcome.modified ? 1 : 0, doc: outcome.doc };
    });
  }

  /**
   * Called for every `where().update/remove/count` and `aggregate()` sent without a
   * transactionId. The SDK sends those calls that way even inside `runTransaction`, where they
   * silently escape the transaction. When the request can be attributed to the invocation that
   * opened a transaction, it is refused and the transaction fails. Otherwise the write or count
   * is recorded against every open transaction, and one that also touches the collection
   * conflicts (`conflicting` false skips that, for reads with no business in a transaction).
   */
  noteOutsideOperation(
    collection: string,
    description: string,
    origin: RequestOrigin | undefined,
    conflicting: boolean,
  ): void {
    this.sweep();
    const invocation = invocationOf(origin);
    for (const tx of this.open.values()) {
      if (invocation !== undefined && tx.invocation === invocation) {
        const error = transactionFail(
          `${description} on '${collection}' was sent without a transactionId while transaction ${tx.id}, ` +
            `opened by the same invocation, is open. Inside runTransaction, where().update(), where().remove(), ` +
            `where().count() and aggregate() are not part of the transaction: they would run outside it, ` +
            `unisolated and never rolled back. Use doc(id).get/update/set/remove and add() in transactions.`,
        );
        tx.doomed = error;
        throw error;
      }
      if (conflicting) tx.outsideOperations.push({ collection, description });
    }
  }

  private get envName(): string {
    return this.store.envName;
  }

  /** Runs one operation of a transaction: checks it is alive, and ends it if the operation fails. */
  private guard<T>(txId: unknown, fn: (tx: OpenTransaction) => T): T {
    const tx = this.active(txId);
    try {
      return fn(tx);
    } catch (error) {
      if (this.open.has(tx.id)) this.end(tx, `was aborted after an error: ${(error as Error).message}`);
      throw error;
    }
  }

  private active(txId: unknown): OpenTransaction {
    if (typeof txId !== 'string' || txId === '') throw transactionFail('transactionId is required');
    const tx = this.open.get(txId);
    if (!tx) {
      const why = this.ended.get(txId);
      throw transactionFail(why ? `transaction ${txId} ${why}` : `transaction ${txId} does not exist`);
    }
    if (this.expired(tx)) {
      this.end(tx, `was rolled back: it exceeded the ${this.options.timeoutMs / 1000} s limit`);
      throw transactionFail(
        `transaction ${txId} exceeded the ${this.options.timeoutMs / 1000} s limit and was rolled back`,
      );
    }
    if (tx.doomed) {
      const reason = tx.doomed;
      this.end(tx, `failed: ${reason.message}`);
      throw reason;
    }
    try {
      this.validate(tx);
    } catch (error) {
      this.end(tx, `was aborted: ${(error as Error).message}`);
      throw error;
    }
    return tx;
  }

  /** The optimistic check: nothing this transaction saw has changed, nobody wrote its collections by query. */
  private validate(tx: OpenTransaction): void {
    for (const op of tx.outsideOperations) {
      if (!tx.collections.has(op.collection)) continue;
      throw transactionConflict(
        `transaction ${tx.id} conflicts with ${op.description} on '${op.collection}', sent without a transactionId ` +
          `while it was open. If that call was made inside runTransaction: where().update/remove/count are not ` +
          `part of the transaction; use doc(id) operations.`,
      );
    }
    for (const t of tx.touched.values()) {
      if (this.store.versionOf(t.collection, t.id) !== t.ver) {
        throw transactionConflict(
          `document ${t.collection}/${String(t.id)} was written by someone else after transaction ${tx.id} read it`,
        );
      }
    }
  }

  private expired(tx: OpenTransaction): boolean {
    return this.options.now() - tx.startedAt > this.options.timeoutMs;
  }

  private sweep(): void {
    for (const tx of this.open.values()) {
      if (this.expired(tx)) this.end(tx, `was rolled back: it exceeded the ${this.options.timeoutMs / 1000} s limit`);
    }
  }

  private end(tx: OpenTransaction, why: string, committed = false): void {
    this.open.delete(tx.id);
    this.ended.set(tx.id, committed ? 'was already committed' : why);
    if (this.ended.size > ENDED_MEMORY) {
      const oldest = this.ended.keys().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }

  private view(tx: OpenTransaction, collection: string, id: DocId): { doc: Doc; order: number } | null {
    tx.collections.add(collection);
    const key = docKey(collection, id);
    const staged = tx.writes.get(key);
    if (staged) return staged.doc ? { doc: staged.doc, order: staged.order } : null;
    const stored = this.store.getById(collection, id);
    if (!tx.touched.has(key)) tx.touched.set(key, { collection, id, ver: stored?.ver ?? 0 });
    return stored ? { doc: stored.doc, order: stored.rid } : null;
  }

  private stage(tx: OpenTransaction, collection: string, id: DocId, doc: Doc | null): void {
    const key = docKey(collection, id);
    for (const other of this.open.values()) {
      if (other !== tx && !this.expired(other) && other.writes.has(key)) {
        this.end(tx, 'was aborted: write conflict');
        throw transactionConflict(
          `document ${collection}/${String(id)} is being written by another open transaction (${other.id}); ` +
            `transaction ${tx.id} was aborted`,
        );
      }
    }
    const before = this.view(tx, collection, id);
    const previous = tx.writes.get(key);
    const order = previous?.order ?? before?.order ?? NEW_ROW_BASE + ++this.newRows;
    tx.writes.set(key, { collection, id, doc, order });
    // Unique indexes: replay every staged write in a transaction that is always rolled back.
    this.store.dryRun(() => this.applyWrites(tx));
  }

  private applyWrites(tx: OpenTransaction): void {
    for (const w of tx.writes.values()) {
      const rid = this.store.ridOf(w.collection, w.id);
      if (w.doc === null) {
        if (rid !== null) this.store.remove(w.collection, rid);
      } else if (rid !== null) {
        this.store.replace(w.collection, rid, w.doc);
      } else {
        this.store.insert(w.collection, w.doc);
      }
    }
  }

  private findIn(tx: OpenTransaction, request: FindRequest): StoredDoc[] {
    tx.collections.add(request.collection);
    const staged = [...tx.writes.values()].filter((w) => w.collection === request.collection);
    const widened = request.limit === undefined ? undefined : request.skip + request.limit + staged.length;
    const committed = this.engine.find({
      ...request,
      skip: staged.length > 0 ? 0 : request.skip,
      limit: staged.length > 0 ? widened : request.limit,
    });
    for (const s of committed) {
      const key = docKey(request.collection, s.doc._id as DocId);
      if (!tx.touched.has(key))
        tx.touched.set(key, { collection: request.collection, id: s.doc._id as DocId, ver: s.ver });
    }
    if (staged.length === 0) return committed;
    const stagedKeys = new Set(staged.map((w) => docKey(w.collection, w.id)));
    const merged = committed.filter((s) => !stagedKeys.has(docKey(request.collection, s.doc._id as DocId)));
    const matches = compileMatcher(request.query);
    for (const w of staged) {
      if (w.doc && matches(w.doc)) merged.push({ rid: w.order, doc: w.doc, ver: 0 });
    }
    sortStored(merged, request.sort);
    return merged.slice(request.skip, request.limit === undefined ? undefined : request.skip + request.limit);
  }
}
