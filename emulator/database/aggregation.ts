import { Aggregator } from 'mingo';
import type { AnyObject } from 'mingo/types/types';
import type { SortKey } from './bson-order';
import { type Doc, isPlainObject } from './ejson';
import { requestFailed } from './errors';
import type { QueryEngine } from './query-engine';
import type { Store } from './store';

const UNSUPPORTED_STAGES = new Set(['$out', '$merge', '$geoNear', '$changeStream', '$currentOp', '$indexStats']);

function stageName(stage: Doc): string {
  return Object.keys(stage)[0] ?? '';
}

function asSort(spec: unknown): SortKey[] | null {
  if (!isPlainObject(spec)) return null;
  const keys: SortKey[] = [];
  for (const [path, dir] of Object.entries(spec)) {
    if (dir !== 1 && dir !== -1) return null;
    keys.push([path, dir]);
  }
  return keys;
}

function nonNegativeInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Runs a pipeline: a leading `$match` [`$sort`] [`$skip`] [`$limit`] is answered by the query
 * engine (indexes, early stop), the rest by mingo. `$lookup` reads other collections whole.
 */
export function runPipeline(engine: QueryEngine, store: Store, collection: string, stages: Doc[]): Doc[] {
  for (const stage of stages) {
    if (UNSUPPORTED_STAGES.has(stageName(stage)))
      throw requestFailed(`${stageName(stage)} is not supported by the local emulator`);
  }
  let i = 0;
  let query: Doc = {};
  let sort: SortKey[] = [];
  let skip = 0;
  let limit: number | undefined;
  if (stageName(stages[i] ?? {}) === '$match' && isPlainObject(stages[i]!.$match)) {
    query = stages[i]!.$match as Doc;
    i++;
  }
  const sortSpec = stageName(stages[i] ?? {}) === '$sort' ? asSort(stages[i]!.$sort) : null;
  if (sortSpec) {
    sort = sortSpec;
    i++;
  }
  const skipValue = stageName(stages[i] ?? {}) === '$skip' ? nonNegativeInteger(stages[i]!.$skip) : null;
  if (skipValue !== null) {
    skip = skipValue;
    i++;
  }
  const limitValue = stageName(stages[i] ?? {}) === '$limit' ? nonNegativeInteger(stages[i]!.$limit) : null;
  if (limitValue !== null && limitValue > 0) {
    limit = limitValue;
    i++;
  }
  const input = engine
    .find({ collection, query, sort, skip, ...(limit === undefined ? {} : { limit }) })
    .map((s) => s.doc);
  const rest = stages.slice(i);
  if (rest.length === 0) return input;
  const resolved = new Map<string, AnyObject[]>();
  const collectionResolver = (name: string): AnyObject[] => {
    let docs = resolved.get(name);
    if (!docs) {
      docs = store.hasCollection(name)
        ? engine.find({ collection: name, query: {}, sort: [], skip: 0 }).map((s) => s.doc as AnyObject)
        : [];
      resolved.set(name, docs);
    }
    return docs;
  };
  try {
    return new Aggregator(rest as AnyObject[], { scriptEnabled: false, collectionResolver }).run(
      input as AnyObject[],
    ) as Doc[];
  } catch (error) {
    throw requestFailed(`aggregation failed: ${(error as Error).message}`);
  }
}
