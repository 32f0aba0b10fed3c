/**
 * Where the mini-program's calls go. `services/cloud.ts` is the only reader.
 *
 * - 'local' (default): every call is an HTTP POST to the local host started by `npm start`
 *   (`${localUrl}/functions/<name>`), which runs the same built function bundles with the caller's
 *   openid taken from the `x-wx-openid` header. In WeChat DevTools tick
 *   「详情 → 本地设置 → 不校验合法域名…」 (project.config.json already sets `urlCheck: false`).
 *   On a phone (真机调试) replace 127.0.0.1 with the computer's LAN address.
 * - 'cloud': every call is `wx.cloud.callFunction` against the CloudBase environment `envId`.
 *   To switch: set `mode: 'cloud'`, put your environment id in `envId`, and give
 *   project.config.json a real appid bound to that environment (touristappid cannot use 云开发).
 */

/** The demo people seeded by the local host (emulator demo data). */
export type DemoOpenid = 'demo-member' | 'demo-secretary' | 'demo-admin';

export interface BackendConfig {
  mode: 'local' | 'cloud';
  /** Base URL of the local host; no trailing slash. */
  localUrl: string;
  /** Whom the local host believes is calling, until changed on the 我的 page. */
  demoOpenid: DemoOpenid;
  /** CloudBase environment id, used in 'cloud' mode only. */
  envId: string;
  /** Milliseconds before a local request is given up as a network failure. */
  timeoutMs: number;
}

export const backend: BackendConfig = {
  mode: 'local',
  localUrl: 'http://127.0.0.1:3000',
  demoOpenid: 'demo-member',
  envId: 'your-env-id',
  timeoutMs: 15000,
};
