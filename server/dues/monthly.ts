/** Creating a month's records: by the monthly timer trigger, and on demand by a branch's secretary. */
import { z } from 'zod';
import { MAX_ARREARS_MONTHS, addMonths, compareMonths, monthOf } from '../domain/dues';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireBranchManager } from '../platform/access';
import type { Handler, TimerEvent } from '../platform/dispatch';
import { invalidArgument, notFound } from '../platform/errors';
import { createMonthRecords, type MonthCreation } from './records';
import { monthSchema, orgIdSchema } from './schemas';

/** The timer (cloudbaserc.json, 01:00 on the 1st, Asia/Shanghai): this month's records for everyone who owes here. */
export async function onMonthlyTimer(event: TimerEvent): Promise<MonthCreation> {
  // The month comes from the clock, never from the event: nothing the event says can create
  // records for a month that has not begun. (The platform gives no trigger marker in the context
  // to check the event against; see defineFunction.)
  const now = new Date();
  const month = monthOf(now);
  const claimed = new Date(event.Time);
  if (Number.isNaN(claimed.getTime()) || monthOf(claimed) !== month) {
    console.warn(`[dues.timer] event time ${String(event.Time)} is not in ${month}; creating ${month} only`);
  }
  const result = await createMonthRecords(month, {}, 'timer', now);
  console.log(`[dues.timer] ${event.TriggerName} ${month}: ${JSON.stringify(result)}`);
  return result;
}

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
