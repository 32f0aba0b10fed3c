/** The local CloudBase document database: mount it with `emulator/admin`. */
export { DocumentDatabase, type DatabaseStats, type DocumentDatabaseOptions } from './document-database';
export { DbError, type DbErrorCode } from './errors';
export type { QueryTrace } from './query-engine';
export type { RequestOrigin } from './transactions';
