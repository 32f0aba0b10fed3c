/** Actions of the `jobs` function: the scheduler's record, for the system administrator. */
export interface JobRunView {
  runId: string;
  jobId: string;
  /** The job's name in Chinese, e.g. 生成每月党费记录. */
  title: string;
  /** `2026-12` for a monthly job, `2026-12-03T09:10` (Beijing time) for a ten-minute one. */
  period: string;
  state: 'running' | 'done' | 'failed';
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface JobsApi {
  /** The latest runs, newest first. */
  runs: { input: { limit?: number }; output: { items: JobRunView[] } };
  /**
   * Run one job for a past or current period now (a month closed before the desk was deployed, a
   * report to make good): once, as the timer would; a period already done is skipped.
   */
  runPeriod: {
    input: { jobId: string; period: string };
    output: { jobId: string; period: string; outcome: 'ran' | 'failed' | 'skipped'; error: string | null };
  };
}
