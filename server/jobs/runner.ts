/**
 * Runs the due jobs, each period once. A run document per job and period (`job_runs`, id
 * `<job>@<period>`) is claimed in a transaction before the job starts: a second tick in the same
 * period, or two ticks at once, find it claimed or done and do nothing. A failed run, or one left
 * `running` by an invocation that died, is tried again by a later tick while its period is due.
 */
import { COLLECTIONS } from '../../database/collections';
import { duePeriods, runIdOf } from '../domain/jobs/periods';
import { db } from '../platform/cloudbase';
import { inTransaction } from '../platform/transaction';
import { JOBS, type JobSpec } from './registry';

export type RunState = 'running' | 'done' | 'failed';

export interface JobRunDoc {
  _id: string;
  jobId: string;
  period: string;
  state: RunState;
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  result: unknown;
  error: string | null;
}

export interface TickOutcome {
  jobId: string;
  period: string;
  outcome: 'ran' | 'failed' | 'skipped';
  result?: unknown;
  error?: string;
}

/** A run still `running` after this long died with its invocation (functions time out well before). */
export const STALE_RUN_MS = 15 * 60_000;
/** After this many failed attempts a period is left failed, for a person to look at. */
export const MAX_ATTEMPTS = 5;

/** Claims the period's run, or says why not (done, running elsewhere, failed too often). */
async function claim(job: JobSpec, period: string, now: Date): Promise<boolean> {
  const id = runIdOf(job.id, period);
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.jobRuns).doc(id);
    const found = ((await ref.get()) as { data: JobRunDoc | null }).data;
    if (found) {
      if (found.state === 'done' || found.attempts >= MAX_ATTEMPTS) return false;
      const alive = found.state === 'running' && now.getTime() - new Date(found.startedAt).getTime() < STALE_RUN_MS;
      if (alive) return false;
    }
    const doc: Omit<JobRunDoc, '_id'> = {
      jobId: job.id,
      period,
      state: 'running',
      attempts: (found?.attempts ?? 0) + 1,
      startedAt: now,
      finishedAt: null,
      result: null,
      error: null,
    };
    await ref.set(doc);
    return true;
  });
}

async function finish(id: string, patch: Pick<JobRunDoc, 'state' | 'result' | 'error'>): Promise<void> {
  await db
    .collection(COLLECTIONS.jobRuns)
    .doc(id)
    .update({ ...patch, finishedAt: new Date() });
}

/** Run one job for one period, once: claimed first, so a period already done or running is skipped. */
export async function runPeriod(job: JobSpec, period: string, now: Date): Promise<TickOutcome> {
  if (!(await claim(job, period, now))) return { jobId: job.id, period, outcome: 'skipped' };
  const id = runIdOf(job.id, period);
  try {
    const result = (await job.run(period, now)) ?? null;
    await finish(id, { state: 'done', result, error: null });
    return { jobId: job.id, period, outcome: 'ran', result };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.error(`[jobs] ${id} failed`, err);
    await finish(id, { state: 'failed', result: null, error }).catch(() => undefined);
    return { jobId: job.id, period, outcome: 'failed', error };
  }
}

/** One timer tick: every due period of every job, oldest first; a failing job does not stop the others. */
export async function runDueJobs(now: Date = new Date(), jobs: readonly JobSpec[] = JOBS): Promise<TickOutcome[]> {
  const outcomes: TickOutcome[] = [];
  for (const job of jobs) {
    for (const period of duePeriods(job.period, now, job.catchUp)) outcomes.push(await runPeriod(job, period, now));
  }
  return outcomes;
}
