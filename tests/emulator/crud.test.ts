/**
 * Every row of the protocol doc's request and reply tables, through the real @cloudbase/node-sdk
 * talking HTTP to the emulator.
 */
import { insertMany, rejectionOf, startEmulator, type Emulator } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());
beforeEach(async () => {
  for (const name of ['people', 'accounts', 'logs']) await emu.db.collection(name).where({}).remove();
});

describe('database.insertDocument', () => {
  test('add(doc) returns the generated id: 32 hex characters, the second eight a timestamp', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await emu.db.collection('accounts').add({ owner: 'a' });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const seconds = parseInt((res.id as string).slice(8, 16), 16);
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(before + 5);
  });

  test('add([a, b]) inserts both and returns their ids in order; an explicit _id is kept', async () => {
    const res = await emu.db.collection('accounts').add([{ _id: 'fixed', n: 1 }, { n: 2 }]);
    expect(res.ids).toHaveLength(2);
    expect(res.ids![0]).toBe('fixed');
    const { data } = await emu.db.collection('accounts').orderBy('n', 'asc').get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(res.ids);
  });

  test('writing to a collection that was never created fails like the real service', async () => {
    const err = await rejectionOf(() => emu.db.collection('nope').add({ a: 1 }));
    expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    const read = await rejectionOf(() => emu.db.collection('nope').get());
    expect(read.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});

describe('database.getDocument', () => {
  test('where().orderBy().skip().limit().field().get() filters, sorts, windows and projects', async () => {
    await insertMany(emu.db, 'accounts', 10, (i) => ({ n: i, even: i % 2 === 0, secret: 's' }));
    const { data } = await emu.db
      .collection('accounts')
      .where({ even: true })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ n: true })
      .get();
    expect(data.map((d: { n: number }) => d.n)).toEqual([6, 4]);
    expect(Object.keys(data[0]).sort()).toEqual(['_id', 'n']);
  });

  test('field({x: false}) excludes fields', async () => {
    await emu.db.collection('accounts').add({ a: 1, b: 2 });
    const { data } = await emu.db.collection('accounts').field({ b: false }).get();
    expect(data[0]).toEqual({ _id: expect.any(String), a: 1 });
  });

  test('get() without limit returns 100 documents; limit(5000) returns 1000', async () => {
    await insertMany(emu.db, 'logs', 1200, (i) => ({ i }));
    expect((await emu.db.collection('logs').get()).data).toHaveLength(100);
    expect((await emu.db.collection('logs').limit(5000).get()).data).toHaveLength(1000);
    expect((await emu.db.collection('logs').limit(1000).skip(1000).get()).data).toHaveLength(200);
  });

  test('a raw request asking for more than 1000 is clamped to 1000 too', async () => {
    await insertMany(emu.db, 'logs', 1001, (i) => ({ i }));
    const reply = await emu.database.execute({
      action: 'database.getDocument',
      collectionName: 'logs',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((reply.data as { list: unknown[] }).list).toHaveLength(1000);
    expect((reply.data as { limit: number }).limit).toBe(1000);
  });

  test('doc(id).get() outside a transaction returns an array: [doc], or [] when missing', async () => {
    const { id } = await emu.db.collection('accounts').add({ owner: 'x' });
    const found = await emu.db
      .collection('accounts')
      .doc(id as string)
      .get();
    expect(found.data).toEqual([{ _id: id, owner: 'x' }]);
    const missing = await emu.db.collection('accounts').doc('missing').get();
    expect(missing.data).toEqual([]);
  });

  test('doc(id) with a numeric id is a different document from its string form', async () => {
    await emu.db.collection('accounts').add([
      { _id: 7 as unknown as string, kind: 'number' },
      { _id: '7', kind: 'string' },
    ]);
    expect((await emu.db.collection('accounts').doc(7).get()).data[0].kind).toBe('number');
    expect((await emu.db.collection('accounts').doc('7').get()).data[0].kind).toBe('string');
  });

  test('doc(id).field() projects a single document', async () => {
    const { id } = await emu.db.collection('accounts').add({ a: 1, b: 2 });
    const { data } = await emu.db
      .collection('accounts')
      .doc(id as string)
      .field({ a: true })
      .get();
    expect(data).toEqual([{ _id: id, a: 1 }]);
  });
});

describe('database.modifyDocument', () => {
  test('doc(id).update(u) merges fields, returns updated 1; 0 for a missing document', async () => {
    const { id } = await emu.db.collection('accounts').add({ owner: 'a', profile: { nick: 'n', city: 'c' } });
    const res = await emu.db
      .collection('accounts')
      .doc(id as string)
      .update({ profile: { nick: 'm' }, extra: true });
    expect(res.updated).toBe(1);
    const { data } = await emu.db
      .collection('accounts')
      .doc(id as string)
      .get();
    expect(data[0]).toEqual({ _id: id, owner: 'a', profile: { nick: 'm', city: 'c' }, extra: true });
    expect((await emu.db.collection('accounts').doc('missing').update({ a: 1 })).updated).toBe(0);
    expect((await emu.db.collection('accounts').doc('missing').get()).data).toEqual([]);
  });

  test('an update that changes nothing reports updated 0 (Mongo nModified)', async () => {
    const { id } = await emu.db.collection('accounts').add({ owner: 'a' });
    expect(
      (
        await emu.db
          .collection('accounts')
          .doc(id as string)
          .update({ owner: 'a' })
      ).updated,
    ).toBe(0);
  });

  test('where(q).update(u) updates every match and returns the count', async () => {
    await emu.db.collection('accounts').add([{ g: 1 }, { g: 1 }, { g: 2 }]);
    const res = await emu.db.collection('accounts').where({ g: 1 }).update({ seen: true });
    expect(res.updated).toBe(2);
    expect((await emu.db.collection('accounts').where({ seen: true }).count()).total).toBe(2);
  });

  test('doc(id).set(d) replaces the whole document, or creates it (upsert)', async () => {
    const { id } = await emu.db.collection('accounts').add({ a: 1, b: 2 });
    const replaced = await emu.db
      .collection('accounts')
      .doc(id as string)
      .set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect(
      (
        await emu.db
          .collection('accounts')
          .doc(id as string)
          .get()
      ).data,
    ).toEqual([{ _id: id, c: 3 }]);
    const created = await emu.db.collection('accounts').doc('new-one').set({ d: 4 });
    expect(created.upsertedId).toBe('new-one');
    expect(created.updated).toBe(0);
    expect((await emu.db.collection('accounts').doc('new-one').get()).data).toEqual([{ _id: 'new-one', d: 4 }]);
  });
});

describe('database.modifyAndReturnDoc', () => {
  test('where(q).updateAndReturn(u) updates the first match and returns it updated', async () => {
    await emu.db.collection('accounts').add({ key: 'k', n: 1 });
    const res = await emu.db
      .collection('accounts')
      .where({ key: 'k' })
      .updateAndReturn({ n: emu.db.command.inc(1) });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ key: 'k', n: 2 });
    const none = await emu.db.collection('accounts').where({ key: 'none' }).updateAndReturn({ n: 1 });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });
});

describe('database.removeDocument', () => {
  test('doc(id).remove() deletes one; where(q).remove() deletes every match', async () => {
    const { ids } = await emu.db.collection('accounts').add([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await emu.db.collection('accounts').doc(ids![2]!).remove()).deleted).toBe(1);
    expect((await emu.db.collection('accounts').doc(ids![2]!).remove()).deleted).toBe(0);
    expect((await emu.db.collection('accounts').where({ g: 1 }).remove()).deleted).toBe(2);
    expect((await emu.db.collection('accounts').count()).total).toBe(0);
  });
});

describe('database.calculateDocument', () => {
  test('where(q).count() counts all matches, beyond the read limits', async () => {
    await insertMany(emu.db, 'logs', 1500, (i) => ({ odd: i % 2 === 1 }));
    expect((await emu.db.collection('logs').count()).total).toBe(1500);
    expect((await emu.db.collection('logs').where({ odd: true }).count()).total).toBe(750);
  });
});

describe('database.addCollection', () => {
  test('createCollection makes a collection usable; creating it twice fails', async () => {
    const name = `made_${Date.now()}`;
    await emu.db.createCollection(name);
    await emu.db.collection(name).add({ a: 1 });
    expect((await emu.db.collection(name).count()).total).toBe(1);
    const err = await rejectionOf(() => emu.db.createCollection(name));
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });
});

describe('values round-trip', () => {
  test('db.serverDate() is stored as the server time plus its offset', async () => {
    const before = Date.now();
    const { id } = await emu.db
      .collection('accounts')
      .add({ at: emu.db.serverDate(), later: emu.db.serverDate({ offset: 60_000 }) });
    const after = Date.now();
    const doc = (
      await emu.db
        .collection('accounts')
        .doc(id as string)
        .get()
    ).data[0];
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.at.getTime()).toBeLessThanOrEqual(after);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
    const { id: id2 } = await emu.db.collection('accounts').add({ n: 1 });
    await emu.db
      .collection('accounts')
      .doc(id2 as string)
      .update({ touchedAt: emu.db.serverDate() });
    const touched = (
      await emu.db
        .collection('accounts')
        .doc(id2 as string)
        .get()
    ).data[0].touchedAt;
    expect(touched).toBeInstanceOf(Date);
  });

  test('serverDate() works in a query too', async () => {
    await emu.db
      .collection('accounts')
      .add([{ expires: new Date(Date.now() - 1000) }, { expires: new Date(Date.now() + 3_600_000) }]);
    const { total } = await emu.db
      .collection('accounts')
      .where({ expires: emu.db.command.lt(emu.db.serverDate()) })
      .count();
    expect(total).toBe(1);
  });

  test('Date, RegExp, nested arrays, numbers and null keep their types', async () => {
    const when = new Date('2024-02-29T12:34:56.789Z');
    const { id } = await emu.db.collection('accounts').add({
      when,
      pattern: /^a.c$/i,
      dbRegex: emu.db.RegExp({ regexp: 'x+', options: 'm' }),
      n: 1.5,
      big: 2 ** 40,
      none: null,
      list: [1, [2, 'three'], { four: 4 }],
    });
    const doc = (
      await emu.db
        .collection('accounts')
        .doc(id as string)
        .get()
    ).data[0];
    expect(doc.when).toBeInstanceOf(Date);
    expect(doc.when.toISOString()).toBe('2024-02-29T12:34:56.789Z');
    // The SDK parses regexes to BSONRegExp and then copies them into plain objects.
    expect(doc.pattern).toEqual({ pattern: '^a.c$', options: 'i' });
    expect(doc.dbRegex).toEqual({ pattern: 'x+', options: 'm' });
    expect(doc).toMatchObject({ n: 1.5, big: 2 ** 40, none: null, list: [1, [2, 'three'], { four: 4 }] });
    const byDate = await emu.db.collection('accounts').where({ when }).count();
    expect(byDate.total).toBe(1);
  });

  test('a JS RegExp with the g flag is accepted (the flag has no database meaning)', async () => {
    await emu.db.collection('accounts').add({ name: 'Alpha' });
    const { data } = await emu.db.collection('accounts').where({ name: /^al/gi }).get();
    expect(data).toHaveLength(1);
  });
});
