import { addNode, closeNode, detail, grantRole, listRoles, renameNode, revokeRole } from '../orgs/admin-handlers';
import { children, get } from '../orgs/handlers';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `org`: the organisation tree, its administration and role grants. */
export const main = defineFunction('org', {
  children,
  get,
  detail,
  addNode,
  renameNode,
  closeNode,
  grantRole,
  revokeRole,
  listRoles,
});
