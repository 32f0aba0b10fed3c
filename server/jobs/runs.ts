/** `jobs.runs`: the latest runs, for the system administrator to see that the timer is working. */
import { COLLECTIONS } from '../../database/collections';
import type { JobRunView } from '../../typings/areas/jobs';
import { loadAccess } from '../platform/access';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { periodKey, previousPeriod } from '../domain/jobs/periods';
import { JOBS, type JobSpec } from './registry';
import { runPeriod, type JobRunDoc } from './runner';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const runs: Handler<'jobs', 'runs'> = {
  input: z.object({ limit: labelled(z.number().int().min(1).max(100), '条数').optional() }),
  async run({ limit }, { caller }) {
    const access = await loadAccess(caller);
    if (!access.isSuperAdmin) throw permissionDenied('只有系统管理员可以查看定时任务');
    const res = await db
      .collection(COLLECTIONS.jobRuns)
      .orderBy('startedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit ?? 30)
      .get();
    const items: JobRunView[] = (res.data as JobRunDoc[]).map((r) => ({
      runId: r._id,
      jobId: r.jobId,
      title: JOBS.find((j) => j.id === r.jobId)?.title ?? r.jobId,
      period: r.period,
      state: r.state,
      attempts: r.attempts,
      startedAt: iso(r.startedAt)!,
      finishedAt: iso(r.finishedAt),
      error: r.error,
    }));
    return { items };
  },
};

/** Whether `key` names a period of `kind` that has begun by `now`. */
function isPastOrCurrent(kind: JobSpec['period'], key: string, now: Date): boolean {
  const current = periodKey(kind, now);
  // Walk back from the current period: a real key is met within a few years' worth of periods.
  let k = current;
  for (let i = 0; i < 200; i++) {
    if (k === key) return true;
    k = previousPeriod(kind, k);
  }
  return false;
}

export const runPeriodNow: Handler<'jobs', 'runPeriod'> = {
  input: z.object({
    jobId: labelled(z.string().trim().min(1).max(64), '任务'),
    period: labelled(z.string().trim().min(4).max(20), '周期'),
  }),
  async run({ jobId, period }, { caller }) {
    const access = await loadAccess(caller);
    if (!access.isSuperAdmin) throw permissionDenied('只有系统管理员可以补跑定时任务');
    const job = JOBS.find((j) => j.id === jobId);
    if (!job) throw invalidArgument('没有这个定时任务', 'jobId');
    const now = new Date();
    if (!isPastOrCurrent(job.period, period, now)) throw invalidArgument('周期无效，或尚未开始', 'period');
    const outcome = await runPeriod(job, period, now);
    return { jobId, period, outcome: outcome.outcome, error: outcome.error ?? null };
  },
};
