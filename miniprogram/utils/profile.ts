/**
 * What the screens say about the caller. Display only: the server checks every role again,
 * so hiding an entry here is a courtesy, not a permission.
 */
import type { CallerProfile, RoleName } from '../../typings';
import { MEMBER_LABEL, ROLE_LABELS, SUPER_ADMIN_LABEL } from '../constants/roles';

function hasRole(profile: CallerProfile, role: RoleName): boolean {
  return profile.roles.some((grant) => grant.role === role);
}

/** Branch secretaries (and super administrators) may open the 书记工作台. */
export function canOpenSecretaryDesk(profile: CallerProfile): boolean {
  return profile.isSuperAdmin || hasRole(profile, 'secretary');
}

/** Administrators of a node (and super administrators) may open 组织管理. */
export function canOpenAdminDesk(profile: CallerProfile): boolean {
  return profile.isSuperAdmin || hasRole(profile, 'admin');
}

/**
 * The caller's roles as short labels, each once, e.g. ['支部书记', '管理员']. Someone with no role is
 * 党员 once registered, and has no tag before: a visitor is not yet known to be one.
 */
export function roleTags(profile: CallerProfile): string[] {
  const tags = profile.roles.map((grant) => ROLE_LABELS[grant.role]);
  if (profile.isSuperAdmin) tags.unshift(SUPER_ADMIN_LABEL);
  if (tags.length === 0 && profile.memberId !== null) tags.push(MEMBER_LABEL);
  return tags.filter((tag, i) => tags.indexOf(tag) === i);
}

/** One plain sentence per grant: where each role applies, e.g. '支部书记：湖里区快递行业党支部'. */
export function scopeLines(profile: CallerProfile): string[] {
  return profile.roles.map((grant) => `${ROLE_LABELS[grant.role]}：${grant.scopeName}`);
}

/** The greeting on the home page. */
export function greeting(profile: CallerProfile): string {
  return profile.displayName ? `${profile.displayName}，您好` : '您好';
}
