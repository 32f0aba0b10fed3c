/** A file database keeps everything across close/reopen and across kill -9 (WAL, synchronous=NORMAL). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CollectionSpec } from '../../database/schema';
import { PERSISTENCE_COLLECTIONS as collections } from './fixtures/persistence-collections';
import { rejectionOf, startEmulator } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emulator-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('write to a file, close, reopen: documents, dates and unique indexes are all there', async () => {
  const file = path.join(dir, 'db.sqlite');
  const first = await startEmulator({ file, collections });
  await first.db.collection('members').add([
    { _id: 'm1', openid: 'o1', branchId: 'b1', state: 'active', joinedAt: new Date('2024-05-01T08:00:00Z') },
    { _id: 'm2', openid: 'o2', branchId: 'b1', state: 'pending' },
  ]);
  await first.db.collection('orgs').add({ _id: 'root', code: 'XM', ancestors: [] });
  await first.db.collection('members').doc('m2').update({ state: 'active' });
  await first.close();

  const second = await startEmulator({ file, collections });
  try {
    const { data } = await second.db
      .collection('members')
      .where({ branchId: 'b1', state: 'active' })
      .orderBy('_id', 'asc')
      .get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['m1', 'm2']);
    expect(data[0].joinedAt).toEqual(new Date('2024-05-01T08:00:00Z'));
    expect(second.database.stats().lastQuery!.index).toBe('branch_state');
    const dup = await rejectionOf(() => second.db.collection('members').add({ openid: 'o1' }));
    expect(dup.message).toMatch(/^E11000 .*index: openid_unique/);
    expect((await second.db.collection('orgs').doc('root').get()).data[0].code).toBe('XM');
  } finally {
    await second.close();
  }
});

test('kill -9 right after a write loses nothing that was acknowledged', async () => {
  const file = path.join(dir, 'db.sqlite');
  const script = path.join(__dirname, 'fixtures/write-then-crash.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.signal).toBe('SIGKILL');
  const acknowledged = JSON.parse(child.stdout.trim()) as { insert: { data: unknown }; update: { data: unknown } };
  expect(acknowledged.insert.data).toEqual({ insertedIds: ['crash-1', 'crash-2'] });
  expect(acknowledged.update.data).toEqual({ updated: 2 });

  const reopened = await startEmulator({ file, collections });
  try {
    const { data } = await reopened.db.collection('members').orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'crash-1', openid: 'o-crash-1', state: 'moved' },
      { _id: 'crash-2', openid: 'o-crash-2', state: 'moved' },
    ]);
  } finally {
    await reopened.close();
  }
}, 40_000);

test('reopening with changed index declarations adds, rebuilds and drops indexes', async () => {
  const file = path.join(dir, 'db.sqlite');
  const v1: CollectionSpec[] = [
    {
      name: 'things',
      description: '',
      indexes: [{ name: 'by_a', keys: { a: 1 } }],
      rules: { read: false, write: false },
    },
  ];
  const first = await startEmulator({ file, collections: v1 });
  await first.db.collection('things').add([
    { a: 1, b: 'x' },
    { a: 2, b: 'x' },
  ]);
  await first.close();

  const v2: CollectionSpec[] = [
    {
      name: 'things',
      description: '',
      indexes: [{ name: 'by_b', keys: { b: 1 }, unique: true }],
      rules: { read: false, write: false },
    },
  ];
  const failing = (): unknown => startEmulator({ file, collections: v2 });
  await expect(failing()).rejects.toThrow(/E11000/); // existing duplicates block a new unique index

  const v3: CollectionSpec[] = [
    {
      name: 'things',
      description: '',
      indexes: [{ name: 'by_b', keys: { b: 1 } }],
      rules: { read: false, write: false },
    },
  ];
  const second = await startEmulator({ file, collections: v3 });
  try {
    await second.db.collection('things').where({ b: 'x' }).get();
    expect(second.database.stats().lastQuery).toMatchObject({ index: 'by_b', returned: 2 });
    await second.db.collection('things').where({ a: 1 }).get();
    expect(second.database.stats().lastQuery!.index).toBeNull();
  } finally {
    await second.close();
  }
});

test('reopening twice with the same declarations is a no-op (idempotent)', async () => {
  const file = path.join(dir, 'db.sqlite');
  for (let i = 0; i < 3; i++) {
    const emu = await startEmulator({ file, collections });
    await emu.db.collection('roles').add({ openid: `o${i}`, role: 'secretary', scopeId: 's' });
    await emu.close();
  }
  const emu = await startEmulator({ file, collections });
  try {
    expect((await emu.db.collection('roles').where({ scopeId: 's', role: 'secretary' }).count()).total).toBe(3);
    expect(emu.database.stats().lastQuery).toMatchObject({ index: 'scope_role', exact: true, decoded: 0 });
  } finally {
    await emu.close();
  }
});
