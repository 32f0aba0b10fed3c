/** Granting a role the one way the product allows: an invitation made by `by`, accepted by `to`. */
import type { RoleHolder } from '../../typings/areas/org';
import type { RoleName } from '../../typings/models';
import { expectOk, type TestCloud } from './local-cloud';

export async function grantByInvitation(
  t: TestCloud,
  grant: { to: string; role: RoleName; scopeId: string; name?: string },
  by = 'demo-super',
): Promise<RoleHolder> {
  const name = grant.name ?? '受邀人';
  const invitation = expectOk(
    (await t.call('org', 'createInvitation', { role: grant.role, scopeId: grant.scopeId, forName: name }, by)).reply,
  );
  return expectOk((await t.call('org', 'acceptInvitation', { code: invitation.code, name }, grant.to)).reply);
}
