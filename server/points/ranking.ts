import { COLLECTIONS } from '../../database/collections';
import { competitionRanks } from '../domain/points/ranking';
import { canRunBranch } from '../domain/scope';
import { findOrg } from '../orgs/org-store';
import { loadAccess } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { currentYear, idSchema, yearSchema } from './common';
import type { TotalsDoc } from './docs';

const DEFAULT_TOP = 20;
const MAX_TOP = 100;
/** Members tied with the last of the top N are all shown, up to this many more. */
export const MAX_TIES = 200;

const ROW_FIELDS = { memberId: true, name: true, branchName: true, points: true };

/**
 * The top members of a branch, street or district by the year's points, with ties: read from the
 * maintained year totals through the `org_year_points` index (orgPath, year, points desc,
 * memberId), never from the ledger. Round trips are fixed whatever the size of the district:
 * the caller's roles and the node (in parallel), the top N, and the members tied with the last
 * of them.
 */
export const ranking: Handler<'points', 'ranking'> = {
  input: z.object({
    scopeId: idSchema('排名范围'),
    year: yearSchema.optional(),
    top: labelled(z.number().int().min(1).max(MAX_TOP), '名次数').optional(),
  }),
  async run({ scopeId, year, top = DEFAULT_TOP }, { caller }) {
    const [access, org] = await Promise.all([loadAccess(caller), findOrg(scopeId)]);
    if (!org) throw notFound('该组织不存在');
    if (!canRunBranch(access, { id: org._id, ancestors: org.ancestors })) {
      throw permissionDenied('该组织不在您的管理范围内');
    }
    const y = year ?? currentYear();
    const totals = db.collection(COLLECTIONS.pointsTotals);
    const head = await totals
      .where({ orgPath: scopeId, year: y })
      .orderBy('points', 'desc')
      .orderBy('memberId', 'asc')
      .limit(top)
      .field(ROW_FIELDS)
      .get();
    const rows = head.data as TotalsDoc[];
    const last = rows[rows.length - 1];
    if (last && rows.length === top) {
      const tied = await totals
        .where({ orgPath: scopeId, year: y, points: last.points, memberId: _.gt(last.memberId) })
        .orderBy('memberId', 'asc')
        .limit(MAX_TIES)
        .field(ROW_FIELDS)
        .get();
      rows.push(...(tied.data as TotalsDoc[]));
    }
    return {
      scopeId,
      scopeName: org.name,
      year: y,
      top,
      items: competitionRanks(rows).map(({ rank, row }) => ({
        rank,
        memberId: row.memberId,
        name: row.name,
        branchName: row.branchName,
        points: row.points,
      })),
    };
  },
};
