/**
 * What keeps a web page open in the developer's browser from driving the local host. The host
 * trusts the `x-wx-openid` header, so a page that could call `/functions` could act as the super
 * administrator, and one that could post to `/admin` could write any document. Three rules:
 *
 * - Host: only 127.0.0.1, localhost and [::1] (any port), plus the address the host was told to
 *   listen on. A DNS-rebound name (evil.example resolving to 127.0.0.1) arrives with its own
 *   name in Host and is refused.
 * - Origin: browsers send `Origin` on every cross-origin fetch/XHR and on every POST, and a page
 *   cannot choose it. Callers that are not web pages send none: the WeChat client's wx.request,
 *   `curl`, Node scripts and the SDK. A request with an Origin is served only from WeChat:
 *   `Origin: https://servicewechat.com`, or a Referer under `https://servicewechat.com/`, which
 *   WeChat documents as fixed for wx.request (`https://servicewechat.com/<appid>/<version>/page-frame.html`,
 *   `<version>` = `devtools` in WeChat DevTools, `0` for 开发版/体验版). A page cannot send a
 *   Referer of another site, so neither can be faked from a browser.
 * - /admin (the SDK's endpoint) never carries an Origin and is never given CORS headers; its
 *   body must be `application/json`, or `multipart/form-data`, which the SDK uses for
 *   `wx.wxPayApi` (a browser form could send that, but it would carry an Origin).
 */
import type { IncomingMessage } from 'node:http';

/** Host names the local host answers to on any port. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** Addresses that mean "every interface": not names a client would put in Host. */
const WILDCARD_ADDRESSES = ['0.0.0.0', '::', '[::]'];

/** The origin WeChat's own requests may carry. */
export const WECHAT_ORIGIN = 'https://servicewechat.com';
const WECHAT_REFERER_PREFIX = `${WECHAT_ORIGIN}/`;

/** The name part of a Host header, lower-cased: `LOCALHOST:3000` → `localhost`, `[::1]:3000` → `[::1]`. */
export function hostnameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** The Host names this host answers to when told to listen on `listenHost`. */
export function allowedHostnames(listenHost: string): string[] {
  const own = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  const extra = WILDCARD_ADDRESSES.includes(own) ? [] : [own.toLowerCase()];
  return [...new Set([...LOOPBACK_NAMES, ...extra])];
}

/**
 * True when the Host header names this machine. A request without one (HTTP/1.0) is served:
 * browsers always send Host, so rebinding cannot arrive without it.
 */
export function isLocalHost(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (hostHeader === undefined) return true;
  return allowed.includes(hostnameOf(hostHeader));
}

const headerOf = (req: IncomingMessage, name: 'origin' | 'referer'): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Whether a request to /functions, storage or the pay sandbox may be served, and the CORS origin to echo. */
export type CallerVerdict = { allowed: true; corsOrigin?: string } | { allowed: false };

/** Serve callers that are not web pages, and WeChat; refuse every other web page. */
export function judgeCaller(req: IncomingMessage): CallerVerdict {
  const origin = headerOf(req, 'origin');
  if (origin === undefined) return { allowed: true };
  const fromWeChat = origin === WECHAT_ORIGIN || (headerOf(req, 'referer') ?? '').startsWith(WECHAT_REFERER_PREFIX);
  return fromWeChat ? { allowed: true, corsOrigin: origin } : { allowed: false };
}

/** Why an /admin request is refused (status and a Chinese message), or null to serve it. */
export function adminRefusal(req: IncomingMessage): { status: number; message: string } | null {
  if (headerOf(req, 'origin') !== undefined) {
    return { status: 403, message: '数据库接口只供本机的 @cloudbase/node-sdk 调用，不接受网页请求' };
  }
  if (req.method === 'POST') {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json' && type !== 'multipart/form-data') {
      return { status: 415, message: '数据库接口只接受 application/json（或 SDK 上传用的 multipart/form-data）请求' };
    }
  }
  return null;
}
