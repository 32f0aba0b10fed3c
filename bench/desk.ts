/**
 * The organisation desk at city scale: 100,000 members in 2,000 branches (思明区 30,000), a month of
 * 20,000 sessions with 200,000 attendance records, 1,000,000 ledger entries and 100,000 dues
 * records. Prints the scheduler's jobs that build the desk (closing the month from the records,
 * the hourly refresh, the month's report) and what opening the desk and a ranking cost, beside a
 * naive computation that reads every record and adds up. Asserts nothing about time.
 *
 * Data goes straight into the emulator's database (batched insertDocument, as the SDK sends it).
 * Size: DESK_BENCH_MEMBERS (default 100000). Runs the built bundles when present.
 */
import * as tcb from '@cloudbase/node-sdk';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../database/collections';
import { seedDemo } from '../emulator/seed';
import { DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { startLocalCloud } from '../emulator/server';
import { insertAll } from './insert';
import { addMonths, monthOf } from '../server/domain/dues/months';
import { parseReportPeriod } from '../server/domain/desk/periods';
import { duePeriods, periodKey, runIdOf } from '../server/domain/jobs/periods';
import { JOBS } from '../server/jobs/registry';
import type { Reply } from '../typings/reply';

const MEMBERS_PER_BRANCH = 50;
const SESSIONS_PER_BRANCH = 10;
const ATTENDED_PER_SESSION = 10;
const ENTRIES_PER_MEMBER = 10;
const KINDS = ['group', 'theme_day', 'committee', 'lecture', 'volunteer'] as const;
/** Share of members per district: 思明 30%, then the rest. */
const DISTRICTS: [string, number][] = [
  ['xm-siming', 0.3],
  ['xm-huli', 0.2],
  ['xm-jimei', 0.15],
  ['xm-haicang', 0.1],
  ['xm-tongan', 0.15],
  ['xm-xiangan', 0.1],
];

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

const hash = (a: number, b: number) => ((Math.imul(a + 1, 2654435761) ^ Math.imul(b + 1, 40503)) >>> 0) % 1000;
const ms = (v: number) => Number(v.toFixed(0));

async function streetsOf(db: Db, district: string): Promise<{ _id: string; ancestors: string[] }[]> {
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ parentId: district, type: db.command.in(['street', 'town']) })
    .limit(100)
    .get();
  return res.data as { _id: string; ancestors: string[] }[];
}

/** The naive desk: every dues record, attendance record and ledger entry of the month read and added up per district. */
async function naiveByDistrict(db: Db, month: string) {
  const _ = db.command;
  const period = parseReportPeriod(month)!;
  const readAll = async (collection: string, where: Record<string, unknown>, visit: (d: never) => void) => {
    let last = '';
    for (;;) {
      const page = (
        await db
          .collection(collection)
          .where({ ...where, _id: _.gt(last) })
          .orderBy('_id', 'asc')
          .limit(1000)
          .get()
      ).data as { _id: string }[];
      page.forEach((d) => visit(d as never));
      if (page.length < 1000) return;
      last = page[page.length - 1]!._id;
    }
  };
  const paid = new Map<string, [number, number]>();
  await readAll(COLLECTIONS.duesMonths, { orgPath: 'xm', month }, (d: { orgPath: string[]; state: string }) => {
    const p = paid.get(d.orgPath[1]!) ?? [0, 0];
    if (d.state !== 'waived') p[1] += 1;
    if (d.state === 'paid') p[0] += 1;
    paid.set(d.orgPath[1]!, p);
  });
  let attended = 0;
  await readAll(
    COLLECTIONS.sessionAttendance,
    { sessionStartAt: _.gte(period.start).and(_.lt(period.end)), status: 'attended' },
    () => (attended += 1),
  );
  let points = 0;
  await readAll(
    COLLECTIONS.pointsLedger,
    { recordedAt: _.gte(period.start).and(_.lt(period.end)) },
    (d: { points: number }) => (points += d.points),
  );
  return { districts: paid.size, attended, points };
}

export async function benchDesk(members = Number(process.env.DESK_BENCH_MEMBERS ?? 100_000)): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  const bundles = path.resolve(__dirname, '../cloudfunctions');
  const functionsDir = existsSync(path.join(bundles, 'desk', 'index.js'))
    ? bundles
    : path.resolve(__dirname, '../server/functions');
  const cloud = await startLocalCloud({ functionsDir, memory: true, superAdminOpenids: DEMO_SUPER_ADMINS });
  try {
    const app = tcb.init({ env: cloud.envId, secretId: 'b', secretKey: 'b', serviceUrl: cloud.adminUrl });
    const db = app.database();
    await seedDemo(db);
    const now = new Date();
    const month = addMonths(monthOf(now), -1);
    const period = parseReportPeriod(month)!;
    const at = (dayMs: number) => new Date(period.start.getTime() + dayMs);

    // Branches under the real streets of each district, 50 members each.
    const t0 = performance.now();
    const branches: { _id: string; ancestors: string[]; district: string; size: number }[] = [];
    const totalBranches = Math.ceil(members / MEMBERS_PER_BRANCH);
    for (const [district, share] of DISTRICTS) {
      const streets = await streetsOf(db, district);
      const count = Math.round(totalBranches * share);
      for (let i = 0; i < count; i++) {
        const street = streets[i % streets.length]!;
        branches.push({
          _id: `${district}-bench-${i}`,
          ancestors: [...street.ancestors, street._id],
          district,
          size: MEMBERS_PER_BRANCH,
        });
      }
    }
    insertAll(
      cloud,
      COLLECTIONS.orgs,
      branches.map((b, i) => ({
        _id: b._id,
        type: 'branch',
        name: `测试支部${i}`,
        parentId: b.ancestors.at(-1),
        ancestors: b.ancestors,
        sort: i,
        childCount: 0,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const memberIds = (b: number) => Array.from({ length: MEMBERS_PER_BRANCH }, (_x, k) => `m_db_${b}_${k}`);
    const joined = new Date(period.start.getTime() - 200 * 24 * 3600_000);
    const counts: Record<string, number> = {};
    counts.members = insertAll(
      cloud,
      COLLECTIONS.members,
      (function* () {
        for (const [b, branch] of branches.entries()) {
          for (const id of memberIds(b)) {
            yield {
              _id: id,
              openid: `o_${id}`,
              name: `党员${id.slice(5)}`,
              state: 'active',
              partyStatus: 'full',
              branchId: branch._id,
              branchName: `测试支部${b}`,
              orgPath: [...branch.ancestors, branch._id],
              candidateScopes: [],
              phone: { masked: '138****0000' },
              idCard: { hash: `h_${id}` },
              history: [{ from: 'pending', to: 'active', at: joined }],
              submittedAt: joined,
            };
          }
        }
      })(),
    );
    counts.sessions = insertAll(
      cloud,
      COLLECTIONS.sessions,
      (function* () {
        for (const [b, branch] of branches.entries()) {
          for (let s = 0; s < SESSIONS_PER_BRANCH; s++) {
            const kind = KINDS[s % KINDS.length]!;
            const startAt = at((s * 2 + 1) * 24 * 3600_000 + 19 * 3600_000);
            yield {
              _id: `s_db_${b}_${s}`,
              kind,
              startAt,
              endAt: new Date(startAt.getTime() + 3600_000),
              audience: { type: 'branch', orgId: branch._id, orgName: '' },
              audienceKey: `b:${branch._id}`,
              ownerPath: [...branch.ancestors, branch._id],
              branchId: branch._id,
              serviceHours: kind === 'volunteer' ? 2 : null,
              expected: MEMBERS_PER_BRANCH,
              state: 'published',
              tallyDue: false,
              tallyRevision: 0,
              tally: {
                expected: MEMBERS_PER_BRANCH,
                attended: ATTENDED_PER_SESSION,
                leave: 0,
                absent: 40,
                volunteerHours: 0,
                countedAt: now,
              },
            };
          }
        }
      })(),
    );
    counts.attendance = insertAll(
      cloud,
      COLLECTIONS.sessionAttendance,
      (function* () {
        for (const [b, branch] of branches.entries()) {
          const ids = memberIds(b);
          for (let s = 0; s < SESSIONS_PER_BRANCH; s++) {
            const kind = KINDS[s % KINDS.length]!;
            const startAt = at((s * 2 + 1) * 24 * 3600_000 + 19 * 3600_000);
            for (let k = 0; k < ATTENDED_PER_SESSION; k++) {
              const memberId = ids[(s * 7 + k) % ids.length]!;
              yield {
                _id: `s_db_${b}_${s}~${memberId}`,
                sessionId: `s_db_${b}_${s}`,
                memberId,
                memberBranchId: branch._id,
                sessionKind: kind,
                sessionStartAt: startAt,
                sessionOwnerPath: [...branch.ancestors, branch._id],
                sessionBranchId: branch._id,
                sessionServiceHours: kind === 'volunteer' ? 2 : null,
                status: 'attended',
              };
            }
          }
        }
      })(),
    );
    counts.ledger = insertAll(
      cloud,
      COLLECTIONS.pointsLedger,
      (function* () {
        for (const [b, branch] of branches.entries()) {
          for (const [k, memberId] of memberIds(b).entries()) {
            for (let e = 0; e < ENTRIES_PER_MEMBER; e++) {
              const recordedAt = at((e * 3 + 1) * 24 * 3600_000 + k * 60_000);
              yield {
                _id: `e_db_${b}_${k}_${e}`,
                memberId,
                category: e % 2 ? 'organisational_life' : 'volunteer',
                points: (hash(b * 50 + k, e) % 3) + 1,
                recordedAt,
                occurredAt: recordedAt,
                orgPath: [...branch.ancestors, branch._id],
              };
            }
          }
        }
      })(),
    );
    counts.dues = insertAll(
      cloud,
      COLLECTIONS.duesMonths,
      (function* () {
        for (const [b, branch] of branches.entries()) {
          for (const [k, memberId] of memberIds(b).entries()) {
            const h = hash(b, k);
            const state = h < 850 ? 'paid' : h < 980 ? 'due' : 'waived';
            yield {
              _id: `${memberId}_${month}`,
              memberId,
              branchId: branch._id,
              orgPath: [...branch.ancestors, branch._id],
              month,
              amountFen: state === 'waived' ? 0 : 1000,
              state,
              onTime: state === 'paid' ? h < 700 : null,
            };
          }
        }
      })(),
    );
    const setupMs = performance.now() - t0;
    console.log(
      `\nDesk bench: ${counts.members!.toLocaleString('en')} members in ${branches.length.toLocaleString('en')} branches (思明区 ${branches.filter((b) => b.district === 'xm-siming').length * MEMBERS_PER_BRANCH}), ` +
        `${counts.sessions!.toLocaleString('en')} sessions, ${counts.attendance!.toLocaleString('en')} attendance records, ` +
        `${counts.ledger!.toLocaleString('en')} ledger entries, ${counts.dues!.toLocaleString('en')} dues records in ${month} — setup ${(setupMs / 1000).toFixed(1)} s`,
    );

    // One tick of the scheduler, with every run marked done beforehand except those that build
    // the desk for last month: closing it from the records, the hourly refresh, its report.
    const desk = new Set(['desk.close-month', 'desk.refresh-month', 'desk.report-month']);
    const pre = JOBS.flatMap((job) =>
      duePeriods(job.period, now, job.catchUp)
        .filter((key) => !(desk.has(job.id) && key === periodKey(job.period, now)))
        .map((key) => ({
          _id: runIdOf(job.id, key),
          jobId: job.id,
          period: key,
          state: 'done',
          attempts: 1,
          startedAt: now,
          finishedAt: now,
        })),
    );
    insertAll(cloud, COLLECTIONS.jobRuns, pre);
    const tick0 = performance.now();
    const tick = await cloud.functions.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'jobs', Time: now.toISOString() },
      {},
    );
    const tickMs = performance.now() - tick0;
    const runs = (
      await db
        .collection(COLLECTIONS.jobRuns)
        .where({ jobId: db.command.in([...desk]) })
        .limit(100)
        .get()
    ).data as {
      jobId: string;
      period: string;
      state: string;
      startedAt: Date;
      finishedAt: Date;
      result: unknown;
    }[];
    // Runs of one tick share its start time: each run's own time is from the one finished before it.
    const ran = runs
      .filter((r) => new Date(r.finishedAt).getTime() > now.getTime())
      .sort((a, b) => new Date(a.finishedAt).getTime() - new Date(b.finishedAt).getTime());
    console.log(`Scheduler tick: ${(tickMs / 1000).toFixed(1)} s, ${tick.roundTrips.toLocaleString('en')} round trips`);
    console.table(
      ran.map((r, i) => ({
        job: r.jobId,
        period: r.period,
        state: r.state,
        'time (s)': (
          (new Date(r.finishedAt).getTime() - new Date(i === 0 ? r.startedAt : ran[i - 1]!.finishedAt).getTime()) /
          1000
        ).toFixed(1),
        result: JSON.stringify(r.result).slice(0, 80),
      })),
    );

    // Eleven more months of history for the trend and the year (copies of last month's summaries).
    const last = (await db.collection(COLLECTIONS.deskBranchMonths).where({ month }).limit(1).get()).data[0] as
      Record<string, unknown> | undefined;
    if (last) {
      const all: Record<string, unknown>[] = [];
      let after = '';
      for (;;) {
        const page = (
          await db
            .collection(COLLECTIONS.deskBranchMonths)
            .where({ month, _id: db.command.gt(after) })
            .orderBy('_id', 'asc')
            .limit(1000)
            .get()
        ).data as Record<string, unknown>[];
        all.push(...page);
        if (page.length < 1000) break;
        after = String(page[page.length - 1]!._id);
      }
      insertAll(
        cloud,
        COLLECTIONS.deskBranchMonths,
        (function* () {
          for (let i = 1; i <= 11; i++) {
            const m = addMonths(month, -i);
            for (const d of all) yield { ...d, _id: `${String(d.branchId)}@${m}`, month: m };
          }
        })(),
      );
    }

    const call = async (action: string, input: Record<string, unknown>, openid: string) => {
      const samples: { roundTrips: number; ms: number; decoded: number }[] = [];
      for (let i = 0; i < 6; i++) {
        cloud.database.resetStats();
        const { reply, roundTrips, ms: took } = await cloud.functions.invoke('desk', { action, ...input }, { openid });
        const r = reply as Reply<unknown>;
        if (!r.ok) throw new Error(`${action} failed: ${r.error.code} ${r.error.message}`);
        if (i > 0) samples.push({ roundTrips, ms: took, decoded: cloud.database.stats().documentsDecoded });
      }
      samples.sort((a, b) => a.ms - b.ms);
      return samples[Math.floor(samples.length / 2)]!;
    };
    const rows: Record<string, string | number>[] = [];
    const measure = async (what: string, action: string, input: Record<string, unknown>, openid = 'demo-super') => {
      const m = await call(action, input, openid);
      rows.push({ what, 'round trips': m.roundTrips, 'time (ms)': ms(m.ms), 'documents decoded': m.decoded });
    };
    const thisMonth = monthOf(now);
    await measure('desk.figures 厦门市, this month', 'figures', { nodeId: 'xm', period: thisMonth });
    await measure(
      'desk.figures 思明区 (30,000), last month',
      'figures',
      { nodeId: 'xm-siming', period: month },
      'demo-admin',
    );
    await measure('desk.figures 厦门市, the year', 'figures', { nodeId: 'xm', period: month.slice(0, 4) });
    await measure('desk.ranking of the districts: 交纳率', 'ranking', {
      nodeId: 'xm',
      figureId: 'dues.paidRate',
      period: month,
    });
    await measure('desk.ranking of the districts: 综合得分', 'ranking', {
      nodeId: 'xm',
      figureId: 'composite',
      period: thisMonth,
    });
    await measure(
      'desk.ranking of 思明区’s streets: 参会率',
      'ranking',
      { nodeId: 'xm-siming', figureId: 'life.attendanceRate', period: month },
      'demo-admin',
    );

    cloud.database.resetStats();
    const n0 = performance.now();
    const naive = await naiveByDistrict(db, month);
    const naiveMs = performance.now() - n0;
    const stats = cloud.database.stats();
    rows.push({
      what: `naive: read every dues record, attendance and ledger entry of the month (${naive.districts} districts)`,
      'round trips': stats.totalRequests,
      'time (ms)': ms(naiveMs),
      'documents decoded': stats.documentsDecoded,
    });
    console.table(rows);
  } finally {
    await cloud.close();
  }
}

if ((require as unknown as NodeJS.Require).main === module) {
  process.env.TZ = 'Asia/Shanghai';
  benchDesk().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
