import { figures } from '../desk/figures';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `desk`: the organisation department's figures, rankings and reports. */
export const main = defineFunction('desk', { figures });
