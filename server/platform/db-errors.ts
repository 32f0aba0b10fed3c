/** Recognise the database's own failures, which the SDK throws as errors with a `code`. */

/** A unique index refused the write (`E11000 duplicate key error …`), optionally on a given index. */
export function isDuplicateKey(err: unknown, indexName?: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (!message.includes('E11000')) return false;
  return indexName === undefined || message.includes(indexName);
}

/** The database's optimistic-concurrency refusal (DATABASE_TRANSACTION_CONFLICT): the whole transaction may run again. */
export function isTransactionConflict(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

/** A write result that carries a database error instead of throwing it (the SDK's add() does this). */
export function throwIfFailed<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) throw result;
  return result;
}
