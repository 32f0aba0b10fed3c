/** Recognise the database's own failures, which the SDK throws as errors with a `code`. */

/** A unique index refused the write (`E11000 duplicate key error …`), optionally on a given index. */
export function isDuplicateKey(err: unknown, indexName?: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (!message.includes('E11000')) return false;
  return indexName === undefined || message.includes(indexName);
}
