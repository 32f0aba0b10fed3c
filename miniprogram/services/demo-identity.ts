/**
 * Which demo person the local host should believe is calling. Only meaningful in local mode:
 * in cloud mode the platform supplies the real openid and nothing here is read.
 */
import { backend, type DemoOpenid } from '../config/backend';
import { DEMO_IDENTITIES } from '../constants/demo-identities';

const STORAGE_KEY = 'demoOpenid';

function isDemoOpenid(value: unknown): value is DemoOpenid {
  return DEMO_IDENTITIES.some((d) => d.openid === value);
}

/** The demo openid chosen on the 我的 page, else the one in config/backend.ts. */
export function currentDemoOpenid(): DemoOpenid {
  try {
    const stored: unknown = wx.getStorageSync(STORAGE_KEY);
    if (isDemoOpenid(stored)) return stored;
  } catch {
    // Storage unreadable: fall back to the configured default.
  }
  return backend.demoOpenid;
}

/** Remembers the chosen demo person so later calls (and restarts) act as them. */
export function switchDemoIdentity(openid: DemoOpenid): void {
  wx.setStorageSync(STORAGE_KEY, openid);
}
