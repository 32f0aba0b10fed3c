/**
 * The scheduler (`jobs`): one timer runs the due jobs, each period once; a missed period is made
 * good by the next tick without doubling; a failed or abandoned run is tried again; only the
 * system administrator reads the runs.
 */
import { COLLECTIONS } from '../../database/collections';
import { seedPointsRules } from '../../emulator/seed/points-rules';
import { addMonths } from '../../server/domain/dues/months';
import { runIdOf } from '../../server/domain/jobs/periods';
import type { JobSpec } from '../../server/jobs/registry';
import { MAX_ATTEMPTS, runDueJobs, STALE_RUN_MS, type JobRunDoc } from '../../server/jobs/runner';
import { aConfirmedBase, aMemberWhoOwesHere, monthsAgo, thisMonth } from '../helpers/dues';
import { forgetRun, outcomeOf, tickJobs } from '../helpers/jobs';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

const MONTHLY = 'dues.month-records';
const runOf = async (jobId: string, period: string) =>
  (await t.db.collection(COLLECTIONS.jobRuns).doc(runIdOf(jobId, period)).get()).data[0] as JobRunDoc | undefined;
const recordsOf = async (month: string) =>
  (await t.db.collection(COLLECTIONS.duesMonths).where({ month }).count()).total;

describe('the monthly dues records', () => {
  test('a month whose ticks were all missed is made good by the next tick, and nothing is doubled', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(1), name: '补跑' });
    await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: monthsAgo(1) });
    // Nothing ran last month or this month: no runs, no records.
    await t.db.collection(COLLECTIONS.duesMonths).where({ memberId: who.memberId }).remove();
    await forgetRun(t, MONTHLY, monthsAgo(1));
    await forgetRun(t, MONTHLY, thisMonth());

    const first = await tickJobs(t);
    const ran = first.filter((o) => o.jobId === MONTHLY);
    expect(ran.map((o) => [o.period, o.outcome])).toEqual([
      [monthsAgo(1), 'ran'],
      [thisMonth(), 'ran'],
    ]);
    const last = await recordsOf(monthsAgo(1));
    const now = await recordsOf(thisMonth());
    expect(last).toBeGreaterThan(0);
    expect(await runOf(MONTHLY, monthsAgo(1))).toMatchObject({ state: 'done', attempts: 1 });

    const second = await tickJobs(t);
    expect(second.filter((o) => o.jobId === MONTHLY).map((o) => o.outcome)).toEqual(['skipped', 'skipped']);
    expect(await recordsOf(monthsAgo(1))).toBe(last);
    expect(await recordsOf(thisMonth())).toBe(now);
    // Two months back is outside the catch-up: never run by the timer.
    expect(outcomeOf(second, MONTHLY, addMonths(thisMonth(), -2))).toBeUndefined();
  });

  test('ten ticks at once run each due period once', async () => {
    await forgetRun(t, MONTHLY, thisMonth());
    const ticks = await Promise.all(Array.from({ length: 10 }, () => tickJobs(t)));
    const ran = ticks.flat().filter((o) => o.jobId === MONTHLY && o.period === thisMonth() && o.outcome === 'ran');
    expect(ran).toHaveLength(1);
    expect(await runOf(MONTHLY, thisMonth())).toMatchObject({ state: 'done', attempts: 1 });
  });
});

describe('a run that fails or dies', () => {
  const failing = (calls: string[]): JobSpec => ({
    id: 'test.failing',
    title: '测试：会失败的任务',
    period: 'month',
    catchUp: 0,
    run: (period) => {
      calls.push(period);
      return Promise.reject(new Error('数据库暂时不可用'));
    },
  });
  const working = (calls: string[]): JobSpec => ({
    id: 'test.working',
    title: '测试：正常的任务',
    period: 'month',
    catchUp: 0,
    run: (period) => {
      calls.push(period);
      return Promise.resolve({ done: period });
    },
  });

  test('is recorded failed, does not stop the others, is tried again, and is left after the last attempt', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed: string[] = [];
    const worked: string[] = [];
    const jobs = [failing(failed), working(worked)];
    const first = await runDueJobs(new Date(), jobs);
    expect(first.map((o) => o.outcome)).toEqual(['failed', 'ran']);
    expect(first[0]!.error).toBe('数据库暂时不可用');
    expect(await runOf('test.failing', thisMonth())).toMatchObject({ state: 'failed', error: '数据库暂时不可用' });
    expect(await runOf('test.working', thisMonth())).toMatchObject({ state: 'done', result: { done: thisMonth() } });

    for (let i = 1; i < MAX_ATTEMPTS + 2; i += 1) await runDueJobs(new Date(), jobs);
    expect(failed).toHaveLength(MAX_ATTEMPTS);
    expect(worked).toHaveLength(1);
    expect(await runOf('test.failing', thisMonth())).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    jest.restoreAllMocks();
  });

  test('a run left running by an invocation that died is taken again once it is stale, not before', async () => {
    const calls: string[] = [];
    const job = working(calls);
    job.id = 'test.abandoned';
    const id = runIdOf(job.id, thisMonth());
    const left = (startedAt: Date) =>
      t.db.collection(COLLECTIONS.jobRuns).doc(id).set({
        jobId: job.id,
        period: thisMonth(),
        state: 'running',
        attempts: 1,
        startedAt,
        finishedAt: null,
        result: null,
        error: null,
      });
    await left(new Date(Date.now() - 60_000));
    expect((await runDueJobs(new Date(), [job]))[0]!.outcome).toBe('skipped');
    await left(new Date(Date.now() - STALE_RUN_MS - 60_000));
    expect((await runDueJobs(new Date(), [job]))[0]!.outcome).toBe('ran');
    expect(calls).toEqual([thisMonth()]);
    expect(await runOf(job.id, thisMonth())).toMatchObject({ state: 'done', attempts: 2 });
  });
});

describe('jobs.runs', () => {
  test('shows the system administrator the latest runs, newest first, with their names', async () => {
    await forgetRun(t, MONTHLY, thisMonth());
    await tickJobs(t);
    const { items } = expectOk((await t.call('jobs', 'runs', { limit: 100 }, 'demo-super')).reply);
    const starts = items.map((r) => r.startedAt);
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(items.find((r) => r.runId === runIdOf(MONTHLY, thisMonth()))).toMatchObject({
      title: '生成每月党费记录',
      state: 'done',
      period: thisMonth(),
    });
  });

  test('is refused to everyone else, and bad input changes nothing', async () => {
    for (const openid of ['demo-member', 'demo-secretary', 'demo-admin']) {
      const { reply } = await t.call('jobs', 'runs', {}, openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const bad = await t.call('jobs', 'runs', { limit: 0 }, 'demo-super');
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('running a period now (jobs.runPeriod)', () => {
  const runNow = (jobId: string, period: string, openid = 'demo-super') =>
    t.call('jobs', 'runPeriod', { jobId, period }, openid);

  test('the system administrator makes good a month closed before the desk was deployed, once', async () => {
    const key = monthsAgo(3);
    const first = expectOk((await runNow('desk.close-month', key)).reply);
    expect(first).toMatchObject({ outcome: 'ran', error: null });
    expect(await runOf('desk.close-month', key)).toMatchObject({
      state: 'done',
      result: { month: addMonths(key, -1), final: true },
    });
    expect(expectOk((await runNow('desk.close-month', key)).reply).outcome).toBe('skipped');
  });

  test('is refused to others, for an unknown job, and for a period not begun or not a period', async () => {
    expect((await runNow('desk.close-month', monthsAgo(3), 'demo-admin')).reply).toMatchObject({
      error: { code: 'PERMISSION_DENIED' },
    });
    expect((await runNow('everything', monthsAgo(1))).reply).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await runNow('desk.close-month', addMonths(thisMonth(), 1))).reply).toMatchObject({
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect((await runNow('desk.close-month', '2026-W49')).reply).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
  });
});
