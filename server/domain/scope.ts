import type { RoleGrant } from '../../typings/models';

/** A place in the organisation tree: its id and the ids above it. */
export interface TreePlace {
  id: string;
  ancestors: readonly string[];
}

/** What a caller may do, as data: pure checks over it, no I/O. */
export interface Access {
  openid: string;
  isSuperAdmin: boolean;
  grants: readonly RoleGrant[];
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

/** Scope ids the caller works in, for "everything I may see" queries. Empty for plain members. */
export function scopeIds(access: Access): string[] {
  return [...new Set(access.grants.map((g) => g.scopeId))];
}
