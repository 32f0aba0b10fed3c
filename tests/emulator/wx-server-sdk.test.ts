/** wx-server-sdk (which wraps its own node-sdk 3.17.2) speaks the same protocol to the emulator. */
import cloud from 'wx-server-sdk';
import { startEmulator, type Emulator } from './helpers';

let emu: Emulator;
type WxDb = ReturnType<typeof cloud.database>;
let db: WxDb;
/** wx-server-sdk types every call as promise-or-callback; these are the promise results used here. */
type Added = { _id: string };
type One<T> = { data: T };
type Stats = { stats: { updated?: number; removed?: number } };
type Tx = { collection(name: string): ReturnType<WxDb['collection']> };
beforeAll(async () => {
  emu = await startEmulator();
  cloud.init({ env: 'test-env', secretId: 'local', secretKey: 'local', serviceUrl: emu.serviceUrl } as Parameters<
    typeof cloud.init
  >[0]);
  db = cloud.database();
});
afterAll(async () => emu.close());

test('add, get, update, count and remove through wx-server-sdk', async () => {
  const _ = db.command;
  const added = (await db
    .collection('people')
    .add({ data: { _id: 'wx1', email: 'wx@x', age: 20, at: db.serverDate() } })) as Added;
  expect(added._id).toBe('wx1');
  const got = (await db.collection('people').doc('wx1').get()) as unknown as One<{ at: unknown }>;
  expect(got.data).toMatchObject({ _id: 'wx1', email: 'wx@x', age: 20 });
  expect(got.data.at).toBeInstanceOf(Date);
  const updated = (await db
    .collection('people')
    .doc('wx1')
    .update({ data: { age: _.inc(1) } })) as Stats;
  expect(updated.stats.updated).toBe(1);
  const listed = (await db
    .collection('people')
    .where({ age: _.gt(20) })
    .get()) as One<unknown[]>;
  expect(listed.data).toHaveLength(1);
  expect(((await db.collection('people').where({ email: 'wx@x' }).count()) as { total: number }).total).toBe(1);
  const removed = (await db.collection('people').doc('wx1').remove()) as Stats;
  expect(removed.stats.removed).toBe(1);
});

test('a duplicate key surfaces as an error mentioning E11000', async () => {
  await db.collection('people').add({ data: { email: 'same@wx' } });
  await expect(db.collection('people').add({ data: { email: 'same@wx' } })).rejects.toThrow(
    /E11000 duplicate key error/,
  );
});

test('runTransaction through wx-server-sdk commits and rolls back', async () => {
  await db.collection('accounts').add({ data: { _id: 'wa', balance: 10 } });
  const result = await db.runTransaction(async (transaction: Tx) => {
    const acc = (await transaction.collection('accounts').doc('wa').get()) as unknown as One<{ balance: number }>;
    await transaction
      .collection('accounts')
      .doc('wa')
      .update({ data: { balance: acc.data.balance + 5 } });
    return 'done';
  });
  expect(result).toBe('done');
  await expect(
    db.runTransaction(async (transaction: Tx) => {
      await transaction
        .collection('accounts')
        .doc('wa')
        .update({ data: { balance: 0 } });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect(((await db.collection('accounts').doc('wa').get()) as unknown as One<{ balance: number }>).data.balance).toBe(
    15,
  );
});
