import { coverage } from '../desk/coverage';
import { defineFunction } from '../platform/dispatch';

/**
 * Cloud function `desk`: the organisation department's desk. The figures of a node the caller
 * administers, counted from the records (server/domain/desk/figures.ts defines each one).
 */
export const main = defineFunction('desk', { coverage });
