import type { Access } from '../domain/scope';
import { canSeeMember } from '../domain/scope';
import { loadAccess } from '../platform/access';
import type { CallerIdentity } from '../platform/caller';
import { notFound, permissionDenied } from '../platform/errors';
import type { MemberDoc } from './member-doc';
import { findMember } from './store';

/** Load a member the caller may see, with the caller's access: two reads in parallel. */
export async function loadVisibleMember(
  caller: CallerIdentity,
  memberId: string,
): Promise<{ access: Access; member: MemberDoc }> {
  const [access, member] = await Promise.all([loadAccess(caller), findMember(memberId)]);
  if (!member) throw notFound('该党员记录不存在');
  if (!canSeeMember(access, member)) throw permissionDenied('该党员不在您的管理范围内');
  return { access, member };
}
