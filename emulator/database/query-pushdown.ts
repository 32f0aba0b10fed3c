import { RANK, type SortKey, compareValues, typeRank } from './bson-order';
import { type Doc, isPlainObject } from './ejson';
import { encodeKeyPart } from './index-keys';
import type { IndexInfo } from './store';

/** Values an index can hold and compare exactly. */
type Scalar = number | string | boolean | Date | null;
type RangeOp = '$gt' | '$gte' | '$lt' | '$lte';
type RangeValue = number | string | Date;

type Condition = { kind: 'eq'; values: Scalar[] } | { kind: 'range'; op: RangeOp; value: RangeValue };

interface PathConditions {
  conditions: Condition[];
  /** False when some condition on the path could not be expressed (left to mingo). */
  complete: boolean;
}

/** The pushable part of a query: per-path conditions, plus whether anything else remains. */
export interface QueryShape {
  paths: Map<string, PathConditions>;
  residual: boolean;
}

type SqlValue = number | string | null;

/** A SELECT over `rid, body, ver` and what the caller may assume about its rows. */
export interface QueryPlan {
  sql: string;
  params: SqlValue[];
  /** A COUNT with the same filter, present only when the SQL filter equals the query. */
  countSql: string | null;
  /** The SQL filter selects exactly the matching documents (mingo re-checks anyway). */
  exact: boolean;
  /** Rows arrive in the requested order (insertion order when none was requested). */
  ordered: boolean;
  /** A document may appear in several rows (multikey index entries). */
  distinct: boolean;
  /** Name of the index used, `null` for a collection scan. */
  index: string | null;
}

const RANGE_OPS: ReadonlySet<string> = new Set(['$gt', '$gte', '$lt', '$lte']);

function isScalar(value: unknown): value is Scalar {
  if (value === null) return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function isRangeValue(value: unknown): value is RangeValue {
  return isScalar(value) && value !== null && typeof value !== 'boolean';
}

function keyOf(value: Scalar): string {
  const [rank, v] = encodeKeyPart(value);
  return `${rank}:${typeof v}:${String(v)}`;
}

function dedupe(values: Scalar[]): Scalar[] {
  return [...new Map(values.map((v) => [keyOf(v), v])).values()];
}

/** Splits a query into per-path conditions an index can serve and a residual flag. */
export function analyseQuery(query: Doc): QueryShape {
  const shape: QueryShape = { paths: new Map(), residual: false };
  const pathOf = (path: string): PathConditions => {
    let pc = shape.paths.get(path);
    if (!pc) {
      pc = { conditions: [], complete: true };
      shape.paths.set(path, pc);
    }
    return pc;
  };
  const visit = (q: Doc): void => {
    for (const [key, cond] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(cond)) {
        for (const sub of cond) {
          if (isPlainObject(sub)) visit(sub);
          else shape.residual = true;
        }
      } else if (key.startsWith('$')) {
        shape.residual = true;
      } else if (cond !== undefined) {
        addCondition(pathOf(key), cond);
      }
    }
  };
  visit(query);
  return shape;
}

function addCondition(pc: PathConditions, cond: unknown): void {
  if (isScalar(cond)) {
    pc.conditions.push({ kind: 'eq', values: [cond] });
    return;
  }
  const operators = isPlainObject(cond) ? Object.keys(cond) : [];
  if (!isPlainObject(cond) || operators.length === 0 || !operators.every((op) => op.startsWith('$'))) {
    pc.complete = false; // object or array equality, regex: left to mingo
    return;
  }
  for (const op of operators) {
    const arg = cond[op];
    if (op === '$eq' && isScalar(arg)) pc.conditions.push({ kind: 'eq', values: [arg] });
    else if (op === '$in' && Array.isArray(arg) && arg.every(isScalar)) {
      pc.conditions.push({ kind: 'eq', values: dedupe(arg as Scalar[]) });
    } else if (RANGE_OPS.has(op) && isRangeValue(arg))
      pc.conditions.push({ kind: 'range', op: op as RangeOp, value: arg });
    else pc.complete = false;
  }
}

interface Bound {
  value: RangeValue;
  inclusive: boolean;
}

/** What SQL will enforce on one index key. */
interface KeyConstraint {
  eq?: Scalar[];
  rank?: number;
  lower?: Bound;
  upper?: Bound;
  /** The SQL condition is equivalent to the query's conditions on this path. */
  exact: boolean;
}

function satisfies(value: Scalar, cond: { op: RangeOp; value: RangeValue }): boolean {
  if (typeRank(value) !== typeRank(cond.value)) return false;
  const c = compareValues(value, cond.value);
  switch (cond.op) {
    case '$gt':
      return c > 0;
    case '$gte':
      return c >= 0;
    case '$lt':
      return c < 0;
    case '$lte':
      return c <= 0;
  }
}

function tighter(a: Bound | undefined, b: Bound, lower: boolean): Bound {
  if (!a) return b;
  const c = compareValues(b.value, a.value);
  if (c === 0) return a.inclusive && !b.inclusive ? b : a;
  return (lower ? c > 0 : c < 0) ? b : a;
}

/**
 * The constraint SQL can apply on one key. On a multikey path every condition may be met by a
 * different array element, so only one condition is pushed and the rest is left to mingo.
 */
function constrain(pc: PathConditions, multikey: boolean): KeyConstraint | null {
  const eqs = pc.conditions.filter((c): c is Extract<Condition, { kind: 'eq' }> => c.kind === 'eq');
  const ranges = pc.conditions.filter((c): c is Extract<Condition, { kind: 'range' }> => c.kind === 'range');
  if (multikey) {
    const first: Condition | undefined = eqs.length > 0 ? eqs[0] : ranges[0];
    if (!first) return null;
    if (first.kind === 'eq') return { eq: first.values, exact: false };
    const bound = { value: first.value, inclusive: first.op === '$gte' || first.op === '$lte' };
    const lower = first.op === '$gt' || first.op === '$gte';
    return { rank: typeRank(first.value), ...(lower ? { lower: bound } : { upper: bound }), exact: false };
  }
  if (eqs.length > 0) {
    let values = eqs[0]!.values;
    for (const other of eqs.slice(1)) {
      const keys = new Set(other.values.map(keyOf));
      values = values.filter((v) => keys.has(keyOf(v)));
    }
    values = values.filter((v) => ranges.every((r) => satisfies(v, r)));
    return { eq: values, exact: pc.complete };
  }
  if (ranges.length === 0) return null;
  const rank = typeRank(ranges[0]!.value);
  if (ranges.some((r) => typeRank(r.value) !== rank)) return { eq: [], exact: pc.complete };
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  for (const r of ranges) {
    const bound = { value: r.value, inclusive: r.op === '$gte' || r.op === '$lte' };
    if (r.op === '$gt' || r.op === '$gte') lower = tighter(lower, bound, true);
    else upper = tighter(upper, bound, false);
  }
  return { rank, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), exact: pc.complete };
}

function bindValue(value: Scalar): SqlValue {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** SQL for one key of an entry table; `x.t<i>` is the type rank, `x.v<i>` the value. */
function entryKeySql(i: number, c: KeyConstraint, params: SqlValue[]): string {
  if (c.eq) {
    if (c.eq.length === 0) return '0';
    const byRank = new Map<number, Scalar[]>();
    for (const v of c.eq) byRank.set(typeRank(v), [...(byRank.get(typeRank(v)) ?? []), v]);
    const parts: string[] = [];
    for (const [rank, values] of byRank) {
      if (rank === RANK.null) {
        parts.push(`x.t${i} = ${RANK.null}`);
        continue;
      }
      params.push(...values.map(bindValue));
      const test = values.length === 1 ? `= ?` : `IN (${values.map(() => '?').join(', ')})`;
      parts.push(`(x.t${i} = ${rank} AND x.v${i} ${test})`);
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  const sql = [`x.t${i} = ${c.rank}`];
  if (c.lower) {
    sql.push(`x.v${i} ${c.lower.inclusive ? '>=' : '>'} ?`);
    params.push(bindValue(c.lower.value));
  }
  if (c.upper) {
    sql.push(`x.v${i} ${c.upper.inclusive ? '<=' : '<'} ?`);
    params.push(bindValue(c.upper.value));
  }
  return sql.join(' AND ');
}

/**
 * SQL for `_id`, stored natively in `docs.id` (text or number). SQLite orders numbers before
 * text, so `< ''` keeps a range among numbers and `>= ''` among strings, still using the index.
 */
function idKeySql(c: KeyConstraint, params: SqlValue[]): string {
  if (c.eq) {
    const values = c.eq.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    if (values.length === 0) return '0';
    params.push(...values);
    return values.length === 1 ? 'd.id = ?' : `d.id IN (${values.map(() => '?').join(', ')})`;
  }
  if (c.rank !== RANK.number && c.rank !== RANK.string) return '0';
  const sql = [c.rank === RANK.number ? `d.id < ''` : `d.id >= ''`];
  if (c.lower) {
    sql.push(`d.id ${c.lower.inclusive ? '>=' : '>'} ?`);
    params.push(bindValue(c.lower.value));
  }
  if (c.upper) {
    sql.push(`d.id ${c.upper.inclusive ? '<=' : '<'} ?`);
    params.push(bindValue(c.upper.value));
  }
  return sql.join(' AND ');
}

interface Candidate {
  index: IndexInfo;
  constraints: Array<KeyConstraint | null>;
  score: number;
  /** Index keys (with direction) producing the requested order, or null when it cannot. */
  sortKeys: Array<{ key: number; direction: 1 | -1 }> | null;
  /** The requested order, minus keys fixed by single-value equality, is empty. */
  trivialSort: boolean;
}

function evaluate(index: IndexInfo, shape: QueryShape, sort: readonly SortKey[]): Candidate {
  const constraints = index.keys.map(([path]) => {
    const pc = shape.paths.get(path);
    return pc ? constrain(pc, index.multikeyPaths.has(path)) : null;
  });
  let leading = 0;
  for (const c of constraints) {
    if (c?.eq) leading += 2;
    else {
      if (c) leading += 1;
      break;
    }
  }
  const constrainedCount = constraints.filter(Boolean).length;
  const fixed = new Set(index.keys.filter((_, i) => constraints[i]?.eq?.length === 1).map(([path]) => path));
  const effective = sort.filter(([path]) => !fixed.has(path));
  let sortKeys: Candidate['sortKeys'] = null;
  if (effective.length > 0) {
    const start = index.keys.findIndex(([path]) => path === effective[0]![0]);
    const prefixFixed = start >= 0 && index.keys.slice(0, start).every(([path]) => fixed.has(path));
    if (prefixFixed && start + effective.length <= index.keys.length) {
      const flip = effective[0]![1] === index.keys[start]![1] ? 1 : -1;
      const matches = effective.every(
        ([path, dir], j) =>
          index.keys[start + j]![0] === path &&
          index.keys[start + j]![1] * flip === dir &&
          !index.multikeyPaths.has(path),
      );
      if (matches) sortKeys = effective.map(([, dir], j) => ({ key: start + j, direction: dir }));
    }
  }
  const isIdEquality = index.table === null && Boolean(constraints[0]?.eq);
  const score =
    (isIdEquality ? 10_000 : 0) + leading * 100 + (sortKeys && sort.length > 0 ? 50 : 0) + constrainedCount * 10;
  return { index, constraints, score, sortKeys, trivialSort: sort.length > 0 && effective.length === 0 };
}

function orderSql(candidate: Candidate, sortRequested: boolean): { sql: string; ordered: boolean } {
  const { index, sortKeys } = candidate;
  const idTable = index.table === null;
  const ridColumn = idTable ? 'd.rid' : 'x.rid';
  if (!sortRequested || candidate.trivialSort) return { sql: `ORDER BY ${ridColumn}`, ordered: true };
  if (!sortKeys) return { sql: '', ordered: false };
  const dir = (d: 1 | -1): string => (d === 1 ? 'ASC' : 'DESC');
  if (idTable) return { sql: `ORDER BY d.id ${dir(sortKeys[0]!.direction)}`, ordered: true };
  const parts = sortKeys.map(({ key, direction }) => `x.t${key} ${dir(direction)}, x.v${key} ${dir(direction)}`);
  // Ties in insertion order whatever the scan direction, as the in-memory sort does: results
  // do not depend on the plan. SQLite sorts only each run of equal keys ("right part").
  if (!index.unique) parts.push('x.rid ASC');
  return { sql: `ORDER BY ${parts.join(', ')}`, ordered: true };
}

const SELECT_DOCS = 'SELECT d.rid AS rid, d.body AS body, d.ver AS ver';

/**
 * Chooses how to read a query from SQLite: an index whose leading keys the query constrains
 * (equality first, then one range) and, if it can, whose order is the requested sort; else a
 * collection scan. The SQL only narrows candidates; the caller always re-checks with mingo.
 */
export function planQuery(
  collection: string,
  query: Doc,
  sort: readonly SortKey[],
  indexes: readonly IndexInfo[],
): QueryPlan {
  const shape = analyseQuery(query);
  let best: Candidate | null = null;
  for (const index of indexes) {
    const candidate = evaluate(index, shape, sort);
    const usable = candidate.constraints.some(Boolean) || (sort.length > 0 && candidate.sortKeys !== null);
    if (usable && (!best || candidate.score > best.score)) best = candidate;
  }
  const allPathsComplete = [...shape.paths.values()].every((pc) => pc.complete);
  if (!best) {
    const exact = !shape.residual && shape.paths.size === 0;
    const sql = `${SELECT_DOCS} FROM docs d WHERE d.coll = ? ORDER BY d.rid`;
    return {
      sql,
      params: [collection],
      countSql: exact ? 'SELECT COUNT(*) FROM docs d WHERE d.coll = ?' : null,
      exact,
      ordered: sort.length === 0,
      distinct: false,
      index: null,
    };
  }
  const { index, constraints } = best;
  const params: SqlValue[] = [];
  const idTable = index.table === null;
  const where: string[] = idTable ? ['d.coll = ?'] : [];
  if (idTable) params.push(collection);
  constraints.forEach((c, i) => {
    if (c) where.push(idTable ? idKeySql(c, params) : entryKeySql(i, c, params));
  });
  const indexPaths = new Set(index.keys.map(([path]) => path));
  const exact =
    !shape.residual &&
    allPathsComplete &&
    [...shape.paths.keys()].every((p) => indexPaths.has(p)) &&
    constraints.every((c) => c === null || c.exact);
  const distinct = index.multikeyPaths.size > 0;
  const filter = where.length > 0 ? where.join(' AND ') : '1';
  const order = orderSql(best, sort.length > 0);
  const from = idTable ? 'FROM docs d' : `FROM ${index.table} x JOIN docs d ON d.rid = x.rid`;
  const countFrom = idTable
    ? 'SELECT COUNT(*) FROM docs d'
    : `SELECT COUNT(${distinct ? 'DISTINCT x.rid' : '*'}) FROM ${index.table} x`;
  return {
    sql: `${SELECT_DOCS} ${from} WHERE ${filter} ${order.sql}`.trim(),
    params,
    countSql: exact ? `${countFrom} WHERE ${filter}` : null,
    exact,
    ordered: order.ordered,
    distinct,
    index: index.name,
  };
}
