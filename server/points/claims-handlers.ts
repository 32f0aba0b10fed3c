import { COLLECTIONS } from '../../database/collections';
import type { ClaimDetail } from '../../typings/areas/points';
import { memberIdOf } from '../domain/ids';
import { claimIdOf } from '../domain/points/ids';
import { resolveRule, whyNotApplicable } from '../domain/points/rules';
import { instantOfDay } from '../domain/shanghai-day';
import { canAdminister, canRunBranch, scopeIds, type Access } from '../domain/scope';
import { findMember } from '../members/store';
import { findOrg } from '../orgs/org-store';
import { loadAccess, refuseOwnRecord, requireAnyManager } from '../platform/access';
import type { CallerIdentity } from '../platform/caller';
import { writeAudit } from '../platform/audit';
import { _, db, type Transaction } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { daySchema, labelled, z } from '../platform/validation';
import { applyAward, placementOf, prepareAward, settleAward } from './award';
import { readKeysetPage, type KeysetSort } from '../platform/keyset';
import { DEFAULT_PAGE, checkActDay, idSchema, noteSchema, pageInput, ruleCodeSchema, titleOf } from './common';
import type { ClaimDoc } from './docs';
import { checkEvidence, temporaryLinks } from './evidence';
import { findClaim, findRuleCandidates } from './store';
import { throwIfFailed } from '../platform/db-errors';
import { inTransaction } from '../platform/transaction';
import { toClaimView } from './views';

const MAX_PHOTOS = 9;
const MAX_HOURS_A_DAY = 24;
const NEWEST_FIRST: KeysetSort = [
  ['submittedAt', 'desc'],
  ['_id', 'desc'],
];
const OLDEST_FIRST: KeysetSort = [
  ['submittedAt', 'asc'],
  ['_id', 'asc'],
];

/**
 * A member claims points for a volunteer or public-welfare act: item, day, hours where the item
 * counts hours, a description and photos already uploaded to their evidence folder. The same
 * claim sent twice is one claim. It then waits for the secretary of their branch.
 */
export const submitClaim: Handler<'points', 'submitClaim'> = {
  input: z.object({
    ruleCode: ruleCodeSchema,
    occurredOn: daySchema('发生日期'),
    quantity: labelled(z.number().int().min(1).max(MAX_HOURS_A_DAY), '服务时长（小时）').optional(),
    description: noteSchema('事情经过', 5, 500),
    photos: labelled(z.array(z.string().trim().min(1).max(300)).max(MAX_PHOTOS), '照片'),
  }),
  async run({ ruleCode, occurredOn, quantity, description, photos }, { caller }) {
    checkActDay(occurredOn, 'occurredOn');
    const memberId = memberIdOf(caller.openid);
    const [member, candidates] = await Promise.all([findMember(memberId), findRuleCandidates(ruleCode)]);
    if (!member) throw notFound('您还没有报到，报到后才能申报积分');
    if (member.state !== 'active' || !member.branchId) throw failedPrecondition('您还没有编入支部，编入后才能申报积分');
    const rule = resolveRule(candidates, member.orgPath);
    if (!rule || !rule.claimable) throw failedPrecondition('该项目不能由本人申报');
    const why = whyNotApplicable(rule, occurredOn);
    if (why) throw failedPrecondition(why);
    if (rule.unit === 'hour' && !quantity) throw invalidArgument('请填写服务时长（小时）', 'quantity');
    if (rule.unit === 'time' && quantity !== undefined && quantity !== 1) {
      throw invalidArgument('该项目按次申报，每次单独申报', 'quantity');
    }
    if (rule.evidenceRequired && photos.length === 0) throw invalidArgument('该项目需要上传照片作为证明', 'photos');
    await checkEvidence(photos, memberId);
    const claim: ClaimDoc = {
      _id: claimIdOf(memberId, ruleCode, occurredOn, description),
      memberId,
      memberName: member.name,
      branchId: member.branchId,
      branchName: member.branchName,
      orgPath: member.orgPath,
      ruleCode,
      ruleName: rule.name,
      category: rule.category,
      unit: rule.unit,
      occurredOn,
      quantity: quantity ?? 1,
      description,
      photos,
      state: 'pending',
      submittedAt: new Date(),
      decidedAt: null,
      decidedBy: null,
      decidedByName: null,
      decisionNote: null,
      points: null,
      entryId: null,
    };
    try {
      throwIfFailed(await db.collection(COLLECTIONS.pointsClaims).add(claim));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await findClaim(claim._id);
      if (!existing) throw err;
      return toClaimView(existing);
    }
    return toClaimView(claim);
  },
};

/** The caller's claims, newest first, optionally of one state. */
export const myClaims: Handler<'points', 'myClaims'> = {
  input: z.object({
    state: labelled(z.enum(['pending', 'approved', 'rejected']), '状态').optional(),
    ...pageInput,
  }),
  async run({ state, cursor, limit = DEFAULT_PAGE }, { caller }) {
    const where: Record<string, unknown> = { memberId: memberIdOf(caller.openid) };
    if (state) where.state = state;
    const { rows, nextCursor } = await readKeysetPage<ClaimDoc>({
      collection: COLLECTIONS.pointsClaims,
      where,
      sort: NEWEST_FIRST,
      cursor,
      limit,
    });
    return { items: rows.map((c) => toClaimView(c)), nextCursor };
  },
};

/** A claim's branch as a place, for scope checks. */
const placeOfClaim = (c: ClaimDoc) => ({ id: c.branchId, ancestors: c.orgPath.slice(0, -1) });

/** Claims with links to their photos, in one storage round trip for the whole page. */
async function withLinks(claims: ClaimDoc[]): Promise<ClaimDetail[]> {
  const links = await temporaryLinks(claims.flatMap((c) => c.photos));
  let i = 0;
  return claims.map((c) => ({ ...toClaimView(c), photoUrls: c.photos.map(() => links[i++]!) }));
}

/**
 * Pending claims the caller may decide, oldest first, with photo links: of the branches they run
 * and the subtrees they administer, or of one node among them.
 */
export const pendingClaims: Handler<'points', 'pendingClaims'> = {
  input: z.object({ scopeId: idSchema('范围').optional(), ...pageInput }),
  async run({ scopeId, cursor, limit = DEFAULT_PAGE }, { caller }) {
    const [access, org] = await Promise.all([loadAccess(caller), scopeId ? findOrg(scopeId) : Promise.resolve(null)]);
    requireAnyManager(access);
    const where: Record<string, unknown> = { state: 'pending' };
    if (scopeId) {
      if (!org) throw notFound('该组织不存在');
      if (!canRunBranch(access, { id: org._id, ancestors: org.ancestors })) {
        throw permissionDenied('该组织不在您的管理范围内');
      }
      where.orgPath = scopeId;
    } else if (!access.isSuperAdmin) {
      where.orgPath = _.in(scopeIds(access));
    }
    // Keyset, not offset: claims decided between two pages must not push later ones out of sight.
    const { rows, nextCursor } = await readKeysetPage<ClaimDoc>({
      collection: COLLECTIONS.pointsClaims,
      where,
      sort: OLDEST_FIRST,
      cursor,
      limit,
    });
    return { items: await withLinks(rows), nextCursor };
  },
};

/** Who may decide a claim: the secretary of its branch or an administrator above, never the claimant. */
function requireReviewer(access: Access, claim: ClaimDoc, callerOpenid: string): void {
  if (!canRunBranch(access, placeOfClaim(claim))) throw permissionDenied('该申报不在您的管理范围内');
  refuseOwnRecord({ openid: callerOpenid }, claim.memberId, '不能审批本人的申报，请由其他负责人审批');
}

async function loadClaimForReview(claimId: string, caller: CallerIdentity) {
  const [access, claim] = await Promise.all([loadAccess(caller), findClaim(claimId)]);
  if (!claim) throw notFound('该申报不存在');
  requireReviewer(access, claim, caller.openid);
  return { access, claim };
}

/** One claim with photo links: for its member, or a reviewer in scope. */
export const claim: Handler<'points', 'claim'> = {
  input: z.object({ claimId: idSchema('申报编号') }),
  async run({ claimId }, { caller }) {
    const found = await findClaim(claimId);
    if (!found) throw notFound('该申报不存在');
    if (found.memberId !== memberIdOf(caller.openid)) {
      const access = await loadAccess(caller);
      if (!canRunBranch(access, placeOfClaim(found))) throw permissionDenied('该申报不在您的管理范围内');
    }
    const [detail] = await withLinks([found]);
    return detail!;
  },
};

const decided = (c: ClaimDoc) =>
  c.state === 'approved' ? '该申报已经审批通过，不能重复审批' : '该申报已被退回，不能再审批';

/** Read the claim inside the transaction: two reviewers at once, one wins and the other is told. */
async function pendingInTx(tx: Transaction, claimId: string): Promise<ClaimDoc> {
  const res = (await tx.collection(COLLECTIONS.pointsClaims).doc(claimId).get()) as { data: ClaimDoc | null };
  if (!res.data) throw notFound('该申报不存在');
  const current = { ...res.data, _id: claimId };
  if (current.state !== 'pending') throw failedPrecondition(decided(current));
  return current;
}

/**
 * Approve a claim, once: the ledger entry (caps applied), the totals, the claim's new state and
 * the audit record commit together. A cap that is used up approves the act with 0 points and
 * says so. Items that need an administrator are refused to a secretary.
 */
export const approveClaim: Handler<'points', 'approveClaim'> = {
  input: z.object({ claimId: idSchema('申报编号'), note: labelled(z.string().trim().max(200), '审批意见').optional() }),
  async run({ claimId, note }, { caller }) {
    const { access, claim: found } = await loadClaimForReview(claimId, caller);
    if (found.state !== 'pending') throw failedPrecondition(decided(found));
    const member = await findMember(found.memberId);
    if (!member) throw notFound('该党员记录不存在');
    const prepared = await prepareAward(
      {
        memberId: found.memberId,
        ruleCode: found.ruleCode,
        source: { type: 'claim', id: claimId },
        quantity: found.quantity,
        approvedBy: caller.openid,
        occurredAt: instantOfDay(found.occurredOn, new Date()),
      },
      { member: placementOf(member), approvedByName: titleOf(access, placeOfClaim(found)), note: found.description },
    );
    if (!prepared.ready) throw failedPrecondition(`${prepared.result.reason ?? '该项目现在不能记分'}，请退回该申报`);
    const a = prepared.award;
    if (a.rule.approval === 'admin' && !canAdminister(access, placeOfClaim(found))) {
      throw permissionDenied('该项目须由上级党组织管理员审批');
    }
    const now = new Date();
    const title = titleOf(access, placeOfClaim(found));
    const decision = note || null;
    const { result } = await settleAward(a, async (tx: Transaction) => {
      await pendingInTx(tx, claimId);
      const outcome = await applyAward(tx, a, now);
      const patch = {
        state: 'approved' as const,
        decidedAt: now,
        decidedBy: caller.openid,
        decidedByName: title,
        decisionNote: decision ?? outcome.result.reason,
        points: outcome.result.points,
        entryId: outcome.result.created ? outcome.result.entryId : null,
      };
      await tx.collection(COLLECTIONS.pointsClaims).doc(claimId).update(patch);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'points.claim.approve',
          target: { collection: COLLECTIONS.pointsClaims, id: claimId },
          before: { state: 'pending' },
          after: { state: 'approved', points: outcome.result.points, entryId: patch.entryId },
          ...(decision ? { reason: decision } : {}),
        },
        tx,
      );
      return outcome;
    });
    return toClaimView({
      ...found,
      state: 'approved',
      decidedAt: now,
      decidedBy: caller.openid,
      decidedByName: title,
      decisionNote: decision ?? result.reason,
      points: result.points,
      entryId: result.created ? result.entryId : null,
    });
  },
};

/** Send a claim back with the reason; the member sees it. Once decided, a claim stays decided. */
export const rejectClaim: Handler<'points', 'rejectClaim'> = {
  input: z.object({ claimId: idSchema('申报编号'), reason: noteSchema('退回原因') }),
  async run({ claimId, reason }, { caller }) {
    const { access, claim: found } = await loadClaimForReview(claimId, caller);
    if (found.state !== 'pending') throw failedPrecondition(decided(found));
    const now = new Date();
    const title = titleOf(access, placeOfClaim(found));
    const patch = {
      state: 'rejected' as const,
      decidedAt: now,
      decidedBy: caller.openid,
      decidedByName: title,
      decisionNote: reason,
    };
    await inTransaction(async (tx: Transaction) => {
      await pendingInTx(tx, claimId);
      await tx.collection(COLLECTIONS.pointsClaims).doc(claimId).update(patch);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'points.claim.reject',
          target: { collection: COLLECTIONS.pointsClaims, id: claimId },
          before: { state: 'pending' },
          after: { state: 'rejected' },
          reason,
        },
        tx,
      );
    });
    return toClaimView({ ...found, ...patch });
  },
};
