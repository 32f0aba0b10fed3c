/** Remote operations of the `user` function. */
import type { CallerProfile } from '../../typings';
import { callFunction } from './cloud';

/** Who the caller is, their roles and whether they have registered (报到). */
export function fetchWhoami(): Promise<CallerProfile> {
  return callFunction('user', 'whoami', {});
}
