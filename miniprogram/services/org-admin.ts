/**
 * Remote operations of the `org` function for administrators: a node's detail, adding, renaming
 * and closing nodes, and the roles held at a node. The server checks every grant again.
 */
import type { OrgNodeSummary, OrgNodeType, RoleName } from '../../typings';
import type { OrgNodeDetail, RoleHolder } from '../../typings/areas/org';
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

/** Makes someone (by openid) secretary of a branch or administrator of a node. */
export function grantRole(openid: string, role: RoleName, scopeId: string): Promise<RoleHolder> {
  return callFunction('org', 'grantRole', { openid: openid.trim(), role, scopeId });
}

/** Takes a role away; `false` when there was nothing to take. */
export async function revokeRole(openid: string, role: RoleName, scopeId: string): Promise<boolean> {
  const { revoked } = await callFunction('org', 'revokeRole', { openid, role, scopeId });
  return revoked;
}

/** Who holds which role at a node. */
export async function fetchRoles(scopeId: string): Promise<RoleHolder[]> {
  const { items } = await callFunction('org', 'listRoles', { scopeId });
  return items;
}
