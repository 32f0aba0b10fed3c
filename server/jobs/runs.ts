/** `jobs.runs`: the latest runs, for the system administrator to see that the timer is working. */
import { COLLECTIONS } from '../../database/collections';
import type { JobRunView } from '../../typings/areas/jobs';
import { loadAccess } from '../platform/access';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { JOBS } from './registry';
import type { JobRunDoc } from './runner';

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
