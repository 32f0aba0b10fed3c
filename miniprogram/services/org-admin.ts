/**
 * Remote operations of the `org` function for administrators: a node's detail, adding, renaming
 * and closing nodes, the roles held at a node and invitations to a role. The server checks every
 * grant again.
 */
import type { OrgNodeSummary, OrgNodeType, RoleName } from '../../typings';
import type { InvitationView, OrgApi, OrgNodeDetail, RoleHolder } from '../../typings/areas/org';
import { callFunction } from './cloud';

/** What a new node is: its kind, name and, for stations and special organisations, the extras. */
export interface NewOrgNode {
  parentId: string;
  type: OrgNodeType;
  name: string;
  extra?: Record<string, string>;
}

/** A node with its branches and service stations. */
export function fetchOrgDetail(id: string): Promise<OrgNodeDetail> {
  return callFunction('org', 'detail', { id });
}

/** Adds a node under one the caller oversees; empty extras are left out. */
export function addOrgNode(node: NewOrgNode): Promise<OrgNodeSummary> {
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.extra ?? {})) {
    if (value.trim()) extra[key] = value.trim();
  }
  const input = { parentId: node.parentId, type: node.type, name: node.name.trim() };
  return callFunction('org', 'addNode', Object.keys(extra).length > 0 ? { ...input, extra } : input);
}

/** Gives a node a new name. */
export function renameOrgNode(id: string, name: string): Promise<OrgNodeSummary> {
  return callFunction('org', 'renameNode', { id, name: name.trim() });
}

/** Closes (never deletes) a node; the server refuses while it still has children or members. */
export function closeOrgNode(id: string, reason: string): Promise<OrgNodeSummary> {
  return callFunction('org', 'closeNode', { id, reason: reason.trim() });
}

/** Takes a role away; `false` when there was nothing to take. */
export async function revokeRole(scopeId: string, grantId: string): Promise<boolean> {
  const { revoked } = await callFunction('org', 'revokeRole', { scopeId, grantId });
  return revoked;
}

/** Invites someone (named for the administrator's own check) to take a role at a node. */
export function createInvitation(role: RoleName, scopeId: string, forName: string): Promise<InvitationView> {
  return callFunction('org', 'createInvitation', { role, scopeId, forName: forName.trim() });
}

/** A node's invitations: the open ones first. */
export async function fetchInvitations(scopeId: string): Promise<InvitationView[]> {
  const { items } = await callFunction('org', 'listInvitations', { scopeId });
  return items;
}

export function revokeInvitation(code: string): Promise<InvitationView> {
  return callFunction('org', 'revokeInvitation', { code });
}

/** What the person holding a code is offered, and whether they may accept it. */
export function viewInvitation(code: string): Promise<OrgApi['viewInvitation']['output']> {
  return callFunction('org', 'viewInvitation', { code });
}

/** Takes the role; `name` only for someone who has not registered. */
export function acceptInvitation(code: string, name?: string): Promise<RoleHolder> {
  return callFunction('org', 'acceptInvitation', name ? { code, name: name.trim() } : { code });
}

/** Who holds which role at a node. */
export async function fetchRoles(scopeId: string): Promise<RoleHolder[]> {
  const { items } = await callFunction('org', 'listRoles', { scopeId });
  return items;
}
