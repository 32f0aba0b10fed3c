import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { collections } from '../database/collections';
import { createAdminListener, trackInvocationOrigins } from './admin';
import { DocumentDatabase } from './database';
import { FunctionHost } from './function-host';
import { readBody, sendJson } from './http-util';
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

/** Header carrying the caller's openid to `/functions/<name>`: honoured only by this local host. */
export const OPENID_HEADER = 'x-wx-openid';
/** Reply header with the invocation's database round trips. */
export const ROUND_TRIPS_HEADER = 'x-db-round-trips';

const FUNCTION_PATH = /^\/functions\/([a-z][a-z0-9-]*)\/?$/;

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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') return sendCors(res);
    if (url.pathname === '/admin') return admin(req, res);
    const fn = FUNCTION_PATH.exec(url.pathname);
    if (fn && req.method === 'POST') return void handleFunctionCall(functions, fn[1]!, req, res);
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true, envId });
    void platform.route(req, res, url).then((served) => {
      if (!served) sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } });
    });
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

function sendCors(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': `content-type, ${OPENID_HEADER}`,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
  });
  res.end();
}

async function handleFunctionCall(functions: FunctionHost, name: string, req: IncomingMessage, res: ServerResponse) {
  const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': ROUND_TRIPS_HEADER };
  if (!functions.has(name)) {
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数 ${name} 不存在` } }, cors);
  }
  let event: unknown;
  try {
    const raw = (await readBody(req)).toString('utf8');
    event = raw ? JSON.parse(raw) : {};
  } catch {
    return sendJson(
      res,
      400,
      { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求内容不是有效的 JSON' } },
      cors,
    );
  }
  const openid = req.headers[OPENID_HEADER];
  try {
    const result = await functions.invoke(name, event, {
      openid: typeof openid === 'string' && openid ? openid : undefined,
    });
    sendJson(res, 200, result.reply, { ...cors, [ROUND_TRIPS_HEADER]: String(result.roundTrips) });
  } catch (err) {
    // The function itself never throws (its dispatcher catches); this is the host failing.
    console.error(`[local host] ${name} failed`, err);
    sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '本地云函数运行失败' } }, cors);
  }
}
