import { db, type Transaction } from '../platform/cloudbase';

/** The database's optimistic-concurrency refusal; the whole transaction may simply run again. */
export function isTransactionConflict(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

/** Attempts after the SDK's own three retries are used up: payments racing on the same months must all settle. */
const ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `runTransaction` with an application-level retry on DATABASE_TRANSACTION_CONFLICT, with a
 * growing, jittered pause so racing callers stop colliding. The callback must be safe to run
 * again from the start (it re-reads everything it decides on).
 */
export async function inTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.runTransaction(fn)) as T;
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= ATTEMPTS) throw err;
      await pause(10 * attempt + Math.floor(Math.random() * 40));
    }
  }
}
