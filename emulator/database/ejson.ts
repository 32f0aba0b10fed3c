import { EJSON } from 'bson';
import { invalidParam } from './errors';

/** A stored document: plain objects with JS numbers, `Date`, `RegExp` and a few BSON classes. */
export type Doc = Record<string, unknown>;

/** Flags a JS RegExp accepts that also mean the same thing in BSON (`g`, `y`, `d` have no BSON meaning). */
const PORTABLE_REGEX_FLAGS = ['i', 'm', 's', 'u'];

/** True for `{}`-literal objects (not Date, RegExp, arrays or BSON class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Builds a JS RegExp from BSON pattern/options, dropping options JS cannot express (`x`, `l`). */
export function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split(''))].filter((f) => PORTABLE_REGEX_FLAGS.includes(f)).join('');
  return new RegExp(pattern, flags);
}

function decodeDate(raw: unknown): Date {
  if (typeof raw === 'number') return new Date(raw);
  if (typeof raw === 'string') return new Date(Date.parse(raw));
  if (isPlainObject(raw) && typeof raw.$numberLong === 'string') return new Date(Number(raw.$numberLong));
  throw invalidParam(`unrecognised $date value ${JSON.stringify(raw)}`);
}

/** What to do with `{"$tcb_server_date":{"offset":N}}`; stored data never contains it. */
export interface DecodeOptions {
  /** Server clock for `db.serverDate()`; omit to reject server dates (stored documents). */
  now?: () => number;
}

const WRAPPER_KEYS: ReadonlySet<string> = new Set([
  '$numberInt',
  '$numberDouble',
  '$numberLong',
  '$date',
  '$regularExpression',
  '$tcb_server_date',
  '$oid',
  '$numberDecimal',
  '$binary',
  '$uuid',
  '$timestamp',
  '$minKey',
  '$maxKey',
]);

/** The only key of an object when it looks like an EJSON wrapper (`{"$date": …}`), else undefined. */
function wrapperKey(value: Record<string, unknown>): string | undefined {
  let first: string | undefined;
  for (const key in value) {
    if (first !== undefined) return undefined;
    if (key.charCodeAt(0) !== 36 /* $ */) return undefined;
    first = key;
  }
  return first !== undefined && WRAPPER_KEYS.has(first) ? first : undefined;
}

function unwrap(key: string, value: Record<string, unknown>, options: DecodeOptions): unknown {
  const inner = value[key];
  switch (key) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberLong':
      return Number(inner);
    case '$date':
      return decodeDate(inner);
    case '$regularExpression': {
      if (!isPlainObject(inner)) break;
      return toRegExp(String(inner.pattern ?? ''), String(inner.options ?? ''));
    }
    case '$tcb_server_date': {
      if (!options.now) throw invalidParam('$tcb_server_date is only valid in a request');
      const spec = convert(inner, options);
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(options.now() + offset);
    }
    default:
      return EJSON.deserialize(value, { relaxed: false });
  }
  return value;
}

/** Converts freshly parsed JSON in place (no copy: decoding is the emulator's hot path). */
function convert(value: unknown, options: DecodeOptions): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = convert(value[i], options);
    return value;
  }
  const object = value as Record<string, unknown>;
  const wrapper = wrapperKey(object);
  if (wrapper !== undefined) return unwrap(wrapper, object, options);
  for (const key in object) object[key] = convert(object[key], options);
  return object;
}

/**
 * Turns a JSON value in canonical or relaxed Extended JSON into native values. Written by hand
 * rather than `EJSON.deserialize` so that query operators such as `$regex`/`$options` stay
 * operators, regex flags like `g` that bson refuses are dropped, and server dates resolve.
 * The argument is not modified.
 */
export function fromEJSONValue(value: unknown, options: DecodeOptions = {}): unknown {
  return convert(structuredClone(value), options);
}

/** Parses an EJSON string sent by the SDK (query, update, document, order, projection, stage). */
export function parseWire(text: unknown, now: () => number, what: string): unknown {
  if (typeof text !== 'string') {
    // Raw objects are accepted too: some callers post parameters already decoded.
    return fromEJSONValue(text, { now });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidParam(`${what} is not valid JSON`);
  }
  return convert(json, { now });
}

/** Canonical EJSON, the form the SDK sends and parses back, used for storage and replies. */
export function toEJSONString(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}

/**
 * The stored form: relaxed EJSON, where numbers stay plain JSON numbers, which decodes several
 * times faster than the canonical form (the int/double distinction is not kept: JS has neither).
 */
export function toStoredString(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/** Decodes a stored body written by {@link toStoredString}. */
export function parseStored(text: string): Doc {
  return convert(JSON.parse(text), {}) as Doc;
}

/** Deep copy through the stored form, so updates never alias request or cached values. */
export function cloneDoc(doc: Doc): Doc {
  return parseStored(toStoredString(doc));
}
