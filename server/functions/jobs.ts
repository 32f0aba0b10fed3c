import { runDueJobs } from '../jobs/runner';
import { runPeriodNow, runs } from '../jobs/runs';
import { defineFunction } from '../platform/dispatch';

/**
 * Cloud function `jobs`: the scheduler. Its timer (every 10 minutes, the only timer in
 * cloudbaserc.json) runs the jobs that are due (server/jobs/registry.ts), each period once.
 */
export const main = defineFunction('jobs', { runs, runPeriod: runPeriodNow }, { onTimer: () => runDueJobs() });
