/**
 * The preview's backend: the local host in memory on a free port, with the same demo data as
 * `npm start` (people, sessions, dues bases, six months of desk history), built from the current
 * sources, and the preview's own fixtures. Runs under whatever clock the caller set.
 */
import * as tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { startLocalCloud } from '../emulator/server';
import { seedDemoWorld } from '../emulator/seed/demo-world';
import { DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { buildFunctions } from '../scripts/build-functions';
import { buildEcharts } from '../scripts/build-echarts';
import { buildMiniprogramNpm } from '../scripts/build-npm';
import { seedPreviewFixtures, type Fixtures } from './fixtures';

const ROOT = path.resolve(__dirname, '..');

export interface PreviewHost {
  url: string;
  /** Ids the scenes' queries name as `{key}`. */
  fixtures: Fixtures;
  close(): Promise<void>;
}

export async function startPreviewHost(options: { build: boolean }): Promise<PreviewHost> {
  if (options.build) {
    await buildFunctions();
    await buildMiniprogramNpm();
    await buildEcharts();
  }
  const cloud = await startLocalCloud({
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    port: 0,
    memory: true,
    envId: 'preview-env',
    superAdminOpenids: DEMO_SUPER_ADMINS,
  });
  const db = tcb
    .init({ env: cloud.envId, secretId: 'local', secretKey: 'local', serviceUrl: cloud.adminUrl })
    .database();
  await seedDemoWorld(db, cloud.functions);
  const fixtures = await seedPreviewFixtures(cloud.functions);
  return { url: cloud.url, fixtures, close: () => cloud.close() };
}
