import type { IncomingMessage, ServerResponse } from 'node:http';

/** The platform's limit on a function's event is about 6 MB; the local host keeps it. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/**
 * How much of an oversized body is still read (and thrown away) before answering. Reading it lets
 * the client finish sending and then read the 413; closing the socket on unread bytes makes the
 * kernel send a reset instead, and the client never sees the answer.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** A request body over its limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** "6 MB", "20 MB": how a limit is shown to people. */
export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Read a whole request body. One over `limit` is read to its end and discarded, then rejected
 * with a `BodyTooLargeError`, so the caller can answer 413 cleanly. Past the drain limit reading
 * stops, which destroys the socket: a client sending that much gets a reset, not an answer.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > Math.max(limit, DRAIN_LIMIT_BYTES)) throw new BodyTooLargeError(limit);
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new BodyTooLargeError(limit);
  return Buffer.concat(chunks);
}

/** `decodeURIComponent` that answers null for a malformed escape (`%E0%A4%A`) instead of throwing. */
export function decodePathPart(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The project's error envelope, `{ ok: false, error: { code, message } }`, `message` in Chinese. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/**
 * 413 for a body over its limit, in the project's envelope. The connection is closed after it:
 * the client was refused, and should not reuse it for another oversized send.
 */
export function sendBodyTooLarge(res: ServerResponse, error: BodyTooLargeError): void {
  sendError(res, 413, 'INVALID_ARGUMENT', `请求内容超过 ${megabytes(error.limit)} 的上限，请减少一次提交的内容`, {
    connection: 'close',
  });
}
