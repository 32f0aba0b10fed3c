import * as tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { startLocalCloud } from '../emulator/server';
import { seedDemo } from '../emulator/seed';
import { DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { OPENID_HEADER, ROUND_TRIPS_HEADER } from '../emulator/server';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Throughput and latency of `user.whoami` through the local host over HTTP, as the mini-program calls it. */
export async function benchFunctionCalls(): Promise<void> {
  const cloud = await startLocalCloud({
    functionsDir: path.resolve(__dirname, '../cloudfunctions'),
    memory: true,
    superAdminOpenids: DEMO_SUPER_ADMINS,
  });
  try {
    const app = tcb.init({ env: cloud.envId, secretId: 'b', secretKey: 'b', serviceUrl: cloud.adminUrl });
    await seedDemo(app.database());
    const total = 2000;
    const concurrency = 50;
    const latencies: number[] = [];
    let roundTrips = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          const t0 = performance.now();
          const res = await fetch(`${cloud.url}/functions/user`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [OPENID_HEADER]: i % 3 ? `o-bench-${i}` : 'demo-secretary' },
            body: JSON.stringify({ action: 'whoami' }),
          });
          await res.json();
          latencies.push(performance.now() - t0);
          roundTrips += Number(res.headers.get(ROUND_TRIPS_HEADER));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log('\nuser.whoami through the local host (HTTP, 50 concurrent callers)');
    console.table([
      {
        calls: total,
        'calls/s': Math.round(total / seconds),
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'p99 ms': percentile(latencies, 99).toFixed(1),
        'round trips/call': (roundTrips / total).toFixed(2),
      },
    ]);
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  benchFunctionCalls().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
