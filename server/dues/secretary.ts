/**
 * The secretary's work on one member's dues: declarations to confirm or correct, relief (reduce or
 * waive, with the next level's approver), and the member's months and receipts. Every action checks
 * that the caller runs the member's branch; decisions are written with an audit record in the same
 * transaction.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { MemberDuesView, PendingBaseRow } from '../../typings/areas/dues';
import type { Access } from '../domain/scope';
import { MAX_ARREARS_MONTHS, MAX_PREPAY_MONTHS, addMonths, checkRelief, compareMonths, monthOf } from '../domain/dues';
import { memberIdOf } from '../domain/ids';
import { findOrg } from '../orgs/org-store';
import { loadAccess, refuseOwnRecord, requireBranchManager } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound } from '../platform/errors';
import { readKeysetPage } from '../platform/keyset';
import { labelled } from '../platform/validation';
import type { MemberDoc } from '../members/member-doc';
import { amountForMonth, declarationView, needsBase, profileView, quoteView } from './amounts';
import type { DuesMonthDoc, DuesProfileDoc, StoredDeclaration, StoredRelief } from './docs';
import { bandLabel, bandOf, payChoicesOf } from './member-view';
import { loadMemberMonths } from './my-dues';
import { readReceipts } from './receipts';
import { ensureOwedMonths, monthView, repriceOpenMonths } from './records';
import {
  DEFAULT_PAGE,
  categorySchema,
  fenSchema,
  memberIdSchema,
  monthSchema,
  orgIdSchema,
  pageInput,
  reasonSchema,
} from './schemas';
import { branchPlaceOf, loadDuesMember, standingNote, type DuesMember } from './standing';
import { inTransaction } from '../platform/transaction';

/** The caller's name as their member record has it (null for administrators without one). One round trip. */
export async function callerName(openid: string): Promise<string | null> {
  const res = await db.collection(COLLECTIONS.members).doc(memberIdOf(openid)).field({ name: true }).get();
  return ((res.data as { name?: string }[])[0]?.name as string | undefined) ?? null;
}

/** Refuse unless the caller runs the branch the member is in. */
export function requireMemberManager(access: Access, member: MemberDoc | null): MemberDoc {
  if (!member) throw notFound('该党员记录不存在');
  const place = branchPlaceOf(member);
  if (!place) throw failedPrecondition('该党员尚未编入党支部');
  requireBranchManager(access, place);
  return member;
}

/** The secretary's view of one member, from what was read; creates the payable window's records when missing. */
export async function memberDuesViewOf(memberId: string, now = new Date()): Promise<MemberDuesView> {
  const current = monthOf(now);
  const [{ dm, known: read }, receipts] = await Promise.all([
    loadMemberMonths(memberId, current),
    readReceipts(memberId, undefined, DEFAULT_PAGE),
  ]);
  const known = await ensureOwedMonths(dm, current, read, now);
  return buildMemberView(dm, known, current, receipts.items);
}

function buildMemberView(
  dm: DuesMember,
  known: Map<string, DuesMonthDoc>,
  current: string,
  receipts: MemberDuesView['receipts'],
): MemberDuesView {
  const { band } = bandOf(known, current);
  return {
    memberId: dm.memberId,
    name: dm.member?.name ?? '',
    standing: dm.standing,
    standingNote: standingNote(dm.standing),
    currentMonth: current,
    profile: profileView(dm.profile, current),
    months: [...known.values()].sort((a, b) => compareMonths(a.month, b.month)).map(monthView),
    band,
    bandLabel: bandLabel(band),
    choices: payChoicesOf(dm, known, current),
    receipts,
  };
}

/** One member's dues for the secretary: months, profile, recent receipts. */
export const memberDues: Handler<'dues', 'memberDues'> = {
  input: z.object({ memberId: memberIdSchema }),
  async run({ memberId }, { caller }) {
    const [access, member] = await Promise.all([
      loadAccess(caller),
      db.collection(COLLECTIONS.members).doc(memberId).get(),
    ]);
    requireMemberManager(access, ((member.data as MemberDoc[])[0] as MemberDoc | undefined) ?? null);
    return memberDuesViewOf(memberId);
  },
};

/** Declarations waiting in a branch, oldest first, each with what it would give. */
export const pendingBases: Handler<'dues', 'pendingBases'> = {
  input: z.object({ branchId: orgIdSchema('支部'), ...pageInput }),
  async run({ branchId, cursor, limit = DEFAULT_PAGE }, { caller }) {
    const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
    if (!branch) throw notFound('该支部不存在');
    requireBranchManager(access, { id: branch._id, ancestors: branch.ancestors });
    // Keyset, not offset: declarations reviewed between two pages leave the queue and must not
    // push the ones after them out of sight.
    const { rows, nextCursor } = await readKeysetPage<DuesProfileDoc>({
      collection: COLLECTIONS.duesProfiles,
      where: { branchId, hasPending: true },
      sort: [
        ['updatedAt', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    });
    const current = monthOf(new Date());
    const items: PendingBaseRow[] = rows.flatMap((p) => {
      const d = p.declarations.find((x) => x.status === 'pending');
      if (!d) return [];
      return [
        {
          memberId: p._id,
          name: p.memberName,
          declaration: declarationView(d),
          quote: quoteView(d.category, d.baseFen ?? undefined),
          currentAmountFen: amountForMonth(p, current)?.standardFen ?? null,
        },
      ];
    });
    return { items, nextCursor };
  },
};

/**
 * Confirm a declaration as made, correct it (category, base, farmer amount, month; a reason is
 * required), or send it back. The amount is computed here from the confirmed figures, and the
 * member's open months from the effective month on are priced again.
 */
export const reviewBase: Handler<'dues', 'reviewBase'> = {
  input: z.object({
    memberId: memberIdSchema,
    declarationId: labelled(z.string().regex(/^d\d{1,4}$/, '无效的申报编号'), '申报编号'),
    decision: labelled(z.enum(['confirm', 'correct', 'reject']), '审核结果'),
    category: categorySchema.optional(),
    baseFen: fenSchema('交纳基数').optional(),
    farmerAmountFen: fenSchema('每月交纳金额', 100).optional(),
    effectiveMonth: monthSchema('生效月份').optional(),
    fixedForYear: labelled(z.boolean(), '本年度固定').optional(),
    reason: reasonSchema('原因').optional(),
  }),
  async run(input, { caller }) {
    const now = new Date();
    const current = monthOf(now);
    const [access, dm, name] = await Promise.all([
      loadAccess(caller),
      loadDuesMember(input.memberId),
      callerName(caller.openid),
    ]);
    requireMemberManager(access, dm.member);
    refuseOwnRecord(caller, input.memberId, '不能确认本人的交纳基数，请由其他负责人办理');
    const declaration = dm.profile?.declarations.find((d) => d.id === input.declarationId);
    if (!dm.profile || !declaration) throw notFound('没有找到这条申报');
    const target: StoredDeclaration['status'] =
      input.decision === 'reject' ? 'rejected' : input.decision === 'correct' ? 'corrected' : 'confirmed';
    if (declaration.status !== 'pending') {
      // A repeated tap on the same decision changes nothing.
      if (declaration.status === target) return memberDuesViewOf(input.memberId, now);
      throw failedPrecondition('这条申报已经处理过，或已被新的申报代替。');
    }
    if (input.decision !== 'confirm' && !input.reason) {
      throw invalidArgument(input.decision === 'reject' ? '退回申报须说明原因' : '更正申报须说明原因', 'reason');
    }
    const category = input.decision === 'correct' ? (input.category ?? declaration.category) : declaration.category;
    const baseFen = needsBase(category)
      ? input.decision === 'correct'
        ? (input.baseFen ?? declaration.baseFen)
        : declaration.baseFen
      : null;
    const effectiveMonth =
      input.decision === 'correct' ? (input.effectiveMonth ?? declaration.effectiveMonth) : declaration.effectiveMonth;
    const farmerAmountFen = category === 'farmer' ? (input.farmerAmountFen ?? null) : null;
    let amountFen = 0;
    if (input.decision !== 'reject') {
      if (needsBase(category) && baseFen === null) throw invalidArgument('请填写交纳基数', 'baseFen');
      if (category === 'farmer' && farmerAmountFen === null) {
        throw invalidArgument('农民党员请填写党支部确定的每月交纳金额（0.20 元至 1.00 元）', 'farmerAmountFen');
      }
      if (
        compareMonths(effectiveMonth, addMonths(current, -MAX_ARREARS_MONTHS * 2)) < 0 ||
        compareMonths(effectiveMonth, addMonths(current, MAX_PREPAY_MONTHS)) > 0
      ) {
        throw invalidArgument('生效月份超出可以核定的范围', 'effectiveMonth');
      }
      const q = quoteView(category, baseFen ?? undefined, farmerAmountFen ?? undefined);
      amountFen = q.amountFen ?? 0;
    }
    const review: NonNullable<StoredDeclaration['review']> = {
      by: caller.openid,
      byName: name,
      at: now,
      category,
      baseFen,
      farmerAmountFen,
      effectiveMonth,
      amountFen,
      fixedForYear: input.fixedForYear === true,
      reason: input.reason ?? null,
    };

    const profile = await inTransaction(async (tx) => {
      const got = (await tx.collection(COLLECTIONS.duesProfiles).doc(input.memberId).get()) as {
        data: DuesProfileDoc | null;
      };
      const current = got.data?.declarations.find((d) => d.id === input.declarationId);
      if (!got.data || current?.status !== 'pending')
        throw failedPrecondition('这条申报刚刚发生了变化，请刷新后再试。');
      const declarations = got.data.declarations.map((d) =>
        d.id === input.declarationId ? { ...d, status: target, review } : d,
      );
      await tx
        .collection(COLLECTIONS.duesProfiles)
        .doc(input.memberId)
        .update({ declarations: _.set(declarations), hasPending: false, updatedAt: now });
      await writeAudit(
        {
          actor: caller.openid,
          action: `dues.base.${input.decision}`,
          target: { collection: COLLECTIONS.duesProfiles, id: input.memberId },
          before: {
            category: declaration.category,
            baseFen: declaration.baseFen,
            effectiveMonth: declaration.effectiveMonth,
          },
          after:
            input.decision === 'reject'
              ? { status: 'rejected' }
              : { category, baseFen, farmerAmountFen, effectiveMonth, amountFen, fixedForYear: review.fixedForYear },
          ...(input.reason ? { reason: input.reason } : {}),
        },
        tx,
      );
      return { ...got.data, declarations };
    });
    if (input.decision !== 'reject')
      await repriceOpenMonths(profile, input.memberId, effectiveMonth, caller.openid, now);
    return memberDuesViewOf(input.memberId, now);
  },
};

/**
 * Reduce or waive a member's dues for a span of months. The 2008 rules require the next level's
 * approval, so the approver and the reason are required and kept; a later decision covering the
 * same months takes precedence. Open months in the span are priced again.
 */
export const setRelief: Handler<'dues', 'setRelief'> = {
  input: z.object({
    memberId: memberIdSchema,
    kind: labelled(z.enum(['reduce', 'waive']), '减免方式'),
    fromMonth: monthSchema('起始月份'),
    toMonth: monthSchema('截止月份').optional(),
    reducedAmountFen: fenSchema('减交后的每月金额').optional(),
    reason: reasonSchema('减免原因'),
    approvedBy: labelled(z.string().trim().min(2).max(60), '批准的上级党组织及负责人'),
  }),
  async run(input, { caller }) {
    const now = new Date();
    const [access, dm, name] = await Promise.all([
      loadAccess(caller),
      loadDuesMember(input.memberId),
      callerName(caller.openid),
    ]);
    requireMemberManager(access, dm.member);
    refuseOwnRecord(caller, input.memberId, '不能为本人办理减免，请由其他负责人办理');
    if (dm.standing !== 'owes_here') throw failedPrecondition(`该党员不在本地交纳党费：${standingNote(dm.standing)}`);
    if (!dm.profile) throw failedPrecondition('该党员还没有党费档案，请先请其申报交纳基数。');
    const relief: StoredRelief = {
      kind: input.kind,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth ?? null,
      reducedAmountFen: input.kind === 'reduce' ? (input.reducedAmountFen ?? null) : null,
      reason: input.reason,
      decidedBy: name ?? caller.openid,
      decidedByOpenid: caller.openid,
      approvedBy: input.approvedBy,
      recordedAt: now,
    };
    const check = checkRelief({
      kind: relief.kind,
      fromMonth: relief.fromMonth,
      ...(relief.toMonth ? { toMonth: relief.toMonth } : {}),
      ...(relief.reducedAmountFen !== null ? { reducedAmountFen: relief.reducedAmountFen } : {}),
      reason: relief.reason,
      decidedBy: relief.decidedBy,
      approvedBy: relief.approvedBy,
    });
    if (!check.ok) throw invalidArgument(check.reason, check.field);

    const sameAs = (r: StoredRelief) =>
      r.kind === relief.kind &&
      r.fromMonth === relief.fromMonth &&
      r.toMonth === relief.toMonth &&
      r.reducedAmountFen === relief.reducedAmountFen &&
      r.reason === relief.reason &&
      r.approvedBy === relief.approvedBy;
    const profile = await inTransaction(async (tx) => {
      const got = (await tx.collection(COLLECTIONS.duesProfiles).doc(input.memberId).get()) as {
        data: DuesProfileDoc | null;
      };
      if (!got.data) throw failedPrecondition('该党员还没有党费档案。');
      if (got.data.reliefs.some(sameAs)) return got.data;
      const reliefs = [...got.data.reliefs, relief];
      await tx
        .collection(COLLECTIONS.duesProfiles)
        .doc(input.memberId)
        .update({ reliefs: _.set(reliefs), updatedAt: now });
      await writeAudit(
        {
          actor: caller.openid,
          action: `dues.relief.${input.kind}`,
          target: { collection: COLLECTIONS.duesProfiles, id: input.memberId },
          before: null,
          after: relief,
          reason: input.reason,
        },
        tx,
      );
      return { ...got.data, reliefs };
    });
    await repriceOpenMonths(profile, input.memberId, input.fromMonth, caller.openid, now);
    return memberDuesViewOf(input.memberId, now);
  },
};
