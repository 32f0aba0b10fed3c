/** Platform error codes the emulator returns; the SDK throws any reply with a truthy `code`. */
export type DbErrorCode =
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'INVALID_PARAM'
  | 'INVALID_ACTION';

/** A failure that becomes a `{ code, message }` reply body instead of a crash. */
export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** Generic database failure, e.g. an update the operators cannot apply. */
export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}

/** The real service refuses reads and writes on collections that were never created. */
export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

/** Malformed request parameters (what the SDK validates client side, checked again here). */
export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

/** A transaction that cannot go on: expired, already ended, or misused. Not retried by runTransaction. */
export function transactionFail(message: string): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', message);
}

/** A transaction that lost a race; `runTransaction` retries only on this code. */
export function transactionConflict(message: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', message);
}

/** Mongo's duplicate-key message, which callers match on its `E11000 duplicate key error` prefix. */
export function duplicateKey(env: string, collection: string, indexName: string, key: string): DbError {
  return requestFailed(
    `E11000 duplicate key error collection: ${env}.${collection} index: ${indexName} dup key: ${key}`,
  );
}
