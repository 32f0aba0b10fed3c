/**
 * A hall checking in at once: 2,000 members of one branch scan the rotating QR code of one session
 * through the local host over HTTP (POST /functions/sessions, caller in x-wx-openid), as their
 * phones would. Then checks that nothing was lost and nothing doubled (one attendance record and
 * one ledger entry per member, retries changing nothing), and measures sign-ups for the last places
 * of a capped session and a publish. Prints figures; asserts nothing about time.
 */
import * as tcb from '@cloudbase/node-sdk';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { COLLECTIONS } from '../database/collections';
import { seedDemo } from '../emulator/seed';
import { DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { seedPointsRules } from '../emulator/seed/points-rules';
import { OPENID_HEADER, ROUND_TRIPS_HEADER, startLocalCloud } from '../emulator/server';
import { memberIdOf } from '../server/domain/ids';
import { attendanceIdOf } from '../server/domain/sessions';
import type { MemberDoc } from '../server/members/member-doc';
import type { OrgDoc } from '../server/orgs/org-store';
import type { Reply } from '../typings/reply';

const MEMBERS = Number(process.env.BENCH_BURST_MEMBERS ?? 2000);
/** Phones sending at the same moment; the rest queue behind them, as at a door. */
const CONCURRENCY = 50;
/** Members re-sending their scan (a retry after a timeout, a second tap). */
const RETRIES = 200;
const SIGN_UPS = 300;
const CAPACITY = 120;
const BRANCH = 'xm-siming-mobile';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Call<T> {
  reply: Reply<T>;
  ms: number;
  roundTrips: number;
}

/** Member documents of the branch, in MemberDoc shape (registration has its own benchmarks and tests). */
function memberDocs(branch: OrgDoc, now: Date): MemberDoc[] {
  const sealed = (v: string) => ({ cipher: `bench:${v}`, hash: `bench-hash:${v}`, masked: '***' });
  return Array.from({ length: MEMBERS }, (_, i) => {
    const openid = `o-burst-${i}`;
    return {
      _id: memberIdOf(openid),
      openid,
      name: `签到党员${String(i).padStart(4, '0')}`,
      gender: i % 2 ? 'male' : 'female',
      ethnicity: '汉族',
      birthDate: '1990-01-01',
      idCard: sealed(`id-${i}`),
      phone: sealed(`phone-${i}`),
      joinedPartyOn: '2015-07-01',
      partyStatus: 'full',
      home: { orgName: '宁都县梅江镇某村党支部', province: '江西省', county: '宁都县' },
      leftHomeOn: '2020-03',
      leftHomeReason: '外出务工',
      residence: {
        districtId: 'xm-siming',
        streetId: 'xm-siming-zhonghua',
        communityId: null,
        address: '压测路 1 号',
        districtName: '思明区',
        streetName: '中华街道',
        communityName: null,
      },
      work: { industry: 'food_delivery', employer: null, job: null },
      holdsPaperCertificate: false,
      wish: 'near_residence',
      privacyConsent: { version: 'bench', at: now },
      scene: null,
      state: 'active',
      sentBackReason: null,
      branchId: branch._id,
      branchName: branch.name,
      orgPath: [...branch.ancestors, branch._id],
      candidateScopes: [],
      pairedWith: null,
      importId: null,
      history: [{ from: null, to: 'active', by: 'bench', at: now, reason: '压测数据' }],
      fingerprint: 'bench',
      submittedAt: now,
      updatedAt: now,
    } satisfies MemberDoc;
  });
}

/** Beijing time with its offset, as the mini-program sends it. */
const inMinutes = (minutes: number) =>
  `${new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export async function benchCheckinBurst(): Promise<void> {
  const cloud = await startLocalCloud({
    functionsDir: path.resolve(__dirname, '../cloudfunctions'),
    memory: true,
    superAdminOpenids: DEMO_SUPER_ADMINS,
  });
  try {
    const app = tcb.init({ env: cloud.envId, secretId: 'b', secretKey: 'b', serviceUrl: cloud.adminUrl });
    const db = app.database();
    await seedDemo(db);
    await seedPointsRules(db);
    const branch = ((await db.collection(COLLECTIONS.orgs).doc(BRANCH).get()).data as OrgDoc[])[0]!;
    const docs = memberDocs(branch, new Date());
    for (let i = 0; i < docs.length; i += 500) await db.collection(COLLECTIONS.members).add(docs.slice(i, i + 500));

    async function call<T>(action: string, input: object, openid: string): Promise<Call<T>> {
      const t0 = performance.now();
      const res = await fetch(`${cloud.url}/functions/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
        body: JSON.stringify({ action, ...input }),
      });
      const reply = (await res.json()) as Reply<T>;
      return { reply, ms: performance.now() - t0, roundTrips: Number(res.headers.get(ROUND_TRIPS_HEADER)) };
    }
    const ok = <T>(c: Call<T>): T => {
      if (!c.reply.ok) throw new Error(`${c.reply.error.code}: ${c.reply.error.message}`);
      return c.reply.data;
    };

    // The secretary publishes a meeting that has just begun, and shows its code.
    const publish = await call<{ sessionId: string }>(
      'publish',
      {
        kind: 'branch_assembly',
        title: '全体党员大会（压测）',
        startAt: inMinutes(-5),
        endAt: inMinutes(90),
        place: { type: 'address', address: '思明区流动党员服务管理站大礼堂' },
        audience: { type: 'branch', orgId: BRANCH },
        requestId: randomUUID(),
      },
      'demo-secretary',
    );
    const { sessionId } = ok(publish);

    // The phone on the lectern refreshes its code when told to; members scan whatever it shows.
    let token = '';
    let refreshAt = 0;
    let codeFetches = 0;
    const showCode = async () => {
      const code = ok(await call<{ token: string; refreshAt: string }>('checkinCode', { sessionId }, 'demo-secretary'));
      token = code.token;
      refreshAt = Date.parse(code.refreshAt);
      codeFetches += 1;
    };
    await showCode();
    let refreshing: Promise<void> | null = null;
    const currentCode = async () => {
      if (Date.now() >= refreshAt) refreshing ??= showCode().finally(() => (refreshing = null));
      if (refreshing && Date.now() >= refreshAt + 20_000) await refreshing;
      return token;
    };

    const latencies: number[] = [];
    let roundTrips = 0;
    let failures = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MEMBERS) {
          const i = next++;
          const c = await call('checkIn', { token: await currentCode() }, `o-burst-${i}`);
          latencies.push(c.ms);
          roundTrips += c.roundTrips;
          if (!c.reply.ok) {
            failures += 1;
            if (failures <= 5) console.error(`check-in ${i} refused: ${c.reply.error.code} ${c.reply.error.message}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // Retries after a timeout, a second tap: nothing may change.
    let retryChanged = 0;
    let retryTrips = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, lane) => {
        for (let i = lane; i < RETRIES; i += CONCURRENCY) {
          const c = await call<{ alreadyCheckedIn: boolean }>(
            'checkIn',
            { token: await currentCode() },
            `o-burst-${(i * 7) % MEMBERS}`,
          );
          retryTrips += c.roundTrips;
          if (!ok(c).alreadyCheckedIn) retryChanged += 1;
        }
      }),
    );

    const attendance = db.collection(COLLECTIONS.sessionAttendance);
    const records = (await attendance.where({ sessionId }).count()).total;
    const attended = (await attendance.where({ sessionId, status: 'attended' }).count()).total;
    const $ = db.command.aggregate;
    const ledger = await db
      .collection(COLLECTIONS.pointsLedger)
      .aggregate()
      .match({ 'source.id': db.RegExp({ regexp: `^${sessionId}~` }) })
      .group({ _id: '$source.id', n: $.sum(1) })
      .group({ _id: null, ids: $.sum(1), entries: $.sum('$n') })
      .end();
    const credited = (ledger.data as { ids: number; entries: number }[])[0] ?? { ids: 0, entries: 0 };
    const sample = await attendance.doc(attendanceIdOf(sessionId, memberIdOf('o-burst-1999'))).get();

    latencies.sort((a, b) => a - b);
    console.log(
      `\nsessions.checkIn burst: ${MEMBERS} members, one session, ${CONCURRENCY} phones at a time, over HTTP`,
    );
    console.table([
      {
        'check-ins': MEMBERS,
        seconds: seconds.toFixed(1),
        'check-ins/s': Math.round(MEMBERS / seconds),
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'p99 ms': percentile(latencies, 99).toFixed(1),
        'round trips/check-in': (roundTrips / MEMBERS).toFixed(2),
        refused: failures,
        'codes shown': codeFetches,
      },
    ]);
    console.table([
      {
        'attendance records': records,
        attended,
        lost: MEMBERS - attended,
        duplicated: records - attended,
        'members credited': credited.ids,
        'ledger entries': credited.entries,
        [`retries (${RETRIES}) that changed anything`]: retryChanged,
        'round trips/retry': (retryTrips / RETRIES).toFixed(2),
        'last member status': (sample.data as { status: string }[])[0]?.status ?? 'missing',
      },
    ]);

    // Sign-ups for a capped session, all at once: places never exceed the capacity.
    const capped = ok(
      await call<{ sessionId: string }>(
        'publish',
        {
          kind: 'volunteer',
          title: '社区志愿服务（名额有限）',
          startAt: inMinutes(24 * 60),
          endAt: inMinutes(24 * 60 + 180),
          place: { type: 'address', address: '中华街道党群服务中心' },
          capacity: CAPACITY,
          serviceHours: 3,
          audience: { type: 'branch', orgId: BRANCH },
          requestId: randomUUID(),
        },
        'demo-secretary',
      ),
    ).sessionId;
    // One sign-up on its own, for its round trips without contention.
    const single = await call('signUp', { sessionId: capped }, 'demo-member');
    ok(single);
    let signNext = 0;
    let signTrips = 0;
    let signedOk = 0;
    let full = 0;
    const otherErrors = new Map<string, number>();
    const signLatencies: number[] = [];
    const signStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (signNext < SIGN_UPS) {
          const i = signNext++;
          const c = await call('signUp', { sessionId: capped }, `o-burst-${i}`);
          signTrips += c.roundTrips;
          signLatencies.push(c.ms);
          if (c.reply.ok) signedOk += 1;
          else if (c.reply.error.code === 'RESOURCE_EXHAUSTED') full += 1;
          else {
            const key = `${c.reply.error.code} ${c.reply.error.message}`;
            otherErrors.set(key, (otherErrors.get(key) ?? 0) + 1);
          }
        }
      }),
    );
    const signSeconds = (performance.now() - signStarted) / 1000;
    const counters = await db.collection(COLLECTIONS.sessionSeats).where({ sessionId: capped }).limit(100).get();
    const seatsTaken = (counters.data as { taken: number }[]).reduce((sum, c) => sum + c.taken, 0);
    const signedRecords = (await attendance.where({ sessionId: capped, status: 'signed_up' }).count()).total;
    signLatencies.sort((a, b) => a - b);
    for (const [what, n] of otherErrors) console.error(`sign-up answered ${n}×: ${what}`);
    console.log(`\nsessions.signUp: ${SIGN_UPS} members for the ${CAPACITY - 1} places left, ${CONCURRENCY} at a time`);
    console.table([
      {
        'sign-ups': SIGN_UPS,
        seconds: signSeconds.toFixed(1),
        'p50 ms': percentile(signLatencies, 50).toFixed(1),
        'p95 ms': percentile(signLatencies, 95).toFixed(1),
        accepted: signedOk,
        'refused (full)': full,
        'other answers': [...otherErrors.values()].reduce((a, b) => a + b, 0),
        'places taken': seatsTaken,
        'signed-up records': signedRecords,
        'round trips/sign-up (contended)': (signTrips / SIGN_UPS).toFixed(2),
        'round trips/sign-up (alone)': single.roundTrips,
        'round trips/publish': publish.roundTrips,
      },
    ]);
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  process.env.TZ = 'Asia/Shanghai';
  benchCheckinBurst().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
