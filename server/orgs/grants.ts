/**
 * Roles held at a node, as its administrators see them (by name, never by openid), and revoking
 * one. Roles are granted by invitation only (./invitations.ts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { RoleHolder } from '../../typings/areas/org';
import { type RoleDoc } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, notFound } from '../platform/errors';
import { labelled } from '../platform/validation';
import { MAX_GRANTS_AT_NODE, loadNodeFor, nodeId } from './admin-handlers';

/** Names a grant without saying whose it is: the stored id holds the openid. */
export const grantIdOf = (roleDocId: string) => createHash('sha256').update(roleDocId).digest('hex').slice(0, 20);

export const toHolder = (r: RoleDoc): RoleHolder => ({
  grantId: grantIdOf(r._id),
  name: r.holderName,
  role: r.role,
  scopeId: r.scopeId,
  scopeName: r.scopeName,
  grantedAt: new Date(r.grantedAt).toISOString(),
});

async function grantsAt(scopeId: string): Promise<RoleDoc[]> {
  const res = await db.collection(COLLECTIONS.roles).where({ scopeId }).limit(MAX_GRANTS_AT_NODE).get();
  return res.data as RoleDoc[];
}

export const listRoles: Handler<'org', 'listRoles'> = {
  input: z.object({ scopeId: nodeId('授权范围') }),
  async run({ scopeId }, { caller }) {
    await loadNodeFor(caller, scopeId, { closed: true });
    return { items: (await grantsAt(scopeId)).map(toHolder) };
  },
};

export const revokeRole: Handler<'org', 'revokeRole'> = {
  input: z.object({
    scopeId: nodeId('授权范围'),
    grantId: labelled(
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{20}$/, '格式不对'),
      '角色编号',
    ),
  }),
  async run({ scopeId, grantId }, { caller }) {
    await loadNodeFor(caller, scopeId, { closed: true });
    // Looked up among the node's own grants, so an id from elsewhere finds nothing.
    const grant = (await grantsAt(scopeId)).find((g) => grantIdOf(g._id) === grantId);
    if (!grant) throw notFound('没有找到这个角色，可能已经撤销');
    if (grant.openid === caller.openid) throw failedPrecondition('不能撤销自己的角色，请由上级管理员操作');
    const res = await db.collection(COLLECTIONS.roles).doc(grant._id).remove();
    const revoked = ((res as { deleted?: number }).deleted ?? 0) > 0;
    if (revoked) {
      await writeAudit({
        actor: caller.openid,
        action: 'role.revoke',
        target: { collection: COLLECTIONS.roles, id: grant._id },
        before: { openid: grant.openid, role: grant.role, scopeId: grant.scopeId },
        after: null,
      });
    }
    return { revoked };
  },
};
