import * as tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../emulator/server';
import { seedDemo } from '../../emulator/seed';
import { DEMO_SUPER_ADMINS } from '../../emulator/seed/demo-people';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings/api';
import type { Reply } from '../../typings/reply';

export const ROOT = path.resolve(__dirname, '../..');

export interface TestCloud {
  cloud: LocalCloud;
  /** The SDK's database, pointed at the emulator: for arranging and inspecting stored data. */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>;
  /** Invoke a function action as `openid` (omit for a platform call); returns the reply and its round trips. */
  call<F extends FunctionName, A extends ActionName<F>>(
    name: F,
    action: A,
    input: ActionInput<F, A>,
    openid?: string,
  ): Promise<{ reply: Reply<ActionOutput<F, A>>; roundTrips: number }>;
  /** Invoke with a raw event, for malformed input. */
  callRaw(name: FunctionName, event: unknown, openid?: string): Promise<Reply<unknown>>;
  close(): Promise<void>;
}

/**
 * An in-memory local CloudBase with the demo seed, running the functions' TypeScript sources
 * (`bundles: true` runs the built `cloudfunctions/` instead, as deployed).
 */
export async function startTestCloud(options: { bundles?: boolean; seed?: boolean } = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({
    functionsDir: path.join(ROOT, options.bundles ? 'cloudfunctions' : 'server/functions'),
    memory: true,
    envId: 'test-env',
    superAdminOpenids: DEMO_SUPER_ADMINS,
  });
  const app = tcb.init({ env: cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: cloud.adminUrl });
  const db = app.database();
  if (options.seed !== false) await seedDemo(db);
  return {
    cloud,
    db,
    async call(name, action, input, openid) {
      const { reply, roundTrips } = await cloud.functions.invoke(name, { ...(input as object), action }, { openid });
      return { reply: reply as Reply<never>, roundTrips };
    },
    async callRaw(name, event, openid) {
      return (await cloud.functions.invoke(name, event, { openid })).reply as Reply<unknown>;
    },
    close: () => cloud.close(),
  };
}

/** Unwrap a successful reply, failing the test with the error otherwise. */
export function expectOk<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}
