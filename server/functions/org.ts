import { defineFunction } from '../platform/dispatch';
import { children, get } from '../orgs/handlers';

/** Cloud function `org`: the organisation tree. */
export const main = defineFunction('org', { children, get });
