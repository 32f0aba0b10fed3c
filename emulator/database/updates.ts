import { update as applyModifier } from 'mingo';
import type { AnyObject } from 'mingo/types/types';
import type { Modifier } from 'mingo/types/updater';
import { type Doc, cloneDoc, isPlainObject, toEJSONString } from './ejson';
import { requestFailed } from './errors';

/** Update operators the SDK's command builder can emit (and a few more Mongo has). */
const UPDATE_OPERATORS: ReadonlySet<string> = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$min',
  '$max',
  '$rename',
  '$bit',
  '$currentDate',
]);

/**
 * Turns `merge: true` data into operators. The SDK always sends operators; raw callers may
 * send plain fields, which Mongo-style merge semantics treat as `$set`.
 */
export function normalizeUpdate(data: Doc): Doc {
  const operators: Doc = {};
  const plain: Doc = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('$')) {
      if (!UPDATE_OPERATORS.has(key)) throw requestFailed(`Unknown modifier: ${key}`);
      if (!isPlainObject(value))
        throw requestFailed(`Modifiers operate on fields but we found type ${typeof value} instead for ${key}`);
      operators[key] = value;
    } else {
      plain[key] = value;
    }
  }
  if (Object.keys(plain).length > 0) {
    operators.$set = { ...(isPlainObject(operators.$set) ? operators.$set : {}), ...plain };
  }
  for (const op of Object.values(operators)) {
    for (const path of Object.keys(op as Doc)) {
      if (path === '_id' || path.startsWith('_id.'))
        throw requestFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`);
    }
  }
  return operators;
}

function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Mongo refuses arithmetic on non-numbers; mingo would silently skip it. */
function checkArithmetic(doc: Doc, update: Doc): void {
  for (const op of ['$inc', '$mul'] as const) {
    const fields = update[op];
    if (!isPlainObject(fields)) continue;
    for (const [path, operand] of Object.entries(fields)) {
      if (typeof operand !== 'number')
        throw requestFailed(`Cannot ${op.slice(1)} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`);
      const current = valueAt(doc, path);
      if (current !== undefined && current !== null && typeof current !== 'number') {
        throw requestFailed(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeof current}`,
        );
      }
    }
  }
}

/** Result of applying an update: the new document and whether anything changed (Mongo's nModified). */
export interface UpdateOutcome {
  doc: Doc;
  modified: boolean;
}

/** Applies update operators to a copy of `doc`; `query` feeds the positional `$` operator. */
export function applyUpdate(doc: Doc, update: Doc, query: Doc = {}): UpdateOutcome {
  const next = cloneDoc(doc);
  checkArithmetic(next, update);
  try {
    applyModifier(next as AnyObject, update as Modifier<AnyObject>, undefined, query as AnyObject);
  } catch (error) {
    throw requestFailed((error as Error).message);
  }
  if (next._id !== doc._id)
    throw requestFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`);
  return { doc: next, modified: toEJSONString(next) !== toEJSONString(doc) };
}

/** The document `set()` writes: the data with the given `_id`, nothing of the old one kept. */
export function replacementDocument(id: unknown, data: Doc): Doc {
  for (const key of Object.keys(data)) {
    if (key.startsWith('$'))
      throw requestFailed('update operator complicit: set() replaces the document and takes no operators');
  }
  if ('_id' in data && data._id !== id)
    throw requestFailed(`the _id field cannot be changed from ${JSON.stringify(id)}`);
  const { _id: _ignored, ...rest } = data;
  void _ignored;
  return { _id: id, ...rest };
}
