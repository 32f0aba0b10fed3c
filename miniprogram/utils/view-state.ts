/** Shared shape of a page that loads something: loading, failed, or ready. */
import type { ErrorCode } from '../../typings';

export type LoadStatus = 'loading' | 'error' | 'ready';

/** Failures that trying again cannot fix: offering 重试 for them would only frustrate. */
const FINAL_CODES: readonly ErrorCode[] = ['PERMISSION_DENIED', 'UNAUTHENTICATED', 'NOT_FOUND', 'INVALID_ARGUMENT'];

/** Whether a 重试 button makes sense after a failure with this code. */
export function isRetryable(code: ErrorCode): boolean {
  return !FINAL_CODES.includes(code);
}
