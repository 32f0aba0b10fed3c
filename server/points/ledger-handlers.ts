import { COLLECTIONS } from '../../database/collections';
import type { CategoryPoints } from '../../typings/areas/points';
import { memberIdOf } from '../domain/ids';
import { withReversal } from '../domain/points/account';
import { manualSourceIdOf, reversalIdOf } from '../domain/points/ids';
import { CATEGORIES, resolveRule } from '../domain/points/rules';
import { canAdminister, canRunBranch } from '../domain/scope';
import { findMember } from '../members/store';
import { loadVisibleMember } from '../members/visibility';
import { instantOfDay } from '../domain/shanghai-day';
import { refuseOwnRecord } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { isDuplicateKey } from '../platform/db-errors';
import { _, db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, notFound, permissionDenied } from '../platform/errors';
import { readKeysetPage } from '../platform/keyset';
import { daySchema, labelled, z } from '../platform/validation';
import { applyAward, placementOf, prepareAward, readAccount, settleAward, writeAccount } from './award';
import {
  DEFAULT_PAGE,
  branchPlaceOf,
  checkActDay,
  currentYear,
  idSchema,
  noteSchema,
  pageInput,
  ruleCodeSchema,
  titleOf,
  yearSchema,
} from './common';
import type { EntryDoc } from './docs';
import { findAccountDoc, findEntry, findRuleCandidates, toAccountState } from './store';
import { throwIfFailed } from '../platform/db-errors';
import { inTransaction } from '../platform/transaction';
import { toEntryView } from './views';

/** The caller's totals (this year and lifetime) and this year by category: one round of parallel reads. */
export const summary: Handler<'points', 'summary'> = {
  input: z.object({ year: yearSchema.optional() }),
  async run({ year }, { caller }) {
    const memberId = memberIdOf(caller.openid);
    const [member, account, pending] = await Promise.all([
      findMember(memberId),
      findAccountDoc(memberId),
      db.collection(COLLECTIONS.pointsClaims).where({ memberId, state: 'pending' }).count(),
    ]);
    if (!member) throw notFound('您还没有报到，报到后即可积累积分');
    const y = year ?? currentYear();
    const state = toAccountState(account);
    const thisYear = state.years[String(y)];
    const byCategory: CategoryPoints[] = CATEGORIES.filter((c) => thisYear?.byCategory[c] !== undefined).map(
      (category) => ({ category, points: thisYear!.byCategory[category]! }),
    );
    return {
      memberId,
      year: y,
      yearTotal: thisYear?.points ?? 0,
      lifetimeTotal: state.lifetime,
      byCategory,
      pendingClaims: pending.total,
    };
  },
};

/**
 * A ledger, newest first, with each entry's reason and source and whether it was later reversed:
 * the caller's own, or a member's for a secretary or administrator who sees them.
 */
export const ledger: Handler<'points', 'ledger'> = {
  input: z.object({ memberId: idSchema('党员编号').optional(), year: yearSchema.optional(), ...pageInput }),
  async run({ memberId, year, cursor, limit = DEFAULT_PAGE }, { caller }) {
    const own = memberIdOf(caller.openid);
    const target = memberId ?? own;
    if (target !== own) await loadVisibleMember(caller, target);
    const where: Record<string, unknown> = { memberId: target };
    if (year) where.year = year;
    const { rows, nextCursor } = await readKeysetPage<EntryDoc>({
      collection: COLLECTIONS.pointsLedger,
      where,
      sort: [
        ['recordedAt', 'desc'],
        ['_id', 'desc'],
      ],
      cursor,
      limit,
    });
    const originals = rows.filter((e) => !e.reversalOf);
    let reversed = new Set<string>();
    if (originals.length > 0) {
      const found = await db
        .collection(COLLECTIONS.pointsLedger)
        .where({ _id: _.in(originals.map((e) => reversalIdOf(e._id))) })
        .field({ reversalOf: true })
        .limit(originals.length)
        .get();
      reversed = new Set((found.data as { reversalOf: string }[]).map((r) => r.reversalOf));
    }
    return { items: rows.map((e) => toEntryView(e, reversed.has(e._id))), nextCursor };
  },
};

/**
 * A secretary (or an administrator above the branch) records an item by hand: a suggestion
 * adopted, a commendation (administrators only), a deduction for a missed duty. Items the system
 * records from events cannot be entered by hand. Caps apply; the award and its audit record
 * commit together.
 */
export const award: Handler<'points', 'award'> = {
  input: z.object({
    memberId: idSchema('党员编号'),
    ruleCode: ruleCodeSchema,
    occurredOn: daySchema('发生日期'),
    quantity: labelled(z.number().int().min(1).max(24), '数量').optional(),
    note: noteSchema('事由'),
  }),
  async run({ memberId, ruleCode, occurredOn, quantity, note }, { caller }) {
    checkActDay(occurredOn, 'occurredOn');
    const [{ access, member }, candidates] = await Promise.all([
      loadVisibleMember(caller, memberId),
      findRuleCandidates(ruleCode),
    ]);
    const branch = branchPlaceOf(member.orgPath);
    if (!branch || member.state !== 'active') throw failedPrecondition('该党员尚未编入支部，暂不能记分');
    if (!canRunBranch(access, branch)) throw permissionDenied('该党员所在支部不在您的管理范围内');
    refuseOwnRecord(caller, member._id, '不能给本人记分，请由其他负责人录入');
    const rule = resolveRule(candidates, member.orgPath);
    if (!rule) throw notFound('积分清单中没有该项目');
    if (rule.approval === 'automatic') throw failedPrecondition('该项目由系统根据记录自动记分，不能手工录入');
    if (rule.approval === 'admin' && !canAdminister(access, branch))
      throw permissionDenied('该项目须由上级党组织管理员录入');
    if (rule.unit === 'time' && (quantity ?? 1) > 1) throw failedPrecondition('该项目按次记分，每次单独录入');
    const prepared = await prepareAward(
      {
        memberId,
        ruleCode,
        source: { type: 'manual', id: manualSourceIdOf(caller.openid, memberId, ruleCode, occurredOn, note) },
        ...(quantity ? { quantity } : {}),
        approvedBy: caller.openid,
        occurredAt: instantOfDay(occurredOn, new Date()),
      },
      { member: placementOf(member), approvedByName: titleOf(access, branch), note },
    );
    if (!prepared.ready) throw failedPrecondition(prepared.result.reason ?? '该项目现在不能记分');
    const a = prepared.award;
    const now = new Date();
    const { result } = await settleAward(a, async (tx: Transaction) => {
      const outcome = await applyAward(tx, a, now);
      if (outcome.entry) {
        await writeAudit(
          {
            actor: caller.openid,
            action: 'points.award',
            target: { collection: COLLECTIONS.pointsLedger, id: outcome.entry._id },
            before: null,
            after: { memberId, ruleCode, points: outcome.entry.points, occurredOn },
            reason: note,
          },
          tx,
        );
      }
      return outcome;
    });
    return result;
  },
};

/**
 * Cancel an entry: a reversal entry with the negated points, pointing at the original, which is
 * never edited. The totals drop and the cap room the entry used is released, in the same
 * transaction. Reversing again returns the same reversal.
 */
export const reverse: Handler<'points', 'reverse'> = {
  input: z.object({ entryId: idSchema('积分记录'), reason: noteSchema('冲正原因') }),
  async run({ entryId, reason }, { caller }) {
    const original = await findEntry(entryId);
    if (!original) throw notFound('该积分记录不存在');
    if (original.reversalOf) throw failedPrecondition('这是一条冲正记录，不能再次冲正');
    const { access, member } = await loadVisibleMember(caller, original.memberId);
    const branch = branchPlaceOf(member.orgPath);
    if (!branch || !canRunBranch(access, branch)) throw permissionDenied('该党员所在支部不在您的管理范围内');
    refuseOwnRecord(caller, member._id, '不能冲正本人的积分，请由其他负责人办理');
    const id = reversalIdOf(entryId);
    const now = new Date();
    const placement = placementOf(member);
    const periods = { year: original.year, month: original.month, day: original.day, date: '' };
    const entry = await settleReversal(id, async (tx: Transaction) => {
      const existing = (await tx.collection(COLLECTIONS.pointsLedger).doc(id).get()) as { data: EntryDoc | null };
      if (existing.data) return { ...existing.data, _id: id };
      const account = await readAccount(tx, member._id);
      const reversal: EntryDoc = {
        ...original,
        _id: id,
        points: -original.points,
        approvedBy: caller.openid,
        approvedByName: titleOf(access, branch),
        reason: `冲正：${reason}（原记录：${original.reason}）`,
        capped: false,
        capReason: null,
        recordedAt: now,
        reversalOf: entryId,
        orgPath: placement.orgPath,
      };
      throwIfFailed(await tx.collection(COLLECTIONS.pointsLedger).add(reversal));
      const next = withReversal(account, {
        code: original.ruleCode,
        category: original.category,
        points: original.points,
        periods,
      });
      await writeAccount(tx, placement, next, [original.year], now);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'points.reverse',
          target: { collection: COLLECTIONS.pointsLedger, id: entryId },
          before: { points: original.points },
          after: { reversal: id, points: reversal.points },
          reason,
        },
        tx,
      );
      return reversal;
    });
    return toEntryView(entry, false);
  },
};

/** A reversal's transaction; a concurrent identical reversal that won shows up as a duplicate `_id`. */
async function settleReversal(id: string, work: (tx: Transaction) => Promise<EntryDoc>): Promise<EntryDoc> {
  try {
    return await inTransaction(work);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await findEntry(id);
    if (!existing) throw err;
    return existing;
  }
}
