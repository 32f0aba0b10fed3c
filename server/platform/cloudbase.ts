import * as tcb from '@cloudbase/node-sdk';

/**
 * The one place that initialises the SDK, once per container (module scope), for the
 * environment the function runs in. Locally the host points it at the emulator through
 * `TCB_CONTEXT_CNFG` and dummy credentials; in CloudBase the platform supplies both.
 */
export const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
export const db = app.database();
export const _ = db.command;

export type Database = typeof db;
/** What code inside `runTransaction` writes through: single-document operations only. */
export interface Transaction {
  collection: Database['collection'];
}

/** Per-invocation variables (openid, appid, env) from the context, falling back to process.env. */
export function readInvocationContext(context: unknown): Record<string, string | undefined> {
  return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<
    string,
    string | undefined
  >;
}
