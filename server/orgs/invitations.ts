/**
 * Invitations to a role: an administrator invites someone to be secretary of a branch or
 * administrator of a node in their subtree; the person opens the card (or scans the code, or types
 * it) while signed in and accepts. One use, expires after INVITATION_HOURS, every step audited.
 * Nobody ever types or sees an openid.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { InvitationView } from '../../typings/areas/org';
import type { RoleName } from '../../typings/models';
import { memberIdOf, roleDocId } from '../domain/ids';
import {
  INVITATION_HOURS,
  QR_PREFIX,
  acceptRefusal,
  invitationCode,
  invitationState,
  readInvitationCode,
  type StoredInvitation,
} from '../domain/invitations';
import type { Access } from '../domain/scope';
import type { RoleDoc } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound } from '../platform/errors';
import { qrDataUrl } from '../platform/qr-image';
import { inTransaction } from '../platform/transaction';
import { labelled } from '../platform/validation';
import { BRANCH_TYPES, loadNodeFor, nodeId } from './admin-handlers';
import { toHolder } from './grants';
import { findOrg } from './org-store';

interface InvitationDoc extends StoredInvitation {
  _id: string;
  role: RoleName;
  scopeId: string;
  scopeName: string;
  scopePath: string[];
  forName: string;
  createdByName: string | null;
  createdAt: Date;
  acceptedName: string | null;
  acceptedAt: Date | null;
  revokedBy: string | null;
  revokedAt: Date | null;
}

/** The page a shared card opens; the accept page reads the code from its query. */
export const ACCEPT_PAGE = '/pages-admin/accept/index';
/** A node's invitations shown at once: the open ones and the recent past. */
const LIST_LIMIT = 50;

const roleName = labelled(z.enum(['secretary', 'admin']), '角色');
const personName = (label: string) => labelled(z.string().trim().min(2).max(20), label);
const codeSchema = labelled(
  z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const code = readInvitationCode(s);
      if (!code) ctx.addIssue({ code: 'custom', message: '应为 8 位字母和数字' });
      return code ?? '';
    }),
  '邀请码',
);

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function viewOf(inv: InvitationDoc, now: Date, withQr: boolean): Promise<InvitationView> {
  const state = invitationState(inv, now);
  return {
    code: inv._id,
    role: inv.role,
    scopeId: inv.scopeId,
    scopeName: inv.scopeName,
    forName: inv.forName,
    invitedBy: inv.createdByName ?? '上级管理员',
    createdAt: iso(inv.createdAt)!,
    expiresAt: iso(inv.expiresAt)!,
    state,
    acceptedName: inv.acceptedName,
    acceptedAt: iso(inv.acceptedAt),
    path: `${ACCEPT_PAGE}?code=${inv._id}`,
    qrImage: withQr && state === 'open' ? await qrDataUrl(`${QR_PREFIX}${inv._id}`) : '',
  };
}

/** How someone who has not registered is named on the card: by the post that lets them invite. */
function inviterTitle(access: Access, path: string[]): string {
  if (access.isSuperAdmin) return '系统管理员';
  const grant = access.grants.find((g) => g.role === 'admin' && path.includes(g.scopeId));
  return grant ? `${grant.scopeName}管理员` : '上级管理员';
}

async function memberName(openid: string): Promise<string | null> {
  const res = await db.collection(COLLECTIONS.members).doc(memberIdOf(openid)).field({ name: true }).get();
  return (res.data as { name?: string }[])[0]?.name ?? null;
}

async function findInvitation(code: string): Promise<InvitationDoc> {
  const res = await db.collection(COLLECTIONS.invitations).doc(code).get();
  const inv = (res.data as InvitationDoc[])[0];
  if (!inv) throw notFound('没有找到这个邀请，请核对邀请码');
  return inv;
}

export const createInvitation: Handler<'org', 'createInvitation'> = {
  input: z.object({ role: roleName, scopeId: nodeId('授权范围'), forName: personName('对方姓名') }),
  async run({ role, scopeId, forName }, { caller }) {
    const [{ access, node }, registeredName] = await Promise.all([
      loadNodeFor(caller, scopeId),
      memberName(caller.openid),
    ]);
    if (role === 'secretary' && !BRANCH_TYPES.includes(node.type)) {
      throw invalidArgument('支部书记只能在支部上设置', 'role');
    }
    const now = new Date();
    const doc: InvitationDoc = {
      _id: invitationCode(randomBytes(8)),
      role,
      scopeId,
      scopeName: node.name,
      scopePath: [...node.ancestors, scopeId],
      forName,
      state: 'open',
      createdBy: caller.openid,
      createdByName: registeredName ?? inviterTitle(access, [...node.ancestors, scopeId]),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3600_000),
      acceptedBy: null,
      acceptedName: null,
      acceptedAt: null,
      revokedBy: null,
      revokedAt: null,
    };
    await inTransaction(async (tx: Transaction) => {
      const { _id, ...body } = doc;
      await tx.collection(COLLECTIONS.invitations).doc(_id).set(body);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'invitation.create',
          target: { collection: COLLECTIONS.invitations, id: _id },
          before: null,
          after: { role, scopeId, forName, expiresAt: doc.expiresAt },
        },
        tx,
      );
    });
    return viewOf(doc, now, true);
  },
};

export const listInvitations: Handler<'org', 'listInvitations'> = {
  input: z.object({ scopeId: nodeId('授权范围') }),
  async run({ scopeId }, { caller }) {
    await loadNodeFor(caller, scopeId, { closed: true });
    const res = await db
      .collection(COLLECTIONS.invitations)
      .where({ scopeId })
      .orderBy('createdAt', 'desc')
      .limit(LIST_LIMIT)
      .get();
    const now = new Date();
    const docs = res.data as InvitationDoc[];
    const open = docs.filter((d) => invitationState(d, now) === 'open');
    const past = docs.filter((d) => invitationState(d, now) !== 'open');
    return { items: await Promise.all([...open, ...past].map((d) => viewOf(d, now, true))) };
  },
};

export const revokeInvitation: Handler<'org', 'revokeInvitation'> = {
  input: z.object({ code: codeSchema }),
  async run({ code }, { caller }) {
    const inv = await findInvitation(code);
    // The invitation's own node decides who may revoke it, as for every lookup by an id in the input.
    await loadNodeFor(caller, inv.scopeId, { closed: true });
    const now = new Date();
    const state = invitationState(inv, now);
    if (state === 'accepted') throw failedPrecondition('这个邀请已经被接受；如需撤销，请在上面的名单里撤销这个角色');
    if (state !== 'open') return viewOf(inv, now, false);
    const next: InvitationDoc = { ...inv, state: 'revoked', revokedBy: caller.openid, revokedAt: now };
    await inTransaction(async (tx: Transaction) => {
      await tx
        .collection(COLLECTIONS.invitations)
        .doc(code)
        .update({ state: 'revoked', revokedBy: caller.openid, revokedAt: now });
      await writeAudit(
        {
          actor: caller.openid,
          action: 'invitation.revoke',
          target: { collection: COLLECTIONS.invitations, id: code },
          before: { state: inv.state },
          after: { state: 'revoked' },
        },
        tx,
      );
    });
    return viewOf(next, now, false);
  },
};

export const viewInvitation: Handler<'org', 'viewInvitation'> = {
  input: z.object({ code: codeSchema }),
  async run({ code }, { caller }) {
    const [inv, yourName] = await Promise.all([findInvitation(code), memberName(caller.openid)]);
    const now = new Date();
    const refusal = acceptRefusal(inv, caller.openid, now);
    return {
      invitation: await viewOf(inv, now, false),
      yourName,
      mayAccept: refusal === null && invitationState(inv, now) === 'open',
      refusal,
    };
  },
};

export const acceptInvitation: Handler<'org', 'acceptInvitation'> = {
  input: z.object({ code: codeSchema, name: personName('您的姓名').optional() }),
  async run({ code, name }, { caller }) {
    const [inv, registeredName] = await Promise.all([findInvitation(code), memberName(caller.openid)]);
    const now = new Date();
    const refusal = acceptRefusal(inv, caller.openid, now);
    if (refusal) throw failedPrecondition(refusal);
    // A registered member is known by the name they registered with; anyone else says theirs.
    const holderName = registeredName ?? name ?? null;
    if (!holderName) throw invalidArgument('请填写您的姓名，方便管理员知道是谁接受了邀请', 'name');
    const node = await findOrg(inv.scopeId);
    if (!node || node.closed) throw failedPrecondition('这个组织已经撤销，邀请不能再接受');
    const id = roleDocId(inv.role, inv.scopeId, caller.openid);
    return inTransaction(async (tx: Transaction) => {
      const current = (await tx.collection(COLLECTIONS.invitations).doc(code).get()) as {
        data: InvitationDoc | null;
      };
      if (!current.data) throw notFound('没有找到这个邀请，请核对邀请码');
      const again = acceptRefusal({ ...current.data }, caller.openid, now);
      if (again) throw failedPrecondition(again);
      const existing = (await tx.collection(COLLECTIONS.roles).doc(id).get()) as { data: RoleDoc | null };
      if (current.data.state === 'accepted') {
        // The same person again (a retry, a double tap): the grant made the first time.
        if (existing.data) return toHolder({ ...existing.data, _id: id });
      }
      const grant: RoleDoc = existing.data
        ? { ...existing.data, _id: id }
        : {
            _id: id,
            openid: caller.openid,
            role: inv.role,
            scopeId: inv.scopeId,
            scopeName: node.name,
            scopePath: [...node.ancestors, node._id],
            holderName,
            grantedBy: inv.createdBy,
            grantedAt: now,
          };
      if (!existing.data) {
        const { _id, ...body } = grant;
        await tx.collection(COLLECTIONS.roles).doc(_id).set(body);
      }
      await tx
        .collection(COLLECTIONS.invitations)
        .doc(code)
        .update({ state: 'accepted', acceptedBy: caller.openid, acceptedName: holderName, acceptedAt: now });
      await writeAudit(
        {
          actor: caller.openid,
          action: 'role.grant',
          target: { collection: COLLECTIONS.roles, id },
          before: null,
          after: { openid: caller.openid, role: inv.role, scopeId: inv.scopeId, grantedBy: inv.createdBy },
          reason: `接受邀请 ${code}`,
        },
        tx,
      );
      return toHolder(grant);
    });
  },
};
