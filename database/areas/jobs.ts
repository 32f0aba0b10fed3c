import { DENY_ALL, type CollectionSpec } from '../schema';

/** The scheduler: one document per job and period, so a period's run happens once. */
export const JOB_COLLECTIONS = {
  jobRuns: 'job_runs',
} as const;

export const jobCollections: CollectionSpec[] = [
  {
    name: JOB_COLLECTIONS.jobRuns,
    description: '定时任务运行记录：每个任务每个周期一条（_id 为 任务@周期）；开始、结束、结果或错误、尝试次数',
    indexes: [{ name: 'started', keys: { startedAt: -1, _id: -1 } }],
    rules: DENY_ALL,
  },
];
