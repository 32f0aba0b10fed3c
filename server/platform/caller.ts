import { readInvocationContext } from './cloudbase';
import { unauthenticated } from './errors';

/** Who is calling, as the platform vouches for it. Never taken from the event. */
export interface CallerIdentity {
  openid: string;
  appid: string | null;
}

/** Read the caller from the invocation context (`WX_OPENID`); a call without one is refused. */
export function readCallerIdentity(context: unknown): CallerIdentity {
  const env = readInvocationContext(context);
  const openid = env.WX_OPENID;
  if (!openid) throw unauthenticated();
  return { openid, appid: env.WX_APPID ?? null };
}
