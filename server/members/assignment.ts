import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { MemberDetail, MemberState } from '../../typings/areas/member';
import { matchingParents, rankSuggestions } from '../domain/assignment';
import { canRunBranch } from '../domain/scope';
import { findOrg, type OrgDoc } from '../orgs/org-store';
import { awardRegistrationPoints } from '../points/award';
import { refuseOwnRecord } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, notFound, permissionDenied } from '../platform/errors';
import { inTransaction } from '../platform/transaction';
import { labelled } from '../platform/validation';
import { certIdOf, issueCertificate, type CertificateDoc } from './certificates';
import { toDetail, type MemberDoc, type StoredStateChange } from './member-doc';
import { memberIdSchema, orgIdSchema, reasonSchema } from './schemas';
import { findSpecialParents, toCandidate } from './store';
import { loadVisibleMember } from './visibility';

const BRANCH_TYPES = ['branch', 'mobile_branch'];
const UNASSIGNED: MemberState[] = ['pending', 'sent_back'];

/** Branches suggested for a member, ranked by their wish and situation, each with the reason. */
export const suggestions: Handler<'member', 'suggestions'> = {
  input: z.object({ memberId: memberIdSchema }),
  async run({ memberId }, { caller }) {
    const [{ access, member }, specials] = await Promise.all([
      loadVisibleMember(caller, memberId),
      findSpecialParents(),
    ]);
    const situation = {
      wish: member.wish,
      residence: {
        districtId: member.residence.districtId,
        streetId: member.residence.streetId,
        communityId: member.residence.communityId,
      },
      industry: member.work.industry,
      home: { province: member.home.province, county: member.home.county },
    };
    const parents = matchingParents(situation, specials.map(toCandidate));
    const residenceParents = [
      situation.residence.communityId,
      situation.residence.streetId,
      situation.residence.districtId,
    ];
    const parentIds = [
      ...residenceParents.filter((x): x is string => !!x),
      ...parents.committees.map((c) => c.id),
      ...parents.homeOrgs.map((h) => h.id),
    ];
    const res = await db
      .collection(COLLECTIONS.orgs)
      .where({ parentId: _.in(parentIds), type: _.in(BRANCH_TYPES), closed: _.neq(true) })
      .limit(1000)
      .get();
    const branches = res.data as OrgDoc[];
    const placeOf = new Map(branches.map((b) => [b._id, { id: b._id, ancestors: b.ancestors }]));
    // Each suggestion says whether this caller may assign to it; the others can only be referred.
    return {
      items: rankSuggestions(situation, branches.map(toCandidate), parents).map((s) => ({
        ...s,
        canAssign: canRunBranch(access, placeOf.get(s.branchId)!),
      })),
    };
  },
};

/** Read a member inside the transaction, so a concurrent change makes one of the two fail and retry. */
async function readInTx(tx: Transaction, memberId: string): Promise<MemberDoc> {
  const res = (await tx.collection(COLLECTIONS.members).doc(memberId).get()) as { data: MemberDoc | null };
  if (!res.data) throw notFound('该党员记录不存在');
  return { ...res.data, _id: memberId };
}

const change = (from: MemberState, to: MemberState, by: string, at: Date, reason: string): StoredStateChange => ({
  from,
  to,
  by,
  at,
  reason,
});

/**
 * Assign a pending member to a branch, or transfer an assigned one: the caller must see the member
 * and run the target branch. Issues (or re-issues) the certificate in the same transaction, with
 * the audit record. Assigning again to the same branch changes nothing.
 */
export const assign: Handler<'member', 'assign'> = {
  input: z.object({
    memberId: memberIdSchema,
    branchId: orgIdSchema('划转支部'),
    note: labelled(z.string().trim().max(200), '备注').optional(),
  }),
  async run({ memberId, branchId, note }, { caller }) {
    refuseOwnRecord(caller, memberId, '不能划转本人的报到，请由其他负责人办理');
    const [{ access, member }, branch] = await Promise.all([loadVisibleMember(caller, memberId), findOrg(branchId)]);
    if (!branch || !BRANCH_TYPES.includes(branch.type) || branch.closed) throw notFound('该支部不存在或已撤销');
    if (!canRunBranch(access, { id: branch._id, ancestors: branch.ancestors })) {
      throw permissionDenied('目标支部不在您的管理范围内');
    }
    if (member.state === 'active' && member.branchId === branchId) return toDetail(member);
    if (!UNASSIGNED.includes(member.state) && member.state !== 'active') {
      throw failedPrecondition('该党员当前状态不能划转，请先恢复为正常状态');
    }
    const now = new Date();
    const updated = await inTransaction(async (tx: Transaction) => {
      const current = await readInTx(tx, memberId);
      if (current.state !== member.state || current.branchId !== member.branchId) {
        throw failedPrecondition('该党员的状态刚刚发生变化，请刷新后再试');
      }
      const certRes = (await tx.collection(COLLECTIONS.certificates).doc(certIdOf(memberId)).get()) as {
        data: CertificateDoc | null;
      };
      const transfer = current.state === 'active';
      const entry = change(
        current.state,
        'active',
        caller.openid,
        now,
        note || (transfer ? `转入${branch.name}` : `划转至${branch.name}`),
      );
      const patch = {
        state: 'active' as const,
        branchId: branch._id,
        branchName: branch.name,
        orgPath: [...branch.ancestors, branch._id],
        sentBackReason: null,
        pairedWith: transfer ? null : current.pairedWith,
        history: _.push([entry]),
        updatedAt: now,
      };
      await tx.collection(COLLECTIONS.members).doc(memberId).update(patch);
      const prev = certRes.data ? { ...certRes.data, _id: certIdOf(memberId) } : null;
      await issueCertificate(tx, current, { id: branch._id, name: branch.name }, prev, caller.openid, now);
      await writeAudit(
        {
          actor: caller.openid,
          action: transfer ? 'member.transfer' : 'member.assign',
          target: { collection: COLLECTIONS.members, id: memberId },
          before: { state: current.state, branchId: current.branchId },
          after: { state: 'active', branchId: branch._id },
          ...(note ? { reason: note } : {}),
        },
        tx,
      );
      return {
        ...current,
        ...patch,
        pairedWith: patch.pairedWith,
        history: [...current.history, entry],
      } satisfies MemberDoc;
    });
    if (member.state === 'active') await endPairingsWith(memberId, now);
    // The first assignment completes registration: points, after the commit (never inside it).
    if (UNASSIGNED.includes(member.state)) await awardRegistrationPoints(updated as MemberDoc, now);
    return toDetail(updated as MemberDoc);
  },
};

/** Send a pending registration back to the member with the reason; they correct and resubmit. */
export const sendBack: Handler<'member', 'sendBack'> = {
  input: z.object({ memberId: memberIdSchema, reason: reasonSchema('退回原因') }),
  async run({ memberId, reason }, { caller }) {
    refuseOwnRecord(caller, memberId, '不能退回本人的报到，请由其他负责人办理');
    const { member } = await loadVisibleMember(caller, memberId);
    if (member.state === 'sent_back' && member.sentBackReason === reason) return toDetail(member);
    if (member.state !== 'pending') throw failedPrecondition('只有待审核的报到可以退回');
    return updateState(member, caller.openid, 'sent_back', reason, { sentBackReason: reason });
  },
};

/**
 * 转给该支部: a secretary who may not assign to a suggested branch puts the registration in that
 * branch's queue (its catchment joins the registration's scopes), with a note in the history and
 * the audit log. Referring again to the same branch changes nothing.
 */
export const refer: Handler<'member', 'refer'> = {
  input: z.object({
    memberId: memberIdSchema,
    branchId: orgIdSchema('转交支部'),
    note: labelled(z.string().trim().max(200), '转交说明').optional(),
  }),
  async run({ memberId, branchId, note }, { caller }) {
    refuseOwnRecord(caller, memberId, '不能转交本人的报到，请由其他负责人办理');
    const [{ access, member }, branch] = await Promise.all([loadVisibleMember(caller, memberId), findOrg(branchId)]);
    if (!branch || !BRANCH_TYPES.includes(branch.type) || branch.closed || !branch.parentId) {
      throw notFound('该支部不存在或已撤销');
    }
    if (!UNASSIGNED.includes(member.state)) throw failedPrecondition('只有待审核的报到可以转交其他支部');
    if (canRunBranch(access, { id: branch._id, ancestors: branch.ancestors })) {
      throw failedPrecondition('该支部由您管理，请直接划转');
    }
    const catchment = branch.parentId;
    if (member.candidateScopes.includes(catchment) && member.referredTo?.some((r) => r.branchId === branchId)) {
      return toDetail(member);
    }
    const now = new Date();
    const reason = `转给“${branch.name}”${note ? `：${note}` : ''}`;
    const entry = change(member.state, member.state, caller.openid, now, reason);
    const referral = { branchId, branchName: branch.name, note: note ?? null, by: caller.openid, at: now };
    const updated = await inTransaction(async (tx: Transaction) => {
      const current = await readInTx(tx, memberId);
      if (current.state !== member.state) throw failedPrecondition('该报到的状态刚刚发生变化，请刷新后再试');
      const candidateScopes = [...new Set([...current.candidateScopes, catchment])];
      const referredTo = [...(current.referredTo ?? []).filter((r) => r.branchId !== branchId), referral];
      await tx
        .collection(COLLECTIONS.members)
        .doc(memberId)
        .update({
          candidateScopes: _.set(candidateScopes),
          referredTo: _.set(referredTo),
          history: _.push([entry]),
          updatedAt: now,
        });
      await writeAudit(
        {
          actor: caller.openid,
          action: 'member.refer',
          target: { collection: COLLECTIONS.members, id: memberId },
          before: { candidateScopes: current.candidateScopes },
          after: { candidateScopes, branchId },
          reason,
        },
        tx,
      );
      return { ...current, candidateScopes, referredTo, history: [...current.history, entry], updatedAt: now };
    });
    return toDetail(updated);
  },
};

/**
 * Later changes of an assigned member: transferred away, returned home, lost contact, or back to
 * normal. Leaving revokes the certificate; coming back re-issues it.
 */
export const changeState: Handler<'member', 'changeState'> = {
  input: z.object({
    memberId: memberIdSchema,
    to: labelled(z.enum(['transferred', 'returned_home', 'lost_contact', 'active']), '新状态'),
    reason: reasonSchema('变更原因'),
  }),
  async run({ memberId, to, reason }, { caller }) {
    refuseOwnRecord(caller, memberId, '不能变更本人的状态，请由其他负责人办理');
    const { access, member } = await loadVisibleMember(caller, memberId);
    if (!member.branchId) throw failedPrecondition('该党员尚未划转到支部');
    const branchPlace = { id: member.branchId, ancestors: member.orgPath.slice(0, -1) };
    if (!canRunBranch(access, branchPlace)) throw permissionDenied('该党员所在支部不在您的管理范围内');
    if (member.state === to) return toDetail(member);
    if (UNASSIGNED.includes(member.state)) throw failedPrecondition('该党员尚未完成划转');
    return updateState(member, caller.openid, to, reason, {}, to === 'active' ? 'reissue' : 'revoke');
  },
};

async function updateState(
  member: MemberDoc,
  by: string,
  to: MemberState,
  reason: string,
  extra: Partial<MemberDoc>,
  certificate?: 'revoke' | 'reissue',
): Promise<MemberDetail> {
  const now = new Date();
  const entry = change(member.state, to, by, now, reason);
  // Leaving the branch (transferred, home, lost contact) ends the member's pairing both ways.
  const leaving = to !== 'active' && member.branchId !== null && member.state === 'active';
  if (leaving) extra = { ...extra, pairedWith: null };
  const updated = await inTransaction(async (tx: Transaction) => {
    const current = await readInTx(tx, member._id);
    if (current.state !== member.state) throw failedPrecondition('该党员的状态刚刚发生变化，请刷新后再试');
    await tx
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({ ...extra, state: to, history: _.push([entry]), updatedAt: now });
    if (certificate) {
      const certRes = (await tx.collection(COLLECTIONS.certificates).doc(certIdOf(member._id)).get()) as {
        data: CertificateDoc | null;
      };
      if (certificate === 'revoke' && certRes.data) {
        await tx
          .collection(COLLECTIONS.certificates)
          .doc(certIdOf(member._id))
          .update({ state: 'revoked', revokedAt: now, revokeReason: reason, updatedAt: now });
      }
      if (certificate === 'reissue' && member.branchId) {
        const prev = certRes.data ? { ...certRes.data, _id: certIdOf(member._id) } : null;
        await issueCertificate(tx, current, { id: member.branchId, name: member.branchName ?? '' }, prev, by, now);
      }
    }
    await writeAudit(
      {
        actor: by,
        action: `member.state.${to}`,
        target: { collection: COLLECTIONS.members, id: member._id },
        before: { state: current.state },
        after: { state: to },
        reason,
      },
      tx,
    );
    return { ...current, ...extra, state: to, history: [...current.history, entry], updatedAt: now };
  });
  if (leaving) await endPairingsWith(member._id, now);
  return toDetail(updated as MemberDoc);
}

/** Members paired with one who left the branch lose that contact (and with it the contact's phone). */
async function endPairingsWith(contactMemberId: string, now: Date): Promise<void> {
  await db
    .collection(COLLECTIONS.members)
    .where({ 'pairedWith.memberId': contactMemberId })
    .update({ pairedWith: null, updatedAt: now });
}

/** 结对联系: link a committee member of the same branch to a mobile member; the member's page shows them. */
export const pair: Handler<'member', 'pair'> = {
  input: z.object({ memberId: memberIdSchema, contactMemberId: labelled(memberIdSchema, '联系人') }),
  async run({ memberId, contactMemberId }, { caller }) {
    refuseOwnRecord(caller, memberId, '不能为本人指定结对联系人，请由其他负责人办理');
    const [{ access, member }, contact] = await Promise.all([
      loadVisibleMember(caller, memberId),
      db.collection(COLLECTIONS.members).doc(contactMemberId).get(),
    ]);
    if (!member.branchId) throw failedPrecondition('该党员尚未划转到支部，暂不能结对');
    if (!canRunBranch(access, { id: member.branchId, ancestors: member.orgPath.slice(0, -1) })) {
      throw permissionDenied('该党员所在支部不在您的管理范围内');
    }
    const c = (contact.data as MemberDoc[])[0];
    if (!c || c.branchId !== member.branchId || c.state !== 'active') {
      throw failedPrecondition('联系人须为本支部的在册党员');
    }
    if (c._id === member._id) throw failedPrecondition('不能与本人结对');
    const pairedWith = { memberId: c._id, name: c.name, phone: c.phone };
    await db
      .collection(COLLECTIONS.members)
      .doc(memberId)
      .update({ pairedWith: _.set(pairedWith), updatedAt: new Date() });
    await writeAudit({
      actor: caller.openid,
      action: 'member.pair',
      target: { collection: COLLECTIONS.members, id: memberId },
      before: { pairedWith: member.pairedWith?.memberId ?? null },
      after: { pairedWith: c._id },
    });
    return toDetail({ ...member, pairedWith });
  },
};
