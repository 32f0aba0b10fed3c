/**
 * The scheduled jobs. Each CloudBase function may have one timer trigger, so the `jobs` function
 * has the only one (every 10 minutes) and runs whichever of these are due. A job is idempotent
 * per period; later areas (report snapshots, reminders) add theirs here.
 */
import type { PeriodKind } from '../domain/jobs/periods';
import { createMonthRecords } from '../dues/records';
import { creditPendingAttendance } from '../sessions/points';
import { reconcileTallies, tallyEndedSessions } from '../sessions/tally';
import { countAllBranches, reconcileBranchMonths } from '../desk/branch-months';
import { addMonths, monthOf } from '../domain/dues/months';
import { previousPeriod, type PeriodKind as SchedulerPeriod } from '../domain/jobs/periods';
import { issueReport, REPORT_NAMES } from '../desk/reports';

export interface JobSpec {
  id: string;
  /** What it does, in Chinese, for the run list. */
  title: string;
  period: PeriodKind;
  /** How many earlier periods a tick makes good when their runs are missing or failed. */
  catchUp: number;
  run(period: string, now: Date): Promise<unknown>;
}

export const JOBS: readonly JobSpec[] = [
  {
    id: 'dues.month-records',
    title: '生成每月党费记录',
    period: 'month',
    // Last month too: a month whose first ticks were all missed still gets its records.
    catchUp: 1,
    run: (month, now) => createMonthRecords(month, {}, 'timer', now),
  },
  {
    id: 'sessions.pending-attendance',
    title: '补记签到积分',
    period: 'tenMinutes',
    // The sweep finishes every pending award whenever it runs: no earlier slot to make good.
    catchUp: 0,
    run: (_slot, now) => creditPendingAttendance({ now }),
  },
  {
    id: 'sessions.tally',
    title: '统计已结束活动的出勤',
    period: 'tenMinutes',
    // Every ended session still due is counted whenever it runs.
    catchUp: 0,
    run: (_slot, now) => tallyEndedSessions(now),
  },
  {
    id: 'desk.close-month',
    title: '月末定稿各支部月度汇总',
    period: 'month',
    // Run in a month, it closes the month before; one more makes good a missed month end.
    catchUp: 1,
    run: (month, now) => countAllBranches(addMonths(month, -1), now),
  },
  {
    id: 'desk.refresh-month',
    title: '更新各支部本月汇总',
    period: 'hour',
    catchUp: 0,
    run: (_hour, now) => countAllBranches(monthOf(now), now),
  },
  // After the month is closed above, in the same tick: each report is issued once its period has ended.
  ...(['week', 'month', 'quarter'] as const).map((kind: SchedulerPeriod & ('week' | 'month' | 'quarter')): JobSpec => ({
    id: `desk.report-${kind}`,
    title: `出具${REPORT_NAMES[kind]}`,
    period: kind,
    // Run in a period, it issues the one before; one more makes good a period whose ticks were all missed.
    catchUp: 1,
    run: (key, now) => issueReport(previousPeriod(kind, key), { openid: 'timer', reason: null }, now),
  })),
  {
    id: 'desk.reconcile',
    title: '核对活动出勤与月度汇总',
    period: 'day',
    catchUp: 0,
    run: async (_day, now) => ({
      sessions: await reconcileTallies(now),
      months: await reconcileBranchMonths(addMonths(monthOf(now), -1), now),
    }),
  },
];
