import { db, type Transaction } from '../platform/cloudbase';
import { conflict } from '../platform/errors';

/** The SDK retries only this code, three times, with no pause; after that it surfaces here. */
const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

export interface RetryOptions {
  /** runTransaction calls at most (each already retries conflicts 3 times). */
  attempts: number;
  /** First pause; each later pause may double, up to `maxDelayMs`, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Stop retrying after this long, well inside the function's 10 s timeout. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 12, baseDelayMs: 10, maxDelayMs: 300, budgetMs: 6000 };

/** True for the database's optimistic-concurrency failure, however the SDK wrapped it. */
export function isTransactionConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === CONFLICT_CODE;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run `work` in a transaction, retrying at the application level with a jittered backoff when the
 * SDK's own conflict retries are used up. Many awards for one member at once all serialise on
 * that member's account document: each round one commits and the others conflict, so without
 * this most of twenty parallel awards would fail. Other errors (AppError, duplicate keys) pass
 * through at once. When the budget runs out the caller gets CONFLICT, never a platform error.
 */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>, options = DEFAULT_RETRY): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return (await db.runTransaction(work)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt + 1 >= options.attempts || Date.now() - started >= options.budgetMs) {
        throw conflict('同时办理的人较多，请稍后再试');
      }
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
      await sleep(Math.random() * ceiling);
    }
  }
}

/** A write result that carries a database error instead of throwing it (the SDK's add() does this). */
export function throwIfFailed<T>(result: T): T {
  const code = (result as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) throw result;
  return result;
}
