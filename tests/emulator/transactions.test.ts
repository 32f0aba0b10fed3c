/**
 * Transactions through the SDK's runTransaction/startTransaction: single-document operations,
 * isolation, atomic commit, rollback, conflicts (which runTransaction retries), the 30 s limit,
 * and the where()-inside-a-transaction trap made loud.
 */
import type { Transaction as Tx } from '@cloudbase/database/dist/commonjs/transaction/index';
import { rejectionOf, startEmulator, type Emulator } from './helpers';

let emu: Emulator;
let clockOffset = 0;
beforeAll(async () => {
  emu = await startEmulator({ transactionTimeoutMs: 30_000, now: () => Date.now() + clockOffset });
});
afterAll(async () => emu.close());
beforeEach(async () => {
  clockOffset = 0;
  await emu.db.collection('accounts').where({}).remove();
  await emu.db.collection('people').where({}).remove();
  await emu.db.collection('accounts').add([
    { _id: 'alice', balance: 100 },
    { _id: 'bob', balance: 50 },
  ]);
});

async function balance(id: string): Promise<number | undefined> {
  const { data } = await emu.db.collection('accounts').doc(id).get();
  return data[0]?.balance;
}

function transfer(amount: number) {
  return async (t: Tx) => {
    const _ = emu.db.command;
    const from = await t.collection('accounts').doc('alice').get();
    if (from.data.balance < amount) throw new Error('insufficient');
    await t
      .collection('accounts')
      .doc('alice')
      .update({ balance: _.inc(-amount) });
    await t
      .collection('accounts')
      .doc('bob')
      .update({ balance: _.inc(amount) });
    return from.data.balance - amount;
  };
}

test('runTransaction commits all writes and returns the callback value', async () => {
  await expect(emu.db.runTransaction(transfer(30))).resolves.toBe(70);
  expect(await balance('alice')).toBe(70);
  expect(await balance('bob')).toBe(80);
  expect(emu.database.stats().openTransactions).toBe(0);
});

test('inside a transaction doc().get() returns the object, or null when missing', async () => {
  const seen = await emu.db.runTransaction(async (t: Tx) => {
    const found = await t.collection('accounts').doc('alice').get();
    const missing = await t.collection('accounts').doc('nobody').get();
    return { found: found.data, missing: missing.data };
  });
  expect(seen).toEqual({ found: { _id: 'alice', balance: 100 }, missing: null });
});

test('reads inside a transaction see its own writes: update, add, set, remove, where().get()', async () => {
  const seen = await emu.db.runTransaction(async (t: Tx) => {
    const accounts = t.collection('accounts');
    await accounts.doc('alice').update({ balance: 1 });
    const added = await accounts.add({ _id: 'carol', balance: 7 });
    await accounts.doc('dave').set({ balance: 9 });
    await accounts.doc('bob').remove();
    return {
      added,
      alice: (await accounts.doc('alice').get()).data,
      carol: (await accounts.doc('carol').get()).data,
      dave: (await accounts.doc('dave').get()).data,
      bob: (await accounts.doc('bob').get()).data,
      list: (await accounts.where({}).orderBy('balance', 'asc').get()).data,
    };
  });
  expect(seen.added).toMatchObject({ id: 'carol', inserted: 1, ok: 1 });
  expect(seen.alice).toEqual({ _id: 'alice', balance: 1 });
  expect(seen.carol).toEqual({ _id: 'carol', balance: 7 });
  expect(seen.dave).toEqual({ _id: 'dave', balance: 9 });
  expect(seen.bob).toBeNull();
  expect(seen.list.map((d: { _id: string }) => d._id)).toEqual(['alice', 'carol', 'dave']);
  const { data } = await emu.db.collection('accounts').orderBy('_id', 'asc').get();
  expect(data.map((d: { _id: string }) => d._id)).toEqual(['alice', 'carol', 'dave']);
});

test('a thrown error rolls everything back and runTransaction rejects with it, without retrying', async () => {
  let attempts = 0;
  const err = await rejectionOf(() =>
    emu.db.runTransaction(async (t: Tx) => {
      attempts++;
      await t.collection('accounts').doc('alice').update({ balance: 0 });
      await t.collection('accounts').add({ _id: 'ghost' });
      throw new Error('changed my mind');
    }),
  );
  expect(err.message).toBe('changed my mind');
  expect(attempts).toBe(1);
  expect(await balance('alice')).toBe(100);
  expect((await emu.db.collection('accounts').doc('ghost').get()).data).toEqual([]);
  expect(emu.database.stats().openTransactions).toBe(0);
});

test('transaction.rollback(reason) discards the writes and runTransaction rejects with the reason', async () => {
  const reason = await emu.db
    .runTransaction(async (t: Tx) => {
      await t.collection('accounts').doc('alice').update({ balance: 0 });
      await t.rollback(-100);
    })
    .catch((e: unknown) => e);
  expect(reason).toBe(-100);
  expect(await balance('alice')).toBe(100);
});

test('other callers never see uncommitted writes; they see all of them after commit', async () => {
  const other = emu.newApp().database();
  const tx = await emu.db.startTransaction();
  await tx.collection('accounts').doc('alice').update({ balance: 1 });
  await tx.collection('accounts').add({ _id: 'carol', balance: 2 });
  expect((await other.collection('accounts').doc('alice').get()).data[0].balance).toBe(100);
  expect((await other.collection('accounts').doc('carol').get()).data).toEqual([]);
  expect((await other.collection('accounts').where({ balance: 1 }).get()).data).toEqual([]);
  await tx.commit();
  expect((await other.collection('accounts').doc('alice').get()).data[0].balance).toBe(1);
  expect((await other.collection('accounts').doc('carol').get()).data[0].balance).toBe(2);
});

test('two open transactions writing the same document: the later one gets DATABASE_TRANSACTION_CONFLICT', async () => {
  const first = await emu.db.startTransaction();
  const second = await emu.db.startTransaction();
  await first.collection('accounts').doc('alice').update({ balance: 1 });
  const err = await rejectionOf(() => second.collection('accounts').doc('alice').update({ balance: 2 }));
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  await first.commit();
  expect(await balance('alice')).toBe(1);
  const afterConflict = await rejectionOf(() => second.commit());
  expect(afterConflict.code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('first committer wins: a transaction whose read was overwritten by a commit conflicts', async () => {
  const first = await emu.db.startTransaction();
  const second = await emu.db.startTransaction();
  await first.collection('accounts').doc('alice').get();
  await second.collection('accounts').doc('alice').get();
  await second.collection('accounts').doc('alice').update({ balance: 2 });
  await second.commit();
  const err = await rejectionOf(() => first.collection('accounts').doc('alice').update({ balance: 1 }));
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await balance('alice')).toBe(2);
});

test('a plain write to a document a transaction read makes it conflict; runTransaction retries and then succeeds', async () => {
  const other = emu.newApp().database();
  let attempts = 0;
  await emu.db.runTransaction(async (t: Tx) => {
    attempts++;
    const alice = await t.collection('accounts').doc('alice').get();
    if (attempts === 1)
      await other
        .collection('accounts')
        .doc('alice')
        .update({ balance: emu.db.command.inc(1000) });
    await t
      .collection('accounts')
      .doc('alice')
      .update({ balance: alice.data.balance - 10 });
  });
  expect(attempts).toBe(2);
  expect(await balance('alice')).toBe(1090); // the retry read the outside write; nothing was lost
});

test('conflicts exhaust runTransaction retries (3) and then surface as DATABASE_TRANSACTION_CONFLICT', async () => {
  const holder = await emu.db.startTransaction();
  await holder.collection('accounts').doc('alice').update({ balance: 0 });
  let attempts = 0;
  const err = await rejectionOf(() =>
    emu.db.runTransaction(async (t: Tx) => {
      attempts++;
      await t.collection('accounts').doc('alice').update({ balance: 5 });
    }),
  );
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(attempts).toBe(4);
  await holder.rollback();
  expect(await balance('alice')).toBe(100);
});

test('commit is atomic: when it fails, none of the staged writes are applied', async () => {
  const tx = await emu.db.startTransaction();
  await tx.collection('accounts').doc('alice').update({ balance: 0 });
  await tx.collection('people').add({ email: 'k@x' });
  await emu.db.collection('people').add({ email: 'k@x' }); // someone else takes the unique key first
  const err = await rejectionOf(() => tx.commit());
  expect(err.message).toMatch(/^E11000/);
  expect(await balance('alice')).toBe(100);
  expect((await emu.db.collection('people').count()).total).toBe(1);
});

test('a duplicate key inside a transaction fails that operation and aborts the transaction', async () => {
  await emu.db.collection('people').add({ email: 'dup@x' });
  const err = await rejectionOf(() =>
    emu.db.runTransaction(async (t: Tx) => {
      await t.collection('accounts').doc('alice').update({ balance: 0 });
      await t.collection('people').add({ email: 'dup@x' });
    }),
  );
  expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  expect(err.message).toMatch(/^E11000/);
  expect(await balance('alice')).toBe(100);
});

test('a transaction older than the limit fails with DATABASE_TRANSACTION_FAIL and is rolled back', async () => {
  const tx = await emu.db.startTransaction();
  await tx.collection('accounts').doc('alice').update({ balance: 0 });
  clockOffset = 30_001;
  const err = await rejectionOf(() => tx.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(err.message).toMatch(/30 s/);
  expect(await balance('alice')).toBe(100);
  // An expired transaction no longer blocks others.
  await expect(emu.db.runTransaction(transfer(10))).resolves.toBe(90);
});

test('a transaction just under the limit still commits', async () => {
  const tx = await emu.db.startTransaction();
  await tx.collection('accounts').doc('alice').update({ balance: 0 });
  clockOffset = 29_000;
  await tx.commit();
  expect(await balance('alice')).toBe(0);
});

describe('where() inside runTransaction (sent without transactionId by the SDK)', () => {
  test('where().update() on a collection the transaction uses makes it fail loudly; its own writes are never committed', async () => {
    const _ = emu.db.command;
    const err = await rejectionOf(() =>
      emu.db.runTransaction(async (t: Tx) => {
        await t
          .collection('accounts')
          .doc('alice')
          .update({ balance: _.inc(-10) });
        await t.collection('accounts').where({ _id: 'bob' }).update({ flagged: true });
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(err.message).toMatch(/where\(\)\.update\(\).*not part of the transaction/s);
    expect(await balance('alice')).toBe(100);
  });

  test('where().count() inside the transaction fails it the same way', async () => {
    const err = await rejectionOf(() =>
      emu.db.runTransaction(async (t: Tx) => {
        const { total } = await t
          .collection('accounts')
          .where({ balance: emu.db.command.gt(0) })
          .count();
        await t.collection('accounts').doc('alice').update({ count: total });
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(err.message).toMatch(/where\(\)\.count\(\)/);
    expect((await emu.db.collection('accounts').doc('alice').get()).data[0].count).toBeUndefined();
  });

  test('when the SDK reveals the invocation (TCB_SEQID), the where() call itself is refused before it writes anything', async () => {
    const saved = { keys: process.env.TCB_CONTEXT_KEYS, seq: process.env.TCB_SEQID };
    process.env.TCB_CONTEXT_KEYS = 'TCB_SEQID';
    process.env.TCB_SEQID = 'invocation-42';
    try {
      let attempts = 0;
      const err = await rejectionOf(() =>
        emu.db.runTransaction(async (t: Tx) => {
          attempts++;
          await t.collection('accounts').doc('alice').update({ balance: 0 });
          await t.collection('accounts').where({ _id: 'bob' }).update({ balance: 0 });
        }),
      );
      expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
      expect(err.message).toMatch(/without a transactionId.*same invocation/s);
      expect(attempts).toBe(1);
      expect(await balance('bob')).toBe(50);
      expect(await balance('alice')).toBe(100);
    } finally {
      process.env.TCB_CONTEXT_KEYS = saved.keys;
      process.env.TCB_SEQID = saved.seq;
      if (saved.keys === undefined) delete process.env.TCB_CONTEXT_KEYS;
      if (saved.seq === undefined) delete process.env.TCB_SEQID;
    }
  });

  test('writes and counts by query on collections the transaction does not use leave it alone', async () => {
    const other = emu.newApp().database();
    await emu.db.runTransaction(async (t: Tx) => {
      await t.collection('accounts').doc('alice').update({ balance: 1 });
      await other.collection('logs').where({}).update({ seen: true });
      await other.collection('logs').count();
    });
    expect(await balance('alice')).toBe(1);
  });

  test('a count by another caller on a used collection also conflicts once, and runTransaction absorbs it by retrying', async () => {
    const other = emu.newApp().database();
    let attempts = 0;
    await emu.db.runTransaction(async (t: Tx) => {
      attempts++;
      await t.collection('accounts').doc('alice').update({ balance: 1 });
      if (attempts === 1) await other.collection('accounts').count();
    });
    expect(attempts).toBe(2);
    expect(await balance('alice')).toBe(1);
  });
});

test('startTransaction/rollback: nothing applied, and the id cannot be committed afterwards', async () => {
  const tx = await emu.db.startTransaction();
  await tx.collection('accounts').doc('bob').remove();
  await tx.rollback();
  expect(await balance('bob')).toBe(50);
  const err = await rejectionOf(() => tx.commit());
  expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
});

test('where().update() sent with a transactionId (never by the SDK) is refused', async () => {
  const tx = await emu.db.startTransaction();
  const reply = await emu.database.execute({
    action: 'database.modifyDocument',
    collectionName: 'accounts',
    queryType: 'WHERE',
    query: '{}',
    data: '{"$set":{"x":1}}',
    transactionId: tx.getTransactionId(),
  });
  expect(reply.code).toBe('DATABASE_TRANSACTION_FAIL');
  await tx.rollback();
});
