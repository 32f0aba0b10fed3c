/**
 * The one transaction helper. The SDK's `runTransaction` retries a conflict three times at once,
 * with no pause; under a burst (twenty awards for one member, many sign-ups for the last places,
 * payments racing on the same months) the contenders then keep colliding. Here each attempt runs
 * once (SDK retries off) and a conflict is retried after a growing, jittered pause, so contenders
 * spread out and every one of them ends with an answer inside the function's 10 s timeout.
 *
 * Giving up is one reply everywhere: CONFLICT with `BUSY_MESSAGE`. CONFLICT rather than
 * UNAVAILABLE because the service is up and the request collided with other people's changes
 * (the mini-program uses UNAVAILABLE for "the backend could not be reached"); rather than INTERNAL
 * because nothing is broken and trying again a moment later is the right advice.
 */
import { db, type Transaction } from './cloudbase';
import { isTransactionConflict } from './db-errors';
import { conflict, type AppError } from './errors';

/** What the person reads when the helper gives up: busy, nothing was changed, try again. */
export const BUSY_MESSAGE = '现在办理的人较多，请稍后重试';

/** The one error every busy give-up answers with (also the sign-up loop that finds no free place). */
export const busy = (): AppError => conflict(BUSY_MESSAGE);

export interface RetryOptions {
  /** runTransaction runs at most: a safety net, the budget is what normally ends the retries. */
  attempts: number;
  /** First pause ceiling; each later one doubles, up to `maxDelayMs`, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Stop retrying after this long, well inside the function's 10 s timeout. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 200, baseDelayMs: 10, maxDelayMs: 2000, budgetMs: 8000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run `work` in a transaction (single-document operations only), retrying it from the start on
 * DATABASE_TRANSACTION_CONFLICT, so it must re-read inside what it decides on. Other errors
 * (AppError, duplicate keys) pass through at once. Gives up with `busy()`, never a platform error.
 */
export async function inTransaction<T>(
  work: (tx: Transaction) => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(work, 0)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= options.attempts || Date.now() - started >= options.budgetMs) throw busy();
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(attempt, 16));
      await sleep(Math.random() * ceiling);
    }
  }
}
