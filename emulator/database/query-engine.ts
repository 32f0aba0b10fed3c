import { Query } from 'mingo';
import type { AnyObject } from 'mingo/types/types';
import { type SortKey, compareSortKeys, sortKeysOf } from './bson-order';
import type { Doc } from './ejson';
import { requestFailed } from './errors';
import { type QueryPlan, planQuery } from './query-pushdown';
import type { Store, StoredDoc } from './store';

/** A read: filter, order, window. `limit` undefined means no limit (aggregation, updates). */
export interface FindRequest {
  collection: string;
  query: Doc;
  sort: readonly SortKey[];
  skip: number;
  limit?: number;
}

/** What the last query did, for `stats()` and the pushdown tests. */
export interface QueryTrace {
  collection: string;
  kind: 'find' | 'count';
  index: string | null;
  exact: boolean;
  orderedByIndex: boolean;
  /** Documents decoded from SQLite to answer this query. */
  decoded: number;
  returned: number;
}

/** Compiled mingo predicate; an empty query matches everything without compiling. */
export type Matcher = (doc: Doc) => boolean;

/** Compiles a Mongo query with mingo, turning its errors into platform errors. */
export function compileMatcher(query: Doc): Matcher {
  if (Object.keys(query).length === 0) return () => true;
  try {
    const compiled = new Query(query as AnyObject, { scriptEnabled: false });
    return (doc) => compiled.test(doc as AnyObject);
  } catch (error) {
    throw requestFailed(`invalid query: ${(error as Error).message}`);
  }
}

/** Sorts documents by a sort specification, ties in insertion order. */
export function sortStored(docs: StoredDoc[], sort: readonly SortKey[]): StoredDoc[] {
  if (sort.length === 0) return docs.sort((a, b) => a.rid - b.rid);
  const keyed = docs.map((stored) => ({ stored, keys: sortKeysOf(stored.doc, sort) }));
  keyed.sort((a, b) => compareSortKeys(a.keys, b.keys, sort) || a.stored.rid - b.stored.rid);
  for (let i = 0; i < keyed.length; i++) docs[i] = keyed[i]!.stored;
  return docs;
}

/**
 * Answers reads over committed data: the planner narrows candidates in SQL, mingo decides,
 * and the window is cut as early as the plan allows (in SQL when the filter is exact).
 */
export class QueryEngine {
  lastTrace: QueryTrace | null = null;

  constructor(private readonly store: Store) {}

  /** The plan a query would use (exposed for tests and diagnostics). */
  plan(collection: string, query: Doc, sort: readonly SortKey[] = []): QueryPlan {
    return planQuery(collection, query, sort, this.store.indexesOf(collection));
  }

  /** Matching documents in order, windowed; decodes as few rows as the plan allows. */
  find(request: FindRequest): StoredDoc[] {
    const { collection, query, sort, skip, limit } = request;
    const plan = this.plan(collection, query, sort);
    const matches = compileMatcher(query);
    const decodedBefore = this.store.decodedCount;
    let result: StoredDoc[];
    if (plan.ordered && plan.exact && !plan.distinct && limit !== undefined) {
      const rows = this.store.rows(`${plan.sql} LIMIT ? OFFSET ?`, [...plan.params, limit, skip]);
      result = [];
      for (const row of rows) {
        const stored = this.store.decode(row);
        if (matches(stored.doc)) result.push(stored);
      }
    } else if (plan.ordered) {
      result = [];
      let toSkip = skip;
      const seen = new Set<number>();
      for (const row of this.store.rows(plan.sql, plan.params)) {
        if (limit !== undefined && result.length >= limit) break;
        if (plan.distinct) {
          if (seen.has(row.rid)) continue;
          seen.add(row.rid);
        }
        const stored = this.store.decode(row);
        if (!matches(stored.doc)) continue;
        if (toSkip > 0) toSkip--;
        else result.push(stored);
      }
    } else {
      const all = this.collect(plan, matches);
      sortStored(all, sort);
      result = all.slice(skip, limit === undefined ? undefined : skip + limit);
    }
    this.lastTrace = {
      collection,
      kind: 'find',
      index: plan.index,
      exact: plan.exact,
      orderedByIndex: plan.ordered && sort.length > 0,
      decoded: this.store.decodedCount - decodedBefore,
      returned: result.length,
    };
    return result;
  }

  /** Number of matches; answered by SQL alone when the pushed-down filter is exact. */
  count(collection: string, query: Doc): number {
    const plan = this.plan(collection, query);
    const decodedBefore = this.store.decodedCount;
    const total = plan.countSql
      ? this.store.scalar(plan.countSql, plan.params)
      : this.collect(plan, compileMatcher(query)).length;
    this.lastTrace = {
      collection,
      kind: 'count',
      index: plan.index,
      exact: plan.exact,
      orderedByIndex: false,
      decoded: this.store.decodedCount - decodedBefore,
      returned: total,
    };
    return total;
  }

  private collect(plan: QueryPlan, matches: Matcher): StoredDoc[] {
    const out: StoredDoc[] = [];
    const seen = new Set<number>();
    for (const row of this.store.rows(plan.sql, plan.params)) {
      if (plan.distinct) {
        if (seen.has(row.rid)) continue;
        seen.add(row.rid);
      }
      const stored = this.store.decode(row);
      if (matches(stored.doc)) out.push(stored);
    }
    return out;
  }
}
