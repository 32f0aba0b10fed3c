import { COLLECTIONS } from '../../database/collections';
import type { RoleName } from '../../typings/models';
import { memberIdOf } from '../domain/ids';
import { canAdminister, canRunBranch, type Access, type Grant, type TreePlace } from '../domain/scope';
import type { CallerIdentity } from './caller';
import { db } from './cloudbase';
import { superAdminOpenids } from './config';
import { permissionDenied } from './errors';

/** A stored role grant. `_id` is `roleDocId(role, scopeId, openid)`, so a grant exists once. */
export interface RoleDoc {
  _id: string;
  openid: string;
  role: RoleName;
  scopeId: string;
  scopeName: string;
  /** The scope's ancestors, then the scope itself. */
  scopePath: string[];
  /** The holder's name when granted, for "the secretary of your branch is …". */
  holderName: string | null;
  grantedBy: string;
  grantedAt: Date;
  demo?: boolean;
}

/** A person holds few roles; more than this is a data error we would rather see than page. */
const MAX_GRANTS = 100;

/** Load what the caller may do: one database round trip. */
export async function loadAccess(caller: CallerIdentity): Promise<Access> {
  const res = await db.collection(COLLECTIONS.roles).where({ openid: caller.openid }).limit(MAX_GRANTS).get();
  const grants: Grant[] = (res.data as RoleDoc[]).map((r) => ({
    role: r.role,
    scopeId: r.scopeId,
    scopeName: r.scopeName,
    scopePath: r.scopePath,
  }));
  return { openid: caller.openid, isSuperAdmin: superAdminOpenids().has(caller.openid), grants };
}

/** Refuse unless the caller administers this place. */
export function requireAdminOver(access: Access, place: TreePlace): void {
  if (!canAdminister(access, place)) throw permissionDenied('该组织不在您的管理范围内');
}

/** Refuse unless the caller runs this branch (its secretary or an administrator above it). */
export function requireBranchManager(access: Access, branch: TreePlace): void {
  if (!canRunBranch(access, branch)) throw permissionDenied('该支部不在您的管理范围内');
}

/** Refuse unless the caller holds some management role. */
export function requireAnyManager(access: Access): void {
  if (!access.isSuperAdmin && access.grants.length === 0) throw permissionDenied('仅支部书记或管理员可以使用此功能');
}

/**
 * A manager never acts on their own record: confirming their own base, waiving or recording their
 * own dues, marking their own attendance, awarding their own points, changing their own standing.
 * Someone else in the chain must do it, so every such act has a second pair of eyes.
 */
export function refuseOwnRecord(
  caller: { openid: string },
  memberId: string,
  message = '不能办理本人的事项，请由其他负责人办理',
): void {
  if (memberId === memberIdOf(caller.openid)) throw permissionDenied(message);
}
