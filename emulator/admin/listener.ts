import type { IncomingMessage, ServerResponse } from 'node:http';
import { newRequestId } from '../database/ids';
import { BodyTooLargeError, megabytes, readBody } from '../http-util';
import type { RequestOrigin } from '../database/transactions';
import { invocationOfRequest } from './invocation-origin';

/** What a platform hook answers: a status, headers, and a body (objects are sent as JSON). */
export interface PlatformReply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * Handles every non-database action (`functions.invokeFunction`, `storage.*`, `wx.*`, ...).
 * `body` is the decoded JSON body, or the raw bytes when the SDK posted something else
 * (multipart/form-data uploads). Returning null answers `INVALID_ACTION`.
 */
export type PlatformHook = (
  action: string,
  body: Record<string, unknown> | Buffer,
  req: IncomingMessage,
) => Promise<PlatformReply | null>;

/** The part of the database the listener needs (a `DocumentDatabase`). */
export interface DatabaseEndpoint {
  execute(body: Record<string, unknown>, origin?: RequestOrigin): Promise<Record<string, unknown>>;
}

export interface AdminListenerOptions {
  db: DatabaseEndpoint;
  platform?: PlatformHook;
  /** Largest accepted request body; the platform's own limit is in the same range. */
  maxBodyBytes?: number;
}

/** A plain Node request listener, to pass to `http.createServer` or call from a router. */
export type AdminListener = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = 'application/json; charset=utf-8';
const DEFAULT_MAX_BODY = 50 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isRaw = Buffer.isBuffer(body) || typeof body === 'string';
  const payload = isRaw ? (body as Buffer | string) : JSON.stringify(body);
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  res.writeHead(status, {
    ...(hasType ? {} : { 'content-type': isRaw ? 'application/octet-stream' : JSON_TYPE }),
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}

function parseJsonObject(raw: Buffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(raw.toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The `action` field of a multipart/form-data body (file uploads post their parameters as fields). */
function multipartAction(raw: Buffer): string | undefined {
  const match = /name="action"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)/.exec(raw.toString('latin1'));
  return match?.[1];
}

/**
 * `POST /admin?env=…&seqId=…`, the endpoint `@cloudbase/node-sdk` talks to: `database.*`
 * actions go to the document database, everything else to the injected platform hook.
 * Errors are replies (`{code, message, requestId}` with status 200), as the real service sends them.
 */
export function createAdminListener(options: AdminListenerOptions): AdminListener {
  const { db, platform } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== '/admin') {
      send(res, 404, {
        code: 'INVALID_ACTION',
        message: `no such endpoint: ${url.pathname}`,
        requestId: newRequestId(),
      });
      return;
    }
    if (req.method !== 'POST') {
      send(res, 405, { code: 'INVALID_ACTION', message: 'use POST', requestId: newRequestId() }, { allow: 'POST' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      send(
        res,
        413,
        { code: 'INVALID_PARAM', message: `请求内容超过 ${megabytes(maxBody)} 的上限`, requestId: newRequestId() },
        { connection: 'close' },
      );
      return;
    }
    const contentType = String(req.headers['content-type'] ?? '');
    const json = contentType.includes('multipart/form-data') ? null : parseJsonObject(raw);
    const action = json ? (typeof json.action === 'string' ? json.action : undefined) : multipartAction(raw);
    if (!action) {
      send(res, 200, { code: 'INVALID_PARAM', message: 'the request has no action', requestId: newRequestId() });
      return;
    }
    if (action.startsWith('database.')) {
      if (!json) {
        send(res, 200, {
          code: 'INVALID_PARAM',
          message: 'database actions take a JSON body',
          requestId: newRequestId(),
        });
        return;
      }
      const origin: RequestOrigin = {};
      const seqId = url.searchParams.get('seqId');
      const scfRequestId = url.searchParams.get('scfRequestId');
      const invocationId = invocationOfRequest(req);
      if (seqId) origin.seqId = seqId;
      if (scfRequestId) origin.scfRequestId = scfRequestId;
      if (invocationId) origin.invocationId = invocationId;
      send(res, 200, await db.execute(json, origin));
      return;
    }
    const reply = platform ? await platform(action, json ?? raw, req) : null;
    if (!reply) {
      send(res, 200, {
        code: 'INVALID_ACTION',
        message: `action ${action} is not supported by the local host`,
        requestId: newRequestId(),
      });
      return;
    }
    send(res, reply.status, reply.body, reply.headers ?? {});
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(res, 500, {
        code: 'SYS_ERR',
        message: (error as Error)?.message ?? String(error),
        requestId: newRequestId(),
      });
    });
  };
}
