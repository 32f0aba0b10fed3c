import Database from 'better-sqlite3';
import type { IndexSpec } from '../../database/schema';
import { type Doc, parseStored, toStoredString } from './ejson';
import { duplicateKey } from './errors';
import { type IndexDefinition, type KeyPart, documentKeys } from './index-keys';

/** `_id` values the store accepts; SQLite keeps their type, so `5` and `'5'` stay distinct ids. */
export type DocId = string | number;

/** A row as SQLite returns it; decoding is counted, so callers keep rows raw as long as they can. */
export interface RawRow {
  rid: number;
  body: string;
  ver: number;
}

/** A decoded document with its insertion order (`rid`) and commit version (`ver`). */
export interface StoredDoc {
  rid: number;
  doc: Doc;
  ver: number;
}

/** An index as the query planner sees it. */
export interface IndexInfo extends IndexDefinition {
  /** SQLite table of entries; `null` for the built-in `_id_` index, served by the docs table. */
  table: string | null;
  /** Key paths on which some document has held an array (never cleared, as in Mongo). */
  multikeyPaths: Set<string>;
}

interface IndexRuntime extends IndexInfo {
  id: number;
  table: string;
  insert: Database.Statement;
  deleteByRid: Database.Statement;
}

type SqlValue = number | string | null;

/** Name of the built-in primary index, as Mongo names it in duplicate-key messages. */
export const ID_INDEX = '_id_';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  rid INTEGER PRIMARY KEY AUTOINCREMENT,
  coll TEXT NOT NULL,
  id NOT NULL,
  body TEXT NOT NULL,
  ver INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS docs_coll_id ON docs (coll, id);
CREATE INDEX IF NOT EXISTS docs_coll_rid ON docs (coll, rid);
CREATE TABLE IF NOT EXISTS indexes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  coll TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  multikey TEXT NOT NULL DEFAULT '[]',
  UNIQUE (coll, name)
);
`;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function describeKeyPart(part: KeyPart): string {
  const [rank, value] = part;
  if (rank === 2) return 'null';
  if (rank === 10 && typeof value === 'number') return `new Date(${value})`;
  return JSON.stringify(value);
}

function definitionOf(spec: IndexSpec): IndexDefinition {
  return {
    name: spec.name,
    keys: Object.entries(spec.keys).map(([path, dir]) => [path, dir === -1 ? -1 : 1] as const),
    unique: spec.unique === true,
  };
}

/**
 * Documents as rows in SQLite, one table for all collections, plus one entry table per declared
 * index whose rows are `(rank, value)` pairs per key. Entry tables give multikey (array) indexes,
 * Mongo type order, and unique constraints (missing = null) straight from SQLite.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly indexes = new Map<string, IndexRuntime[]>();
  private readonly collectionNames = new Set<string>();
  private version: number;
  /** How many stored bodies were decoded, the cost the query planner exists to avoid. */
  decodedCount = 0;

  constructor(
    file: string | undefined,
    /** Environment name shown in duplicate-key messages (`collection: <env>.<name>`). */
    readonly envName: string,
  ) {
    this.db = new Database(file ?? ':memory:');
    if (file) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.exec(SCHEMA);
    for (const row of this.db.prepare('SELECT name FROM collections').all() as Array<{ name: string }>) {
      this.collectionNames.add(row.name);
    }
    const indexRows = this.db.prepare('SELECT id, coll, definition, multikey FROM indexes ORDER BY id').all() as Array<{
      id: number;
      coll: string;
      definition: string;
      multikey: string;
    }>;
    for (const row of indexRows) {
      const def = JSON.parse(row.definition) as IndexDefinition;
      this.attachIndex(row.id, row.coll, def, new Set(JSON.parse(row.multikey) as string[]));
    }
    const max = this.db.prepare('SELECT MAX(ver) AS v FROM docs').get() as { v: number | null };
    this.version = max.v ?? 0;
  }

  /** Closes the SQLite handle; WAL mode has already made every committed write durable. */
  close(): void {
    this.db.close();
  }

  /** Runs `fn` atomically; nested calls become savepoints. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Runs `fn` inside a transaction that is always rolled back: constraint checks without effects. */
  dryRun<T>(fn: () => T): T {
    const rollback = Symbol('rollback');
    let result: T | undefined;
    try {
      this.db.transaction(() => {
        result = fn();
        throw rollback;
      })();
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return result as T;
  }

  /** Collections exist only once created (declared or `createCollection`), as in CloudBase. */
  hasCollection(name: string): boolean {
    return this.collectionNames.has(name);
  }

  /** Creates a collection; false when it already existed. */
  createCollection(name: string): boolean {
    if (this.collectionNames.has(name)) return false;
    this.db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)').run(name, Date.now());
    this.collectionNames.add(name);
    return true;
  }

  /** The indexes a query on `collection` may use, the built-in `_id_` first. */
  indexesOf(collection: string): IndexInfo[] {
    const idIndex: IndexInfo = {
      name: ID_INDEX,
      keys: [['_id', 1]],
      unique: true,
      table: null,
      multikeyPaths: new Set(),
    };
    return [idIndex, ...(this.indexes.get(collection) ?? [])];
  }

  /**
   * Makes the collection's secondary indexes exactly `specs`: creates and backfills new ones,
   * rebuilds changed ones, drops undeclared ones. Idempotent, so it runs on every start.
   */
  ensureIndexes(collection: string, specs: IndexSpec[]): void {
    this.transaction(() => {
      const existing = new Map((this.indexes.get(collection) ?? []).map((ix) => [ix.name, ix]));
      for (const spec of specs) {
        if (spec.name === ID_INDEX) throw new Error(`index name ${ID_INDEX} is reserved`);
        const def = definitionOf(spec);
        const current = existing.get(spec.name);
        existing.delete(spec.name);
        if (current && JSON.stringify(definitionOf(this.specOf(current))) === JSON.stringify(def)) continue;
        if (current) this.dropIndex(current);
        this.createIndex(collection, def);
      }
      for (const stale of existing.values()) this.dropIndex(stale);
    });
  }

  private specOf(ix: IndexRuntime): IndexSpec {
    return { name: ix.name, keys: Object.fromEntries(ix.keys), unique: ix.unique || undefined };
  }

  private createIndex(collection: string, def: IndexDefinition): void {
    const info = this.db
      .prepare('INSERT INTO indexes (coll, name, definition) VALUES (?, ?, ?)')
      .run(collection, def.name, JSON.stringify(def));
    const id = Number(info.lastInsertRowid);
    const table = `ix_${id}`;
    const columns = def.keys.map((_, i) => `t${i} INTEGER NOT NULL, v${i} NOT NULL`).join(', ');
    const keyColumns = def.keys
      .map(([, dir], i) => {
        const order = dir === -1 ? 'DESC' : 'ASC';
        return `t${i} ${order}, v${i} ${order}`;
      })
      .join(', ');
    this.db.exec(`CREATE TABLE ${table} (rid INTEGER NOT NULL, ${columns})`);
    this.db.exec(
      def.unique
        ? `CREATE UNIQUE INDEX ${table}_keys ON ${table} (${keyColumns})`
        : `CREATE INDEX ${table}_keys ON ${table} (${keyColumns}, rid)`,
    );
    this.db.exec(`CREATE INDEX ${table}_rid ON ${table} (rid)`);
    const ix = this.attachIndex(id, collection, def, new Set());
    const rows = this.db
      .prepare('SELECT rid, body, ver FROM docs WHERE coll = ? ORDER BY rid')
      .all(collection) as RawRow[];
    for (const row of rows) {
      const { doc } = this.decode(row);
      this.writeIndexEntries(collection, ix, row.rid, doc);
    }
  }

  private dropIndex(ix: IndexRuntime): void {
    this.db.exec(`DROP TABLE IF EXISTS ${ix.table}`);
    this.db.prepare('DELETE FROM indexes WHERE id = ?').run(ix.id);
    for (const [coll, runtimes] of this.indexes) {
      this.indexes.set(
        coll,
        runtimes.filter((r) => r.id !== ix.id),
      );
    }
  }

  private attachIndex(id: number, collection: string, def: IndexDefinition, multikey: Set<string>): IndexRuntime {
    const table = `ix_${id}`;
    const placeholders = def.keys.map(() => '?, ?').join(', ');
    const runtime: IndexRuntime = {
      ...def,
      id,
      table,
      multikeyPaths: multikey,
      insert: this.db.prepare(`INSERT INTO ${table} VALUES (?, ${placeholders})`),
      deleteByRid: this.db.prepare(`DELETE FROM ${table} WHERE rid = ?`),
    };
    const list = this.indexes.get(collection) ?? [];
    list.push(runtime);
    this.indexes.set(collection, list);
    return runtime;
  }

  private writeIndexEntries(collection: string, ix: IndexRuntime, rid: number, doc: Doc): void {
    const { entries, multikeyPaths } = documentKeys(doc, ix);
    const added = multikeyPaths.filter((p) => !ix.multikeyPaths.has(p));
    if (added.length > 0) {
      for (const p of added) ix.multikeyPaths.add(p);
      this.db.prepare('UPDATE indexes SET multikey = ? WHERE id = ?').run(JSON.stringify([...ix.multikeyPaths]), ix.id);
    }
    for (const entry of entries) {
      try {
        ix.insert.run(rid, ...entry.flat());
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const key = ix.keys.map(([path], i) => `${path}: ${describeKeyPart(entry[i]!)}`).join(', ');
        throw duplicateKey(this.envName, collection, ix.name, `{ ${key} }`);
      }
    }
  }

  private writeAllIndexes(collection: string, rid: number, doc: Doc): void {
    for (const ix of this.indexes.get(collection) ?? []) this.writeIndexEntries(collection, ix, rid, doc);
  }

  private clearAllIndexes(collection: string, rid: number): void {
    for (const ix of this.indexes.get(collection) ?? []) ix.deleteByRid.run(rid);
  }

  /** Inserts a document whose `_id` is set; duplicate `_id` or unique keys throw E11000. */
  insert(collection: string, doc: Doc): StoredDoc {
    const id = doc._id as DocId;
    const ver = ++this.version;
    let rid: number;
    try {
      const info = this.prepare('INSERT INTO docs (coll, id, body, ver) VALUES (?, ?, ?, ?)').run(
        collection,
        id,
        toStoredString(doc),
        ver,
      );
      rid = Number(info.lastInsertRowid);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw duplicateKey(this.envName, collection, ID_INDEX, `{ _id: ${JSON.stringify(id)} }`);
    }
    this.writeAllIndexes(collection, rid, doc);
    return { rid, doc, ver };
  }

  /** Replaces the body of an existing row (same `_id`), re-indexing it. */
  replace(collection: string, rid: number, doc: Doc): StoredDoc {
    const ver = ++this.version;
    this.prepare('UPDATE docs SET body = ?, ver = ? WHERE rid = ?').run(toStoredString(doc), ver, rid);
    this.clearAllIndexes(collection, rid);
    this.writeAllIndexes(collection, rid, doc);
    return { rid, doc, ver };
  }

  /** Deletes a row and its index entries. */
  remove(collection: string, rid: number): void {
    this.prepare('DELETE FROM docs WHERE rid = ?').run(rid);
    this.clearAllIndexes(collection, rid);
  }

  /** Reads one document by `_id` without going through the planner. */
  getById(collection: string, id: DocId): StoredDoc | null {
    const row = this.prepare('SELECT rid, body, ver FROM docs WHERE coll = ? AND id = ?').get(collection, id) as
      RawRow | undefined;
    return row ? this.decode(row) : null;
  }

  /** The row id of a document, without decoding it. */
  ridOf(collection: string, id: DocId): number | null {
    const row = this.prepare('SELECT rid FROM docs WHERE coll = ? AND id = ?').get(collection, id) as
      { rid: number } | undefined;
    return row?.rid ?? null;
  }

  /** The commit version of a document, 0 when it does not exist (optimistic transaction checks). */
  versionOf(collection: string, id: DocId): number {
    const row = this.prepare('SELECT ver FROM docs WHERE coll = ? AND id = ?').get(collection, id) as
      { ver: number } | undefined;
    return row?.ver ?? 0;
  }

  /** Streams rows of a planner-built SELECT returning `rid, body, ver`; nothing is decoded yet. */
  rows(sql: string, params: readonly SqlValue[]): IterableIterator<RawRow> {
    return this.prepare(sql).iterate(...params) as IterableIterator<RawRow>;
  }

  /** A single number from a planner-built aggregate query (COUNT). */
  scalar(sql: string, params: readonly SqlValue[]): number {
    const row = this.prepare(sql)
      .raw(true)
      .get(...params) as unknown[] | undefined;
    return Number(row?.[0] ?? 0);
  }

  /** SQLite's plan for a statement, so tests can see that an index, not a full scan, is used. */
  explain(sql: string, params: readonly SqlValue[]): string[] {
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail);
  }

  /** Decodes a row (counted in {@link decodedCount}). */
  decode(row: RawRow): StoredDoc {
    this.decodedCount++;
    return { rid: row.rid, doc: parseStored(row.body), ver: row.ver };
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size > 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
