import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tcb from '@cloudbase/node-sdk';
import { DENY_ALL, type CollectionSpec } from '../../database/schema';
import { createAdminListener, type PlatformHook } from '../../emulator/admin';
import { DocumentDatabase, type DocumentDatabaseOptions } from '../../emulator/database';

// The SDK probes a metadata server unless told it runs in Tencent Cloud.
process.env.TENCENTCLOUD = 'true';

/** The SDK's database type, as the functions use it. */
export type SdkDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Collections the conformance tests use: one of each index shape. */
export const TEST_COLLECTIONS: CollectionSpec[] = [
  {
    name: 'people',
    description: 'unique email, compound team/age index',
    indexes: [
      { name: 'email_unique', keys: { email: 1 }, unique: true },
      { name: 'team_age', keys: { team: 1, age: -1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: 'pairs',
    description: 'compound unique index',
    indexes: [{ name: 'a_b_unique', keys: { a: 1, b: 1 }, unique: true }],
    rules: DENY_ALL,
  },
  {
    name: 'items',
    description: 'array (multikey) and date indexes',
    indexes: [
      { name: 'tags_kind', keys: { tags: 1, kind: 1 } },
      { name: 'created', keys: { createdAt: -1 } },
      { name: 'meta_rank', keys: { 'meta.rank': 1 } },
      { name: 'parts_size', keys: { 'parts.size': 1 } },
    ],
    rules: DENY_ALL,
  },
  { name: 'accounts', description: 'no secondary index', indexes: [], rules: DENY_ALL },
  { name: 'logs', description: 'no secondary index', indexes: [], rules: DENY_ALL },
];

/** An emulator on a loopback port with an SDK app pointed at it. */
export interface Emulator {
  database: DocumentDatabase;
  serviceUrl: string;
  app: ReturnType<typeof tcb.init>;
  /** The real SDK's database, talking HTTP to the emulator. */
  db: SdkDatabase;
  /** Another SDK app, as a second caller would have. */
  newApp(): ReturnType<typeof tcb.init>;
  close(): Promise<void>;
}

export interface EmulatorOptions extends Partial<DocumentDatabaseOptions> {
  platform?: PlatformHook;
}

/** Starts `http.createServer(createAdminListener(...))` on 127.0.0.1:0, in memory unless `file` is given. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const { platform, ...dbOptions } = options;
  const database = new DocumentDatabase({ collections: TEST_COLLECTIONS, envName: 'test-env', ...dbOptions });
  const server = http.createServer(createAdminListener({ db: database, ...(platform ? { platform } : {}) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const serviceUrl = `http://127.0.0.1:${port}/admin`;
  const newApp = (): ReturnType<typeof tcb.init> =>
    tcb.init({ env: 'test-env', secretId: 'local', secretKey: 'local', serviceUrl });
  const app = newApp();
  return {
    database,
    serviceUrl,
    app,
    db: app.database(),
    newApp,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.close();
    },
  };
}

/** Runs `fn` and returns the error it rejects with (failing when it resolves). */
export async function rejectionOf(fn: () => Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Inserts `count` documents made by `make` through the SDK, 1000 per request. */
export async function insertMany(
  db: SdkDatabase,
  collection: string,
  count: number,
  make: (i: number) => Record<string, unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, j) => make(start + j));
    await db.collection(collection).add(batch);
  }
}
