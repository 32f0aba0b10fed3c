/**
 * How the local host answers one request: the Host and caller checks of browser-guard.ts, then
 * `/admin` (the SDK), `/functions/<name>`, `/healthz`, and the platform modules' own routes
 * (storage, pay sandbox). Whatever a route throws ends in `answerHostFailure`, so no request can
 * stop the host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { adminRefusal, isLocalHost, judgeCaller } from './browser-guard';
import { newRequestId } from './database/ids';
import type { FunctionHost } from './function-host';
import { BodyTooLargeError, readBody, sendBodyTooLarge, sendError, sendJson } from './http-util';

/** Header carrying the caller's openid to `/functions/<name>`: honoured only by this local host. */
export const OPENID_HEADER = 'x-wx-openid';
/** Reply header with the invocation's database round trips. */
export const ROUND_TRIPS_HEADER = 'x-db-round-trips';

const FUNCTION_PATH = /^\/functions\/([a-z][a-z0-9-]*)\/?$/;

export interface HostRoutes {
  envId: string;
  admin: (req: IncomingMessage, res: ServerResponse) => void;
  functions: FunctionHost;
  /** Storage and the pay sandbox; resolves false when no module serves the path. */
  platform: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

/**
 * The URL of an origin-form request target (`/path?query`), or null for any other form
 * (`*`, `http://…`). The path is taken as sent: `//` is a path here, not a scheme-relative URL.
 */
function requestUrlOf(req: IncomingMessage): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://local${target}`);
  } catch {
    return null;
  }
}

/** Route one request. Anything it throws is answered by `answerHostFailure`, never left to crash the host. */
export async function serveRequest(
  routes: HostRoutes,
  allowedHosts: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!isLocalHost(req.headers.host, allowedHosts)) {
    return sendError(res, 403, 'PERMISSION_DENIED', '本地云开发只接受通过 127.0.0.1 或 localhost 的访问');
  }
  const url = requestUrlOf(req);
  if (!url) return sendError(res, 400, 'INVALID_ARGUMENT', '请求地址无效');
  if (url.pathname === '/admin') return serveAdmin(routes, req, res);

  const caller = judgeCaller(req);
  if (!caller.allowed) {
    return sendError(
      res,
      403,
      'PERMISSION_DENIED',
      '本地云开发不接受其他网页发来的请求，请在微信开发者工具、小程序或命令行中调用',
    );
  }
  // CORS only for WeChat's own pages (see browser-guard.ts); every other origin was refused above.
  res.setHeader('vary', 'origin');
  if (caller.corsOrigin) {
    res.setHeader('access-control-allow-origin', caller.corsOrigin);
    res.setHeader('access-control-expose-headers', ROUND_TRIPS_HEADER);
  }
  if (req.method === 'OPTIONS') return answerPreflight(res);

  const fn = FUNCTION_PATH.exec(url.pathname);
  if (fn && req.method === 'POST') return handleFunctionCall(routes.functions, fn[1]!, req, res);
  if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true, envId: routes.envId });
  if (!(await routes.platform(req, res, url))) sendError(res, 404, 'NOT_FOUND', '没有这个地址');
}

/** `/admin`: only the SDK on this machine, with a JSON (or the SDK's multipart) body; never CORS. */
function serveAdmin(routes: HostRoutes, req: IncomingMessage, res: ServerResponse): void {
  const refusal = adminRefusal(req);
  if (!refusal) return routes.admin(req, res);
  // The SDK's own error shape: it throws an error with this code and message.
  sendJson(res, refusal.status, { code: 'INVALID_REQUEST', message: refusal.message, requestId: newRequestId() });
}

function answerPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-headers': `content-type, ${OPENID_HEADER}`,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
  });
  res.end();
}

/**
 * The last resort: a route that threw. The error is logged with the request that caused it, the
 * caller gets a 500 in the usual envelope (or a closed connection when the reply had begun), and
 * the host goes on serving.
 */
export function answerHostFailure(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  console.error(`[local host] ${req.method ?? '?'} ${req.url ?? '?'} failed`, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 500, 'INTERNAL', '本地云开发处理这个请求时出错，详情见终端日志');
}

async function handleFunctionCall(functions: FunctionHost, name: string, req: IncomingMessage, res: ServerResponse) {
  if (!functions.has(name)) return sendError(res, 404, 'NOT_FOUND', `云函数 ${name} 不存在`);
  let event: unknown;
  try {
    const raw = (await readBody(req)).toString('utf8');
    event = raw ? JSON.parse(raw) : {};
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendBodyTooLarge(res, err);
    return sendError(res, 400, 'INVALID_ARGUMENT', '请求内容不是有效的 JSON');
  }
  const openid = req.headers[OPENID_HEADER];
  try {
    const result = await functions.invoke(name, event, {
      openid: typeof openid === 'string' && openid ? openid : undefined,
    });
    sendJson(res, 200, result.reply, { [ROUND_TRIPS_HEADER]: String(result.roundTrips) });
  } catch (err) {
    // The function itself never throws (its dispatcher catches); this is the host failing.
    console.error(`[local host] ${name} failed`, err);
    sendError(res, 500, 'INTERNAL', '本地云函数运行失败');
  }
}
