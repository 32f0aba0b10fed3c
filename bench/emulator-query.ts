import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tcb from '@cloudbase/node-sdk';
import { DENY_ALL, type CollectionSpec } from '../database/schema';
import { createAdminListener } from '../emulator/admin';
import { DocumentDatabase } from '../emulator/database';

const SIZES = [1_000, 10_000, 100_000];
const PAGE = 20;
const CATEGORIES = 20;
const BASE = Date.UTC(2024, 0, 1);

const BENCH_COLLECTIONS: CollectionSpec[] = [
  {
    name: 'bench_docs',
    description: 'benchmark documents: category/createdAt indexed, score not',
    indexes: [{ name: 'category_created', keys: { category: 1, createdAt: -1 } }],
    rules: DENY_ALL,
  },
];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

interface Row {
  documents: number;
  'insert (s)': string;
  'indexed + sort + limit (ms)': string;
  'indexed: decoded': number;
  'full scan + sort + limit (ms)': string;
  'full scan: decoded': number;
}

async function measure(size: number): Promise<Row> {
  const database = new DocumentDatabase({ collections: BENCH_COLLECTIONS });
  const server = http.createServer(createAdminListener({ db: database }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const app = tcb.init({
      env: 'bench',
      secretId: 'local',
      secretKey: 'local',
      serviceUrl: `http://127.0.0.1:${port}/admin`,
    });
    const db = app.database();
    const _ = db.command;
    const docs = db.collection('bench_docs');

    const t0 = performance.now();
    for (let start = 0; start < size; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - start) }, (_unused, j) => {
        const i = start + j;
        return {
          category: `c${i % CATEGORIES}`,
          createdAt: new Date(BASE + i * 1000),
          score: (i * 7919) % size,
          title: `document ${i}`,
        };
      });
      await docs.add(batch);
    }
    const insertSeconds = (performance.now() - t0) / 1000;

    const indexedQuery = () => docs.where({ category: 'c3' }).orderBy('createdAt', 'desc').limit(PAGE).get();
    const scanQuery = () =>
      docs
        .where({ score: _.gte(size / 2) })
        .orderBy('score', 'desc')
        .limit(PAGE)
        .get();
    const indexedMs = await timed(20, indexedQuery);
    const indexedDecoded = database.stats().lastQuery?.decoded ?? -1;
    const scanMs = await timed(size >= 100_000 ? 3 : 10, scanQuery);
    const scanDecoded = database.stats().lastQuery?.decoded ?? -1;
    return {
      documents: size,
      'insert (s)': insertSeconds.toFixed(1),
      'indexed + sort + limit (ms)': indexedMs.toFixed(2),
      'indexed: decoded': indexedDecoded,
      'full scan + sort + limit (ms)': scanMs.toFixed(1),
      'full scan: decoded': scanDecoded,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    database.close();
  }
}

/**
 * Query latency through the real SDK over HTTP against the emulator, in memory: an indexed
 * equality + sort + limit beside a filter and sort on an unindexed field, at 1k/10k/100k
 * documents. Prints figures; asserts nothing about time.
 */
export async function benchEmulatorQuery(): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(size));
  console.log(`\nEmulator query: page of ${PAGE}, median of repeated runs (SDK + HTTP + SQLite + mingo)`);
  console.table(rows);
}

// The mini-program typings redeclare `require`; this file runs under Node.
if ((require as unknown as NodeJS.Require).main === module) {
  benchEmulatorQuery().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
