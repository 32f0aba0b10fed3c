/** The demo people of the local host, offered on the 我的 page in local mode. */
import type { DemoOpenid } from '../config/backend';
import { ROLE_LABELS } from './roles';

export interface DemoIdentity {
  openid: DemoOpenid;
  /** What the person sees on the switch button. */
  label: string;
}

/** In the order shown on screen. */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { openid: 'demo-member', label: '普通党员' },
  { openid: 'demo-secretary', label: ROLE_LABELS.secretary },
  { openid: 'demo-admin', label: ROLE_LABELS.admin },
];
