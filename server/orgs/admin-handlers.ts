import { createHash } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { OrgNodeType } from '../../typings/models';
import { loadAccess, requireAdminOver, type RoleDoc } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { alreadyExists, failedPrecondition, invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { inTransaction } from '../platform/transaction';
import { labelled } from '../platform/validation';
import { ORG_NODE_TYPES } from './handlers';
import { findOrg, toSummary, type OrgDoc } from './org-store';

/** Which kinds of node may sit under which: the shape of the Xiamen practice. */
export const CHILD_TYPES: Record<OrgNodeType, OrgNodeType[]> = {
  city: ['district', 'industry_committee', 'home_county_org', 'mobile_branch', 'station'],
  district: ['street', 'mobile_branch', 'branch', 'station'],
  street: ['community', 'mobile_branch', 'branch', 'station'],
  community: ['mobile_branch', 'branch', 'station'],
  industry_committee: ['branch', 'mobile_branch'],
  home_county_org: ['branch', 'mobile_branch'],
  mobile_branch: [],
  branch: [],
  station: [],
};
export const BRANCH_TYPES: OrgNodeType[] = ['branch', 'mobile_branch'];
/** Grants held at one node: a branch has a secretary and a few deputies, a district a few administrators. */
export const MAX_GRANTS_AT_NODE = 200;
const EXTRA_KEYS = ['address', 'openingHours', 'contactName', 'contactPhone', 'industry', 'homeProvince', 'homeCounty'];

export const nodeId = (label: string) => labelled(z.string().trim().min(1).max(64), label);
const nodeName = labelled(z.string().trim().min(2).max(40), '名称');

/** The node and the caller's access, refused unless the caller administers it. Closed nodes only when asked for. */
export async function loadNodeFor(
  caller: Parameters<typeof loadAccess>[0],
  id: string,
  options: { closed?: boolean } = {},
) {
  const [access, node] = await Promise.all([loadAccess(caller), findOrg(id)]);
  if (!node || (node.closed && !options.closed)) throw notFound('该组织不存在或已撤销');
  requireAdminOver(access, { id: node._id, ancestors: node.ancestors });
  return { access, node };
}

/** A node with the branches and service stations directly under it. */
export const detail: Handler<'org', 'detail'> = {
  input: z.object({ id: nodeId('组织编号') }),
  async run({ id }) {
    const [node, kids] = await Promise.all([
      findOrg(id),
      db
        .collection(COLLECTIONS.orgs)
        .where({ parentId: id, type: _.in([...BRANCH_TYPES, 'station']), closed: _.neq(true) })
        .orderBy('sort', 'asc')
        .limit(1000)
        .get(),
    ]);
    if (!node || node.closed) throw notFound('该组织不存在');
    const children = kids.data as OrgDoc[];
    const extraOf = (d: OrgDoc) => (d.extra ?? {}) as Record<string, string>;
    return {
      ...toSummary(node),
      extra: (node.extra ?? {}) as Record<string, string | Record<string, string>>,
      closed: !!node.closed,
      branches: children.filter((c) => BRANCH_TYPES.includes(c.type)).map(toSummary),
      stations: children
        .filter((c) => c.type === 'station')
        .map((c) => ({
          ...toSummary(c),
          address: extraOf(c).address ?? '',
          openingHours: extraOf(c).openingHours ?? '',
          contactPhone: extraOf(c).contactPhone ?? '',
        })),
    };
  },
};

/**
 * Add a node under one the administrator oversees. The id is derived from parent, type and
 * name, so a retried request finds its own node rather than creating a second.
 */
export const addNode: Handler<'org', 'addNode'> = {
  input: z.object({
    parentId: nodeId('上级组织'),
    type: labelled(z.enum(ORG_NODE_TYPES), '组织类型'),
    name: nodeName,
    extra: labelled(z.record(z.string(), z.string().trim().max(100)), '补充信息').optional(),
  }),
  async run({ parentId, type, name, extra }, { caller }) {
    const { node: parent } = await loadNodeFor(caller, parentId);
    if (!CHILD_TYPES[parent.type].includes(type)) throw invalidArgument('组织类型：不能设在该上级组织之下', 'type');
    const unknown = Object.keys(extra ?? {}).filter((k) => !EXTRA_KEYS.includes(k));
    if (unknown.length) throw invalidArgument(`补充信息：不认识的项目 ${unknown.join('、')}`, 'extra');
    const id = `${parentId}-n${createHash('sha256').update(`${type}:${name}`).digest('hex').slice(0, 8)}`;
    const siblings = await db
      .collection(COLLECTIONS.orgs)
      .where({ parentId, name, closed: _.neq(true) })
      .limit(2)
      .get();
    const same = (siblings.data as OrgDoc[])[0];
    if (same && same._id === id) return toSummary(same);
    if (same) throw alreadyExists(`“${name}”已存在于${parent.name}之下`);
    const now = new Date();
    const doc: OrgDoc = {
      _id: id,
      type,
      name,
      parentId,
      ancestors: [...parent.ancestors, parentId],
      sort: now.getTime(),
      childCount: 0,
      closed: false,
      extra: extra ?? {},
      createdAt: now,
      updatedAt: now,
    };
    // Read the node inside the transaction: of parallel retries one creates it, the others find it.
    return inTransaction(async (tx: Transaction) => {
      const existing = (await tx.collection(COLLECTIONS.orgs).doc(id).get()) as { data: OrgDoc | null };
      if (existing.data) return toSummary({ ...existing.data, _id: id });
      const { _id, ...body } = doc;
      await tx.collection(COLLECTIONS.orgs).doc(_id).set(body);
      await tx
        .collection(COLLECTIONS.orgs)
        .doc(parentId)
        .update({ childCount: _.inc(1), updatedAt: now });
      await writeAudit(
        {
          actor: caller.openid,
          action: 'org.add',
          target: { collection: COLLECTIONS.orgs, id },
          before: null,
          after: doc,
        },
        tx,
      );
      return toSummary(doc);
    });
  },
};

export const renameNode: Handler<'org', 'renameNode'> = {
  input: z.object({ id: nodeId('组织编号'), name: nodeName }),
  async run({ id, name }, { caller }) {
    const { node } = await loadNodeFor(caller, id);
    if (node.name === name) return toSummary(node);
    const now = new Date();
    await db.collection(COLLECTIONS.orgs).doc(id).update({ name, updatedAt: now });
    await writeAudit({
      actor: caller.openid,
      action: 'org.rename',
      target: { collection: COLLECTIONS.orgs, id },
      before: { name: node.name },
      after: { name },
    });
    return toSummary({ ...node, name });
  },
};

/** Close (never delete) a node that has no open children and no members left in it. */
export const closeNode: Handler<'org', 'closeNode'> = {
  input: z.object({ id: nodeId('组织编号'), reason: labelled(z.string().trim().min(2).max(200), '撤销原因') }),
  async run({ id, reason }, { caller }) {
    const { access, node } = await loadNodeFor(caller, id, { closed: true });
    if (!node.parentId) throw failedPrecondition('根组织不能撤销');
    const mine = access.grants.some((g) => g.role === 'admin' && g.scopeId === id);
    if (mine && !access.isSuperAdmin) throw permissionDenied('不能撤销自己所管理的组织，请由上级管理员操作');
    const [kids, members, grants] = await Promise.all([
      db
        .collection(COLLECTIONS.orgs)
        .where({ parentId: id, closed: _.neq(true) })
        .count(),
      db.collection(COLLECTIONS.members).where({ orgPath: id, state: 'active' }).count(),
      db.collection(COLLECTIONS.roles).where({ scopeId: id }).limit(MAX_GRANTS_AT_NODE).get(),
    ]);
    if (kids.total > 0) throw failedPrecondition(`请先撤销或调整其下的 ${kids.total} 个下级组织`);
    if (members.total > 0) throw failedPrecondition(`该组织仍有 ${members.total} 名在册党员，请先转出`);
    const now = new Date();
    // Closing ends every grant on the node, in the same unit of work: a secretary of a closed
    // branch keeps no rights. A repeated close (a retry) only ends grants left over.
    await inTransaction(async (tx: Transaction) => {
      const current = (await tx.collection(COLLECTIONS.orgs).doc(id).get()) as { data: OrgDoc | null };
      if (!current.data?.closed) {
        await tx.collection(COLLECTIONS.orgs).doc(id).update({ closed: true, closedReason: reason, updatedAt: now });
        await tx
          .collection(COLLECTIONS.orgs)
          .doc(node.parentId!)
          .update({ childCount: _.inc(-1), updatedAt: now });
        await writeAudit(
          {
            actor: caller.openid,
            action: 'org.close',
            target: { collection: COLLECTIONS.orgs, id },
            before: { closed: false },
            after: { closed: true },
            reason,
          },
          tx,
        );
      }
      for (const grant of grants.data as RoleDoc[]) {
        await tx.collection(COLLECTIONS.roles).doc(grant._id).remove();
        await writeAudit(
          {
            actor: caller.openid,
            action: 'role.revoke',
            target: { collection: COLLECTIONS.roles, id: grant._id },
            before: { openid: grant.openid, role: grant.role, scopeId: grant.scopeId },
            after: null,
            reason: `组织撤销：${reason}`,
          },
          tx,
        );
      }
    });
    return { ...toSummary({ ...node, closed: true }), hasChildren: false };
  },
};
