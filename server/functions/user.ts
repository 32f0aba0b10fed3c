import { defineFunction } from '../platform/dispatch';
import { whoami } from '../users/handlers';
import { todos } from '../users/todos';

/** Cloud function `user`: who the caller is, and what they should do now. */
export const main = defineFunction('user', { whoami, todos });
