/** Creating a month's records on demand by a branch's secretary (the `jobs` timer makes them for everyone). */
import { z } from 'zod';
import { MAX_ARREARS_MONTHS, addMonths, compareMonths, monthOf } from '../domain/dues';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireBranchManager } from '../platform/access';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, notFound } from '../platform/errors';
import { createMonthRecords } from './records';
import { monthSchema, orgIdSchema } from './schemas';

/** A secretary creates a month's records for the branch now (this month by default, at most 6 back). */
export const generateMonth: Handler<'dues', 'generateMonth'> = {
  input: z.object({ branchId: orgIdSchema('支部'), month: monthSchema('月份').optional() }),
  async run({ branchId, month }, { caller }) {
    const now = new Date();
    const current = monthOf(now);
    const target = month ?? current;
    if (compareMonths(target, current) > 0 || compareMonths(target, addMonths(current, -MAX_ARREARS_MONTHS)) < 0) {
      throw invalidArgument(`只能生成 ${addMonths(current, -MAX_ARREARS_MONTHS)} 至 ${current} 的党费记录`, 'month');
    }
    const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
    if (!branch) throw notFound('该支部不存在');
    requireBranchManager(access, { id: branch._id, ancestors: branch.ancestors });
    return createMonthRecords(target, { branchId }, 'on_demand', now);
  },
};
