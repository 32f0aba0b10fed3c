import type { OrgNodeSummary, OrgNodeType, RoleName } from '../models';

export interface OrgNodeDetail extends OrgNodeSummary {
  /** Station fields (address, hours, contact), industry, home county and agreement, where relevant. */
  extra: Record<string, string | Record<string, string>>;
  closed: boolean;
  /** Branches directly under the node (支部、流动党员党支部). */
  branches: OrgNodeSummary[];
  /** Service stations directly under the node. */
  stations: (OrgNodeSummary & { address: string; openingHours: string; contactPhone: string })[];
}

export interface RoleHolder {
  openid: string;
  name: string | null;
  role: RoleName;
  scopeId: string;
  scopeName: string;
  grantedBy: string;
  grantedAt: string;
}

/** Actions of the `org` function: the organisation tree, its administration and role grants. */
export interface OrgApi {
  /** Children of a node (or the top level when `parentId` is omitted), for cascading pickers. */
  children: {
    input: { parentId?: string; types?: OrgNodeSummary['type'][] };
    output: { items: OrgNodeSummary[] };
  };
  /** One node. */
  get: { input: { id: string }; output: OrgNodeSummary };
  /** A node with its branches and stations. */
  detail: { input: { id: string }; output: OrgNodeDetail };
  /** Administrators: add a node under one in their subtree. */
  addNode: {
    input: { parentId: string; type: OrgNodeType; name: string; extra?: Record<string, string> };
    output: OrgNodeSummary;
  };
  renameNode: { input: { id: string; name: string }; output: OrgNodeSummary };
  /** Close (not delete) a node with no open children and no active members. */
  closeNode: { input: { id: string; reason: string }; output: OrgNodeSummary };
  /** Grant a secretary role over a branch, or an administrator role over a node, in the caller's subtree. */
  grantRole: { input: { openid: string; role: RoleName; scopeId: string }; output: RoleHolder };
  revokeRole: { input: { openid: string; role: RoleName; scopeId: string }; output: { revoked: boolean } };
  /** Role holders at a node (administrators see their subtree's grants at that node). */
  listRoles: { input: { scopeId: string }; output: { items: RoleHolder[] } };
}
