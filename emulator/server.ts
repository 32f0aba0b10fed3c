import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { collections } from '../database/collections';
import { createAdminListener, trackInvocationOrigins } from './admin';
import { DocumentDatabase } from './database';
import { FunctionHost } from './function-host';
import { allowedHostnames } from './browser-guard';
import { answerHostFailure, serveRequest, type HostRoutes } from './host-routes';
import { applyLocalCloudEnv } from './local-env';
import { createPlatform } from './platform';
import { currentInvocationId } from './round-trips';

export interface LocalCloudOptions {
  /** Where the built functions are: `cloudfunctions/` (bundles) or `server/functions` (sources, for tests). */
  functionsDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Folder for the SQLite file; ignored with `memory`. */
  dataDir?: string;
  memory?: boolean;
  envId?: string;
  superAdminOpenids?: string[];
}

export interface LocalCloud {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  adminUrl: string;
  envId: string;
  database: DocumentDatabase;
  functions: FunctionHost;
  close(): Promise<void>;
}

export { OPENID_HEADER, ROUND_TRIPS_HEADER } from './host-routes';

/**
 * Start the local CloudBase: `/admin` (the database protocol of @cloudbase/node-sdk, and
 * `functions.invokeFunction`) and `/functions/<name>` (run a function as a given caller).
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const envId = options.envId ?? 'local-dev';
  const host = options.host ?? '127.0.0.1';
  let file: string | undefined;
  let filesDir: string;
  if (!options.memory) {
    const dir = path.resolve(options.dataDir ?? '.data');
    mkdirSync(dir, { recursive: true });
    file = path.join(dir, 'cloudbase.sqlite');
    filesDir = path.join(dir, 'files');
  } else {
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'ldxf-files-'));
  }
  const database = new DocumentDatabase({ file, collections });
  const functions = new FunctionHost(options.functionsDir, envId);

  let hostUrl = '';
  const platform = createPlatform({ functions, envId, filesDir, baseUrl: () => hostUrl });
  const admin = createAdminListener({ db: database, platform: platform.handle });
  // Tie each /admin request to the invocation that sent it, so a where()-write inside a
  // transaction callback fails that transaction at once rather than escaping it.
  const stopTracking = trackInvocationOrigins(currentInvocationId);

  const allowedHosts = allowedHostnames(host);
  const routes: HostRoutes = {
    envId,
    admin,
    functions,
    platform: (req, res, url) => platform.route(req, res, url),
  };
  const server = http.createServer((req, res) => {
    serveRequest(routes, allowedHosts, req, res).catch((err: unknown) => answerHostFailure(req, res, err));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  hostUrl = `http://${host}:${port}`;
  applyLocalCloudEnv({ adminUrl: `${hostUrl}/admin`, envId, superAdminOpenids: options.superAdminOpenids ?? [] });

  return {
    url: hostUrl,
    adminUrl: `${hostUrl}/admin`,
    envId,
    database,
    functions,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      stopTracking();
      await platform.close();
      database.close();
      if (options.memory) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
