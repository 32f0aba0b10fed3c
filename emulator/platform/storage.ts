/**
 * Cloud storage of the local host (cloudbase-platform-apis.md, "Storage"), kept as plain files
 * under `<filesDir>/storage/`:
 *
 * - `storage.getUploadMetadata` → a signed upload URL on this host; the SDK then PUTs the bytes
 *   to it (`uploadFile`), with the returned authorization in its headers;
 * - `storage.batchGetDownloadUrl` → signed temporary URLs served by `GET /storage/object/…`
 *   until they expire (`getTempFileURL`, `downloadFile`);
 * - `storage.batchDeleteFile` (`deleteFile`);
 * - `POST /storage/wx-upload`: what `wx.cloud.uploadFile` does in the cloud, for the mini-program
 *   in local mode (`wx.uploadFile`, multipart with a `cloudPath` field and the file), as the
 *   caller in `x-wx-openid` and only into that caller's folder (upload-owners.ts).
 *
 * fileIDs look like the real ones: `cloud://<envId>.<bucket>/<path>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { newRequestId } from '../database/ids';
import { BodyTooLargeError, decodePathPart, megabytes, readBody, sendError, sendJson } from '../http-util';
import type { PlatformModuleFactory } from './module';
import type { PlatformReply } from '../admin';
import { createUploadOwners, isCallerUploadPath } from './upload-owners';

/** Largest file the local host accepts, in bytes (a phone photo is a few MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How long an upload URL stays valid. */
const UPLOAD_SECONDS = 10 * 60;
/** Temporary download URLs default to a day, as the real service does; callers may ask for less. */
const DEFAULT_MAX_AGE = 24 * 60 * 60;

const UPLOAD_PREFIX = '/storage/upload/';
const OBJECT_PREFIX = '/storage/object/';
const WX_UPLOAD_PATH = '/storage/wx-upload';

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
};

/** The local bucket's name, shaped like a real one (`<hex>-<env>-<appid>`). */
export const localBucketOf = (envId: string) => `7465-${envId}-1250000000`;

/**
 * A cloud path as the service accepts it: relative, '/'-separated, no empty, '.' or '..' segments,
 * no control characters, at most 1024 bytes. Null when it is not one.
 */
export function cleanCloudPath(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const p = raw.replace(/^\/+/, '');
  if (!p || Buffer.byteLength(p) > 1024 || p.includes('\\') || [...p].some((c) => c.charCodeAt(0) < 0x20)) return null;
  const parts = p.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return null;
  return p;
}

/** The path inside this env's bucket that a fileID names, or null for another env, bucket or a bad path. */
export function pathOfFileId(fileId: unknown, envId: string): string | null {
  if (typeof fileId !== 'string') return null;
  const prefix = `cloud://${envId}.${localBucketOf(envId)}/`;
  return fileId.startsWith(prefix) ? cleanCloudPath(fileId.slice(prefix.length)) : null;
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** Parse one multipart/form-data body into its fields and files. Enough for wx.uploadFile. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { fields: Record<string, string>; files: { field: string; filename: string; data: Buffer }[] } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) return null;
  const delimiter = Buffer.from(`--${token}`);
  const fields: Record<string, string> = {};
  const files: { field: string; filename: string; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        if (filename !== undefined) files.push({ field: name, filename, data: Buffer.from(content) });
        else fields[name] = content.toString('utf8');
      }
    }
    start = next;
  }
  return { fields, files };
}

/** The storage module of the local host. */
export const storageModule: PlatformModuleFactory = (ctx) => {
  const root = path.join(ctx.filesDir, 'storage');
  const owners = createUploadOwners(path.join(ctx.filesDir, 'storage-owners'));
  const bucket = localBucketOf(ctx.envId);
  // Signs this run's URLs: a restart invalidates them, as expiry would.
  const key = randomBytes(32);

  const fileIdOf = (p: string) => `cloud://${ctx.envId}.${bucket}/${p}`;
  const diskPathOf = (p: string) => {
    const full = path.resolve(root, ...p.split('/'));
    if (!full.startsWith(`${path.resolve(root)}${path.sep}`)) throw new Error(`path escapes the storage root: ${p}`);
    return full;
  };
  const isFile = (p: string) => {
    const full = diskPathOf(p);
    return existsSync(full) && statSync(full).isFile();
  };
  const sign = (purpose: string, p: string, expires: number) =>
    createHmac('sha256', key).update(`${purpose}\n${p}\n${expires}`).digest('hex');
  const verify = (purpose: string, p: string, expires: number, signature: string | null) => {
    if (!signature || !Number.isFinite(expires) || expires * 1000 < Date.now()) return false;
    const want = Buffer.from(sign(purpose, p, expires), 'hex');
    const got = Buffer.from(signature, 'hex');
    return want.length === got.length && timingSafeEqual(want, got);
  };
  const store = (p: string, data: Buffer) => {
    const full = diskPathOf(p);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, data);
  };

  const reply = (data: unknown): PlatformReply => ({ status: 200, body: { requestId: newRequestId(), data } });
  const failure = (code: string, message: string): PlatformReply => ({
    status: 200,
    body: { requestId: newRequestId(), code, message },
  });

  function uploadMetadata(body: Record<string, unknown>): PlatformReply {
    const p = cleanCloudPath(body.path);
    if (!p) return failure('INVALID_PARAM', `invalid cloud path: ${String(body.path)}`);
    const expires = Math.floor(Date.now() / 1000) + UPLOAD_SECONDS;
    const signature = sign('put', p, expires);
    return reply({
      url: `${ctx.baseUrl()}${UPLOAD_PREFIX}${encodePath(p)}?expires=${expires}`,
      token: signature,
      authorization: signature,
      fileId: fileIdOf(p),
      cosFileId: `local-${signature.slice(0, 16)}`,
      download_url: `${ctx.baseUrl()}${OBJECT_PREFIX}${encodePath(p)}`,
    });
  }

  function downloadUrls(body: Record<string, unknown>): PlatformReply {
    const list = body.file_list;
    if (!Array.isArray(list) || list.length === 0)
      return failure('INVALID_PARAM', 'file_list must be a non-empty array');
    const now = Math.floor(Date.now() / 1000);
    return reply({
      download_list: list.map((item: { fileid?: unknown; max_age?: unknown }) => {
        const fileID = String(item?.fileid ?? '');
        const p = pathOfFileId(item?.fileid, ctx.envId);
        if (!p || !isFile(p)) return { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' };
        const asked = Number(item.max_age);
        const maxAge = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_MAX_AGE;
        const expires = now + maxAge;
        const url = `${ctx.baseUrl()}${OBJECT_PREFIX}${encodePath(p)}?expires=${expires}&sign=${sign('get', p, expires)}`;
        return { code: 'SUCCESS', fileID, tempFileURL: url, maxAge };
      }),
    });
  }

  function deleteFiles(body: Record<string, unknown>): PlatformReply {
    const list = body.fileid_list;
    if (!Array.isArray(list) || list.length === 0)
      return failure('INVALID_PARAM', 'fileid_list must be a non-empty array');
    return reply({
      delete_list: list.map((fileID: unknown) => {
        const p = pathOfFileId(fileID, ctx.envId);
        if (!p || !isFile(p)) return { code: 'STORAGE_FILE_NONEXIST', fileID };
        rmSync(diskPathOf(p));
        owners.forget(p);
        return { code: 'SUCCESS', fileID };
      }),
    });
  }

  /** A COS-style XML error, which the SDK parses after a PUT. */
  function cosError(res: ServerResponse, status: number, code: string, message: string): void {
    const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${newRequestId()}</RequestId><TraceId>local</TraceId></Error>`;
    res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
    res.end(xml);
  }

  /**
   * The cloud path after `prefix` in a route's path: null when it is not a valid cloud path,
   * undefined when the escape was malformed and the request has already been answered 400.
   */
  function routePath(res: ServerResponse, url: URL, prefix: string): string | null | undefined {
    const decoded = decodePathPart(url.pathname.slice(prefix.length));
    if (decoded === null) {
      sendError(res, 400, 'INVALID_ARGUMENT', '文件地址中的百分号编码无效');
      return undefined;
    }
    return cleanCloudPath(decoded);
  }

  async function put(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = routePath(res, url, UPLOAD_PREFIX);
    if (p === undefined) return;
    const expires = Number(url.searchParams.get('expires'));
    const authorization = req.headers.authorization ?? null;
    if (!p || !verify('put', p, expires, typeof authorization === 'string' ? authorization : null)) {
      return cosError(res, 403, 'SignatureDoesNotMatch', 'The upload URL is invalid or has expired');
    }
    let data: Buffer;
    try {
      data = await readBody(req, MAX_FILE_BYTES);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      return cosError(res, 400, 'EntityTooLarge', `Files are limited to ${MAX_FILE_BYTES} bytes locally`);
    }
    // Written by the platform (the functions, through the SDK): no person owns it any more.
    store(p, data);
    owners.forget(p);
    res.writeHead(200, { 'content-length': 0, etag: `"${sign('etag', p, data.length).slice(0, 32)}"` });
    res.end();
  }

  function get(res: ServerResponse, url: URL, head: boolean): void {
    const p = routePath(res, url, OBJECT_PREFIX);
    if (p === undefined) return;
    const expires = Number(url.searchParams.get('expires'));
    if (!p || !verify('get', p, expires, url.searchParams.get('sign'))) {
      return cosError(res, 403, 'AccessDenied', 'The link is invalid or has expired');
    }
    if (!isFile(p)) return cosError(res, 404, 'NoSuchKey', 'The file does not exist');
    const full = diskPathOf(p);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(full).size,
      'cache-control': 'private, max-age=600',
    });
    if (head) {
      res.end();
      return;
    }
    createReadStream(full).pipe(res);
  }

  /** `wx.uploadFile` in local mode: the caller's own folder only, and never over another person's file. */
  async function wxUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fail = (status: number, message: string) =>
      sendJson(res, status, { errCode: -1, errMsg: `uploadFile:fail ${message}` });
    const openid = req.headers['x-wx-openid'];
    if (typeof openid !== 'string' || !openid) {
      return fail(401, '需要在 x-wx-openid 请求头中说明是谁在上传');
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_FILE_BYTES + 64 * 1024);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      return sendJson(
        res,
        413,
        { errCode: -1, errMsg: `uploadFile:fail 文件不能超过 ${megabytes(MAX_FILE_BYTES)}` },
        { connection: 'close' },
      );
    }
    const form = parseMultipart(body, String(req.headers['content-type'] ?? ''));
    const p = cleanCloudPath(form?.fields.cloudPath);
    const file = form?.files[0];
    if (!form || !p || !file) return fail(400, '需要 cloudPath 和文件');
    if (!isCallerUploadPath(openid, p)) return fail(403, '只能上传到本人的文件夹');
    if (isFile(p) && owners.ownerOf(p) !== openid) return fail(403, '这个文件不是你上传的，不能覆盖');
    store(p, file.data);
    owners.record(p, openid);
    sendJson(res, 200, { fileID: fileIdOf(p), statusCode: 200, errMsg: 'uploadFile:ok' });
  }

  return {
    async handle(action, body) {
      if (!action.startsWith('storage.') || Buffer.isBuffer(body)) return null;
      if (action === 'storage.getUploadMetadata') return uploadMetadata(body);
      if (action === 'storage.batchGetDownloadUrl') return downloadUrls(body);
      if (action === 'storage.batchDeleteFile') return deleteFiles(body);
      return null;
    },
    async route(req, res, url) {
      if (url.pathname.startsWith(UPLOAD_PREFIX) && req.method === 'PUT') {
        await put(req, res, url);
        return true;
      }
      if (url.pathname.startsWith(OBJECT_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
        get(res, url, req.method === 'HEAD');
        return true;
      }
      if (url.pathname === WX_UPLOAD_PATH && req.method === 'POST') {
        await wxUpload(req, res);
        return true;
      }
      return false;
    },
  };
};
