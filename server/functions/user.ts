import { defineFunction } from '../platform/dispatch';
import { whoami } from '../users/handlers';

/** Cloud function `user`: who the caller is. */
export const main = defineFunction('user', { whoami });
