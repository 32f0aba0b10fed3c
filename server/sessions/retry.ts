/**
 * Transactions that must not lose a race. The SDK's `runTransaction` retries a conflict a few
 * times at once; under a burst (many sign-ups for the last places) that is not enough. Here each
 * attempt runs without the SDK's retries and a conflict is retried after a short random pause,
 * so contenders spread out and every one of them ends with an answer.
 */
import { db, type Transaction } from '../platform/cloudbase';
import { AppError } from '../platform/errors';

/** Keep trying this long, well inside the function's 10 s timeout; the attempts cap is a safety net. */
const BUDGET_MS = 8000;
const MAX_ATTEMPTS = 200;
const BASE_PAUSE_MS = 10;
const MAX_PAUSE_MS = 2000;

export function isTransactionConflict(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

/** Run `body` in a transaction (single-document operations only), retrying conflicts with backoff. */
export async function transact<T>(body: (tx: Transaction) => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let result: T | undefined;
    try {
      await db.runTransaction(async (tx: Transaction) => {
        result = await body(tx);
      }, 0);
      return result as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= MAX_ATTEMPTS || Date.now() - started >= BUDGET_MS) {
        throw new AppError('UNAVAILABLE', '现在办理的人很多，请稍后再试一次');
      }
      const ceiling = Math.min(MAX_PAUSE_MS, BASE_PAUSE_MS * 2 ** Math.min(attempt, 8));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
