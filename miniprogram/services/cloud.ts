/**
 * The single caller of the backend. Every remote operation goes through `callFunction`, typed by
 * the contract in /typings, so a renamed action or field fails `tsc` here and on the server.
 * Uploads to storage and the local host's sandboxes go through the helpers at the end. This is
 * the only file that calls `wx.cloud`, `wx.request` or `wx.uploadFile` (`npm run lint` checks).
 * Only `import type` crosses the miniprogram root: nothing from /typings exists at runtime.
 */
import type { ActionInput, ActionName, ActionOutput, ErrorCode, FunctionName, Reply, ReplyError } from '../../typings';
import { backend } from '../config/backend';
import { DEFAULT_ERROR_MESSAGES, ERROR_CODES } from '../constants/errors';
import { currentDemoOpenid } from './demo-identity';

/** Shown when the backend cannot be reached at all. */
export const NETWORK_MESSAGE = DEFAULT_ERROR_MESSAGES.UNAVAILABLE;
/** Shown when something answered, but not with a reply the contract knows. */
export const BAD_REPLY_MESSAGE = '服务暂时不可用，请稍后重试';

/**
 * A failed call, fit to show: `message` is Chinese. Pages branch on `code` (a string, because
 * `instanceof` does not survive the function boundary; use `isCallError` rather than `instanceof`
 * in pages, since transpiled subclasses of Error are fragile too).
 */
export class CallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** What the platform said, for logs only; never shown. */
  readonly detail: string | undefined;

  constructor(error: ReplyError, detail?: string) {
    super(error.message);
    Object.setPrototypeOf(this, CallError.prototype);
    this.name = 'CallError';
    this.code = error.code;
    this.field = error.field;
    this.detail = detail;
  }
}

/** True for a `CallError`, also across module copies (tests reload modules). */
export function isCallError(value: unknown): value is CallError {
  return (
    value instanceof CallError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'CallError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Any thrown value as a `CallError`: unexpected ones become INTERNAL with a plain message. */
export function toCallError(value: unknown): CallError {
  if (isCallError(value)) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new CallError({ code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL }, detail);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function unavailable(message: string, detail: unknown): CallError {
  const text =
    typeof detail === 'object' && detail !== null && 'errMsg' in detail
      ? String((detail as { errMsg: unknown }).errMsg)
      : detail instanceof Error
        ? detail.message
        : String(detail);
  return new CallError({ code: 'UNAVAILABLE', message }, text);
}

/** The reply envelope as sent, or undefined when `raw` is not one. */
function asReply(raw: unknown): Reply<unknown> | undefined {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true && 'data' in value) return value as Reply<unknown>;
  if (ok === false && typeof (value as { error?: unknown }).error === 'object') {
    return value as Reply<unknown>;
  }
  return undefined;
}

/** Opens the envelope: the data on success, a `CallError` thrown on failure. */
export function unwrapReply<T>(raw: unknown): T {
  const reply = asReply(raw);
  if (!reply) throw unavailable(BAD_REPLY_MESSAGE, `not a reply: ${JSON.stringify(raw)}`);
  if (reply.ok) return reply.data as T;
  const { code, message, field } = reply.error as Partial<ReplyError>;
  const known: ErrorCode = isErrorCode(code) ? code : 'INTERNAL';
  const text = typeof message === 'string' && message.trim() !== '' ? message : DEFAULT_ERROR_MESSAGES[known];
  const error: ReplyError = { code: known, message: text };
  if (typeof field === 'string') error.field = field;
  throw new CallError(error, isErrorCode(code) ? undefined : `unknown code ${String(code)}`);
}

type CallData = { action: string } & Record<string, unknown>;

async function invokeCloud(name: string, data: CallData): Promise<unknown> {
  try {
    const res = await wx.cloud.callFunction({ name, data, config: { env: backend.envId } });
    return res.result;
  } catch (err) {
    throw unavailable(NETWORK_MESSAGE, err);
  }
}

function invokeLocal(name: string, data: CallData): Promise<unknown> {
  return new Promise((resolve, reject) => {
    try {
      wx.request({
        url: `${backend.localUrl}/functions/${name}`,
        method: 'POST',
        data,
        header: { 'content-type': 'application/json', 'x-wx-openid': currentDemoOpenid() },
        dataType: 'json',
        timeout: backend.timeoutMs,
        // The host answers with the function's reply whatever the status: unwrapReply judges it.
        success: (res) => resolve(res.data),
        fail: (err) => reject(unavailable(NETWORK_MESSAGE, err)),
      });
    } catch (err) {
      reject(unavailable(NETWORK_MESSAGE, err));
    }
  });
}

/**
 * Calls one action of one function and returns its data, or throws a `CallError`.
 * Local mode posts to the local host as the chosen demo person; cloud mode uses wx.cloud.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const data: CallData = { action, ...(input as Record<string, unknown>) };
  const raw = backend.mode === 'cloud' ? await invokeCloud(name, data) : await invokeLocal(name, data);
  return unwrapReply<ActionOutput<F, A>>(raw);
}

/**
 * Tells the person what went wrong in a dialog they dismiss themselves: a toast vanishes before
 * an older reader has finished it. Resolves when the dialog is closed.
 */
export function showCallError(error: unknown, title = '没有办成'): Promise<void> {
  const { message } = toCallError(error);
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content: message,
      showCancel: false,
      confirmText: '知道了',
      complete: () => resolve(),
    });
  });
}

/** Connects to CloudBase once, at launch, when the mini-program is configured for the cloud. */
export function initCloud(): void {
  if (backend.mode === 'cloud') {
    wx.cloud.init({ env: backend.envId, traceUser: true });
  }
}

/**
 * Uploads a file chosen on the phone to cloud storage at `cloudPath` (`wx.cloud.uploadFile`);
 * resolves to its file ID. Rejects with what the platform said: the caller words the failure.
 */
export async function uploadToCloud(cloudPath: string, filePath: string): Promise<string> {
  const res = await wx.cloud.uploadFile({ cloudPath, filePath, config: { env: backend.envId } });
  return res.fileID;
}

/**
 * The same upload against the local host's storage route (`wx.uploadFile`), which answers as
 * cloud storage does, as the chosen demo person. Rejects with the raw detail: the reply text, a
 * parse error or the platform's failure.
 */
export function uploadToLocalHost(cloudPath: string, filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${backend.localUrl}/storage/wx-upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: { 'x-wx-openid': currentDemoOpenid() },
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileID?: unknown };
          if (res.statusCode === 200 && typeof body.fileID === 'string') resolve(body.fileID);
          else reject(res.data);
        } catch (err) {
          reject(err);
        }
      },
      fail: (err) => reject(err),
    });
  });
}

/**
 * Posts JSON to a route of the local host (its sandboxes, e.g. `/sandbox/pay/<orderId>`) as the
 * chosen demo person; resolves to the HTTP status, rejects when the host cannot be reached.
 */
export function postToLocalHost(path: string, data: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${backend.localUrl}${path}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'x-wx-openid': currentDemoOpenid() },
      dataType: 'json',
      timeout: backend.timeoutMs,
      success: (res) => resolve(res.statusCode),
      fail: (err) => reject(err),
    });
  });
}

/**
 * Download a file by its temporary link (cloud storage, or the local host's) and open it in
 * WeChat's document viewer with 转发 in its menu. Rejects with a message fit to show.
 */
export function openDownloadedDocument(url: string, fileType: 'xlsx' | 'pdf'): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) {
          reject(new CallError({ code: 'UNAVAILABLE', message: '文件下载失败，请稍后重试' }));
          return;
        }
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType,
          showMenu: true,
          success: () => resolve(),
          fail: () => reject(new CallError({ code: 'UNAVAILABLE', message: '无法打开文件，请在电脑微信中重试' })),
        });
      },
      fail: () => reject(new CallError({ code: 'UNAVAILABLE', message: '文件下载失败，请检查网络后重试' })),
    });
  });
}
