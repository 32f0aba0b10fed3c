/** Driving the scheduler as the platform does: a timer event to the `jobs` function. */
import { COLLECTIONS } from '../../database/collections';
import { periodKey, runIdOf } from '../../server/domain/jobs/periods';
import type { TickOutcome } from '../../server/jobs/runner';
import type { TestCloud } from './local-cloud';

/** The event CloudBase sends for the `jobs` timer trigger. */
export const jobsTimerEvent = (time = new Date().toISOString()) => ({ Type: 'Timer', TriggerName: 'jobs', Time: time });

/** One tick of the timer; the outcome of every due run. Throws when the function answered an error. */
export async function tickJobs(t: TestCloud, time?: string): Promise<TickOutcome[]> {
  const reply = await t.callRaw('jobs', jobsTimerEvent(time));
  if (!reply.ok) throw new Error(`jobs timer failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data as TickOutcome[];
}

/** The outcome of one job's run for one period in a tick. */
export const outcomeOf = (outcomes: TickOutcome[], jobId: string, period: string) =>
  outcomes.find((o) => o.jobId === jobId && o.period === period);

/** Forget a period's run, as if it had never happened (to run a job again for that period). */
export async function forgetRun(t: TestCloud, jobId: string, period: string): Promise<void> {
  await t.db.collection(COLLECTIONS.jobRuns).doc(runIdOf(jobId, period)).remove();
}

/**
 * A tick as the next ten-minute slot's would be: the named jobs' runs of the current slot are
 * forgotten first, so a job that already ran in this slot runs again (tests cannot wait 10 minutes).
 */
export async function tickAsNextSlot(t: TestCloud, ...jobIds: string[]): Promise<TickOutcome[]> {
  const slot = periodKey('tenMinutes', new Date());
  for (const jobId of jobIds) await forgetRun(t, jobId, slot);
  return tickJobs(t);
}
