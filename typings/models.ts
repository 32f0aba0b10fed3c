/**
 * Shapes of the records the functions return. Stored documents may carry more fields;
 * these are what crosses the boundary. Dates cross as ISO 8601 strings.
 */

/** Kinds of node in the organisation tree (domain-rules.md, "The Xiamen practice"). */
export type OrgNodeType =
  | 'city'
  | 'district'
  | 'street'
  | 'community'
  | 'industry_committee'
  | 'home_county_org'
  | 'mobile_branch'
  | 'branch'
  | 'station';

export interface OrgNodeSummary {
  id: string;
  type: OrgNodeType;
  name: string;
  parentId: string | null;
  /** Ids from the root down to the parent: "everything under X" is `ancestors` contains X. */
  ancestors: string[];
  /** True when the node has children of its own (for cascading pickers). */
  hasChildren: boolean;
  demo?: boolean;
}

/** A role held over a part of the tree. Super administrators come from configuration. */
export type RoleName = 'secretary' | 'admin';

export interface RoleGrant {
  role: RoleName;
  /** The branch a secretary runs, or the node an administrator oversees (with its subtree). */
  scopeId: string;
  scopeName: string;
}

export interface CallerProfile {
  /** The caller's openid, as the platform saw it. */
  openid: string;
  isSuperAdmin: boolean;
  roles: RoleGrant[];
  /** The caller's member record id, or null before registration. */
  memberId: string | null;
  /** Display name where known. */
  displayName: string | null;
}
