/**
 * The reply envelope every function returns, and the closed set of error codes.
 * Types only: both the mini-program and the server import these with `import type`.
 */

/** Error codes are strings because `instanceof` does not survive the function boundary. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'CONFLICT'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** A failure fit to show to the person: `message` is Chinese, `field` names the bad input. */
export interface ReplyError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };
