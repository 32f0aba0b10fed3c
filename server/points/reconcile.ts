import { COLLECTIONS } from '../../database/collections';
import { accountFromLedger, driftLines, type LedgerGroup } from '../domain/points/reconcile';
import { canAdminister } from '../domain/scope';
import { loadVisibleMember } from '../members/visibility';
import { writeAudit } from '../platform/audit';
import { db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { conflict, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { creditPendingAttendance } from '../sessions/points';
import { placementOf, readAccount, writeAccount } from './award';
import { branchPlaceOf, idSchema } from './common';
import type { TotalsDoc } from './docs';
import { findAccountDoc, toAccountState } from './store';
import { inTransaction } from '../platform/transaction';

/** A member's ledger grouped for rebuilding the account: far fewer groups than this. */
const MAX_GROUPS = 20000;

/**
 * Recompute a member's totals from the ledger by aggregation and compare them with the stored
 * account (lifetime, each year) and year totals (what rankings read). With `repair`, drifted
 * figures are rewritten from the ledger in a transaction that first checks no entry arrived
 * since the aggregation ran; the repair is audit-logged. Administrators above the member's branch.
 */
export const reconcile: Handler<'points', 'reconcile'> = {
  input: z.object({ memberId: idSchema('党员编号'), repair: labelled(z.boolean(), '是否修复').optional() }),
  async run({ memberId, repair = false }, { caller }) {
    const { access, member } = await loadVisibleMember(caller, memberId);
    const branch = branchPlaceOf(member.orgPath);
    if (!access.isSuperAdmin && (!branch || !canAdminister(access, branch))) {
      throw permissionDenied('只有上级党组织管理员可以核对积分');
    }
    // Attendance awards a failed call left pending are made first, so the comparison sees them.
    await creditPendingAttendance({ memberId });
    const $ = db.command.aggregate;
    const [accountDoc, totalsRes, grouped] = await Promise.all([
      findAccountDoc(memberId),
      db.collection(COLLECTIONS.pointsTotals).where({ memberId }).limit(1000).get(),
      db
        .collection(COLLECTIONS.pointsLedger)
        .aggregate()
        .match({ memberId })
        .group({
          _id: { year: '$year', category: '$category', ruleCode: '$ruleCode', month: '$month', day: '$day' },
          points: $.sum('$points'),
          entries: $.sum(1),
        })
        .limit(MAX_GROUPS)
        .end(),
    ]);
    const groups: LedgerGroup[] = (
      grouped.data as { _id: Omit<LedgerGroup, 'points' | 'entries'>; points: number; entries: number }[]
    ).map((g) => ({ ...g._id, points: g.points, entries: g.entries }));
    const computed = accountFromLedger(groups);
    const stored = toAccountState(accountDoc);
    const yearTotals = new Map((totalsRes.data as TotalsDoc[]).map((t) => [t.year, t.points]));
    const lines = driftLines(computed, { account: stored, yearTotals });
    const drifted = lines.some((l) => l.drift !== 0);
    if (!drifted || !repair) return { memberId, lines, drifted, repaired: false };

    const placement = placementOf(member);
    const now = new Date();
    const years = [...new Set([...Object.keys(computed.years).map(Number), ...yearTotals.keys()])];
    await inTransaction(async (tx: Transaction) => {
      const current = await readAccount(tx, memberId);
      // An award between the aggregation and now would be lost by overwriting: refuse instead.
      if (current.entries !== stored.entries) throw conflict('积分刚有变动，请重新核对');
      await writeAccount(tx, placement, computed, years, now);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'points.reconcile.repair',
          target: { collection: COLLECTIONS.pointsAccounts, id: memberId },
          before: { lifetime: stored.lifetime, years: Object.fromEntries(yearTotals) },
          after: {
            lifetime: computed.lifetime,
            years: Object.fromEntries(Object.entries(computed.years).map(([y, v]) => [y, v.points])),
          },
          reason: '按积分流水重新计算',
        },
        tx,
      );
    });
    return { memberId, lines, drifted, repaired: true };
  },
};
