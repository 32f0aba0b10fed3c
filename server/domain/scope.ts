import type { RoleGrant } from '../../typings/models';

/** A place in the organisation tree: its id and the ids above it. */
export interface TreePlace {
  id: string;
  ancestors: readonly string[];
}

/** A role held, with the path from the root down to its scope (the scope's ancestors, then itself). */
export interface Grant extends RoleGrant {
  scopePath: readonly string[];
}

/** What a caller may do, as data: pure checks over it, no I/O. */
export interface Access {
  openid: string;
  isSuperAdmin: boolean;
  grants: readonly Grant[];
}

/** True when `scopeId` is the place itself or one of its ancestors. */
export function isWithin(place: TreePlace, scopeId: string): boolean {
  return place.id === scopeId || place.ancestors.includes(scopeId);
}

/** Administrators oversee their node and everything below it. */
export function canAdminister(access: Access, place: TreePlace): boolean {
  return access.isSuperAdmin || access.grants.some((g) => g.role === 'admin' && isWithin(place, g.scopeId));
}

/** A branch is run by its secretary, or by an administrator above it. */
export function canRunBranch(access: Access, branch: TreePlace): boolean {
  return canAdminister(access, branch) || access.grants.some((g) => g.role === 'secretary' && g.scopeId === branch.id);
}

/**
 * Whether the caller's work touches a place: it lies in the subtree of one of their grants, or
 * above one (the 清单 an administrator sets at the district applies to the branches below it, so a
 * secretary may read it). Another district's places are neither.
 */
export function isOnGrantPath(access: Access, place: TreePlace): boolean {
  if (access.isSuperAdmin) return true;
  return access.grants.some((g) => isWithin(place, g.scopeId) || g.scopePath.includes(place.id));
}

/** Scope ids the caller works in, for "everything I may see" queries. Empty for plain members. */
export function scopeIds(access: Access): string[] {
  return [...new Set(access.grants.map((g) => g.scopeId))];
}

/**
 * Where a pending member may be seen from: an administrator's own node, or the node a secretary's
 * branch sits under (its catchment: the community, street, district, committee or home-county
 * organisation the branch serves).
 */
export function catchmentIds(access: Access): string[] {
  return [
    ...new Set(
      access.grants.map((g) => (g.role === 'admin' ? g.scopeId : (g.scopePath[g.scopePath.length - 2] ?? g.scopeId))),
    ),
  ];
}

/** A member as the visibility check needs them. */
export interface MemberPlace {
  state: string;
  branchId: string | null;
  orgPath: readonly string[];
  candidateScopes: readonly string[];
}

/** Unassigned members are seen from their catchments; assigned ones by their branch and the administrators above it. */
export function canSeeMember(access: Access, m: MemberPlace): boolean {
  if (access.isSuperAdmin) return true;
  if (m.branchId === null) return catchmentIds(access).some((id) => m.candidateScopes.includes(id));
  return access.grants.some((g) => (g.role === 'admin' ? m.orgPath.includes(g.scopeId) : g.scopeId === m.branchId));
}
