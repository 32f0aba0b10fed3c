import type { CallerProfile } from '../models';

/** Actions of the `user` function: who the caller is and what they may do. */
export interface UserApi {
  whoami: { input: Record<string, never>; output: CallerProfile };
}
