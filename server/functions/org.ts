import { addNode, closeNode, detail, renameNode } from '../orgs/admin-handlers';
import { listRoles, revokeRole } from '../orgs/grants';
import { children, get } from '../orgs/handlers';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
  viewInvitation,
} from '../orgs/invitations';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `org`: the organisation tree, its administration, roles and invitations to a role. */
export const main = defineFunction('org', {
  children,
  get,
  detail,
  addNode,
  renameNode,
  closeNode,
  revokeRole,
  listRoles,
  createInvitation,
  listInvitations,
  revokeInvitation,
  viewInvitation,
  acceptInvitation,
});
