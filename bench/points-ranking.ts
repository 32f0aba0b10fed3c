/**
 * The ranking of a district with 100,000 members and 1,000,000 ledger entries: `points.ranking`
 * (maintained year totals through the `org_year_points` index, a fixed number of round trips)
 * beside the naive answer that reads every ledger entry of the district and adds them up.
 *
 * Bench data goes straight into the emulator's DocumentDatabase (batched insertDocument, as the
 * SDK would send them, without HTTP), in memory (about 1.5 GB at full size).
 * Prints figures; asserts nothing about time. Sizes: POINTS_BENCH_MEMBERS (default 100000),
 * 10 entries per member.
 */
import * as tcb from '@cloudbase/node-sdk';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../database/collections';
import { seedDemo } from '../emulator/seed';
import { DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { seedPointsRules } from '../emulator/seed/points-rules';
import { startLocalCloud } from '../emulator/server';
import { insertAll } from './insert';
import { entryIdOf, totalsIdOf } from '../server/domain/points/ids';
import type { EntryDoc, TotalsDoc } from '../server/points/docs';
import type { Reply } from '../typings/reply';
import type { RankingView } from '../typings/areas/points';

const ENTRIES_PER_MEMBER = 10;
const BRANCHES_PER_STREET = 200;
const TOP = 20;
const DISTRICT = 'xm-siming';
const STREETS = [
  'binhai',
  'gulangyu',
  'jialian',
  'kaiyuan',
  'lianqian',
  'lujiang',
  'wucun',
  'xiagang',
  'yundang',
  'zhonghua',
].map((s) => `${DISTRICT}-${s}`);
const YEAR = 2026;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Member i: where they sit, and the points of each of their entries (1–5, deterministic). */
function memberOf(i: number) {
  const street = STREETS[i % STREETS.length]!;
  const branch = `${street}-bench-b${String(Math.floor(i / STREETS.length) % BRANCHES_PER_STREET).padStart(3, '0')}`;
  const memberId = `m_bench_${String(i).padStart(6, '0')}`;
  // Spread like real activity: most members earn a little, a few a lot (1–40 an entry).
  const points = Array.from({ length: ENTRIES_PER_MEMBER }, (_, k) => {
    const h = Math.imul(i + 1, 2654435761) ^ Math.imul(k + 1, 40503);
    return ((h >>> 0) % 40) + 1;
  });
  return { memberId, orgPath: ['xm', DISTRICT, street, branch], branch, points };
}

function* totalsDocs(members: number, now: Date): Generator<TotalsDoc> {
  for (let i = 0; i < members; i++) {
    const m = memberOf(i);
    const sum = m.points.reduce((a, b) => a + b, 0);
    yield {
      _id: totalsIdOf(m.memberId, YEAR),
      memberId: m.memberId,
      year: YEAR,
      name: `党员${i}`,
      branchId: m.branch,
      branchName: `测试支部${m.branch.slice(-3)}`,
      orgPath: m.orgPath,
      points: sum,
      byCategory: { organisational_life: sum },
      updatedAt: now,
    };
  }
}

function* entryDocs(members: number, now: Date): Generator<EntryDoc> {
  for (let i = 0; i < members; i++) {
    const m = memberOf(i);
    for (let k = 0; k < ENTRIES_PER_MEMBER; k++) {
      const source = { type: 'attendance' as const, id: `bench-${i}-${k}` };
      const occurredAt = new Date(Date.UTC(YEAR, k, 5, 2));
      yield {
        _id: entryIdOf(m.memberId, 'attendance.theme_day', source),
        memberId: m.memberId,
        ruleId: '*:attendance.theme_day',
        ruleCode: 'attendance.theme_day',
        ruleVersion: 1,
        ruleName: '参加主题党日活动',
        category: 'organisational_life',
        unit: 'time',
        points: m.points[k]!,
        quantity: 1,
        source,
        approvedBy: 'system',
        approvedByName: '系统自动',
        reason: '参加主题党日活动',
        capped: false,
        capReason: null,
        occurredAt,
        recordedAt: now,
        year: YEAR,
        month: String(k + 1).padStart(2, '0'),
        day: `${String(k + 1).padStart(2, '0')}-05`,
        reversalOf: null,
        orgPath: m.orgPath,
      };
    }
  }
}

/** The naive answer: page through every entry of the district for the year (by _id) and add up per member. */
async function rankByReadingAllEntries(db: ReturnType<ReturnType<typeof tcb.init>['database']>) {
  const _ = db.command;
  const sums = new Map<string, number>();
  let last = '';
  let pages = 0;
  for (;;) {
    const res = await db
      .collection(COLLECTIONS.pointsLedger)
      .where({ orgPath: DISTRICT, year: YEAR, _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .field({ memberId: true, points: true })
      .get();
    pages += 1;
    const rows = res.data as { _id: string; memberId: string; points: number }[];
    for (const r of rows) sums.set(r.memberId, (sums.get(r.memberId) ?? 0) + r.points);
    if (rows.length < 1000) break;
    last = rows[rows.length - 1]!._id;
  }
  const sorted = [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const cut = sorted[TOP - 1]?.[1] ?? -Infinity;
  return { top: sorted.filter(([, p]) => p >= cut), pages };
}

/**
 * `npm run bench`: the district ranking from maintained totals, against reading all entries.
 * Prints setup time, then a table: round trips, time, documents decoded, and the top score each found.
 */
export async function benchPointsRanking(members = Number(process.env.POINTS_BENCH_MEMBERS ?? 100_000)): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  const bundles = path.resolve(__dirname, '../cloudfunctions');
  const functionsDir = existsSync(path.join(bundles, 'points', 'index.js'))
    ? bundles
    : path.resolve(__dirname, '../server/functions');
  const cloud = await startLocalCloud({ functionsDir, memory: true, superAdminOpenids: DEMO_SUPER_ADMINS });
  try {
    const app = tcb.init({ env: cloud.envId, secretId: 'b', secretKey: 'b', serviceUrl: cloud.adminUrl });
    const db = app.database();
    await seedDemo(db);
    await seedPointsRules(db);

    const now = new Date();
    const t0 = performance.now();
    insertAll(cloud, COLLECTIONS.pointsTotals, totalsDocs(members, now));
    const t1 = performance.now();
    insertAll(cloud, COLLECTIONS.pointsLedger, entryDocs(members, now));
    const t2 = performance.now();
    console.log(
      `\nPoints ranking bench: ${members.toLocaleString('en')} members, ${(members * ENTRIES_PER_MEMBER).toLocaleString('en')} ledger entries in ${DISTRICT}` +
        ` — setup ${seconds(t2 - t0)} s (totals ${seconds(t1 - t0)} s, entries ${seconds(t2 - t1)} s)`,
    );

    // The maintained way, through the function as the mini-program calls it (demo-admin runs 思明区).
    const rankOnce = async () => {
      cloud.database.resetStats();
      const { reply, roundTrips, ms } = await cloud.functions.invoke(
        'points',
        { action: 'ranking', scopeId: DISTRICT, year: YEAR, top: TOP },
        { openid: 'demo-admin' },
      );
      const r = reply as Reply<RankingView>;
      if (!r.ok) throw new Error(`ranking failed: ${r.error.code} ${r.error.message}`);
      return { view: r.data, roundTrips, ms, decoded: cloud.database.stats().documentsDecoded };
    };
    await rankOnce(); // warm up (loads the bundle)
    const runs = [];
    for (let i = 0; i < 9; i++) runs.push(await rankOnce());
    const ranked = runs[runs.length - 1]!;

    cloud.database.resetStats();
    const n0 = performance.now();
    const naive = await rankByReadingAllEntries(db);
    const naiveMs = performance.now() - n0;
    const naiveStats = cloud.database.stats();

    console.table([
      {
        approach: 'points.ranking (year totals + index)',
        'round trips': ranked.roundTrips,
        'time (ms)': median(runs.map((r) => r.ms)).toFixed(1),
        'documents decoded': ranked.decoded,
        'rows (top 20 + ties)': ranked.view.items.length,
        'top score': ranked.view.items[0]?.points ?? null,
      },
      {
        approach: 'read all entries and add up',
        'round trips': naiveStats.totalRequests,
        'time (ms)': naiveMs.toFixed(0),
        'documents decoded': naiveStats.documentsDecoded,
        'rows (top 20 + ties)': naive.top.length,
        'top score': naive.top[0]?.[1] ?? null,
      },
    ]);
  } finally {
    await cloud.close();
  }
}

// The mini-program typings redeclare `require`; this file runs under Node.
if ((require as unknown as NodeJS.Require).main === module) {
  process.env.TZ = 'Asia/Shanghai';
  benchPointsRanking().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
