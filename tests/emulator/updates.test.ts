/** Update operators the SDK's command builder emits, applied with Mongo semantics. */
import { rejectionOf, startEmulator, type Emulator } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

async function updated(
  initial: Record<string, unknown>,
  update: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { id } = await emu.db.collection('accounts').add(initial);
  await emu.db
    .collection('accounts')
    .doc(id as string)
    .update(update);
  const { _id, ...rest } = (
    await emu.db
      .collection('accounts')
      .doc(id as string)
      .get()
  ).data[0];
  void _id;
  return rest;
}

test('_.inc and _.mul change numbers; _.inc on a missing field starts from 0', async () => {
  const _ = emu.db.command;
  expect(await updated({ n: 1, m: 3 }, { n: _.inc(2), m: _.mul(4), fresh: _.inc(5) })).toEqual({
    n: 3,
    m: 12,
    fresh: 5,
  });
});

test('_.inc on a string fails with DATABASE_REQUEST_FAILED and changes nothing', async () => {
  const { id } = await emu.db.collection('accounts').add({ n: 'one' });
  const err = await rejectionOf(() =>
    emu.db
      .collection('accounts')
      .doc(id as string)
      .update({ n: emu.db.command.inc(1) }),
  );
  expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  expect(err.message).toMatch(/non-numeric/);
  expect(
    (
      await emu.db
        .collection('accounts')
        .doc(id as string)
        .get()
    ).data[0].n,
  ).toBe('one');
});

test('_.push appends (several values, or at a position), _.unshift prepends, _.pop/_.shift remove ends', async () => {
  const _ = emu.db.command;
  expect(await updated({ a: [1] }, { a: _.push([2, 3]) })).toEqual({ a: [1, 2, 3] });
  expect(await updated({ a: [1, 2] }, { a: _.push({ each: [9], position: 1 }) })).toEqual({ a: [1, 9, 2] });
  expect(await updated({ a: [5, 1] }, { a: _.push({ each: [3], sort: 1, slice: 2 }) })).toEqual({ a: [1, 3] });
  expect(await updated({ a: [1] }, { a: _.unshift([0]) })).toEqual({ a: [0, 1] });
  expect(await updated({ a: [1, 2, 3], b: [1, 2, 3] }, { a: _.pop(), b: _.shift() })).toEqual({ a: [1, 2], b: [2, 3] });
  expect(await updated({}, { a: _.push(['x']) })).toEqual({ a: ['x'] });
});

test('_.pull removes by value or condition, _.pullAll by values, _.addToSet adds once', async () => {
  const _ = emu.db.command;
  expect(await updated({ a: [1, 5, 7, 5] }, { a: _.pull(5) })).toEqual({ a: [1, 7] });
  expect(await updated({ a: [1, 5, 7] }, { a: _.pull(_.gt(4)) })).toEqual({ a: [1] });
  expect(await updated({ a: [1, 2, 3] }, { a: _.pullAll([1, 3]) })).toEqual({ a: [2] });
  expect(await updated({ a: ['x'] }, { a: _.addToSet('x') })).toEqual({ a: ['x'] });
  expect(await updated({ a: ['x'] }, { a: _.addToSet({ $each: ['x', 'y'] }) })).toEqual({ a: ['x', 'y'] });
});

test('_.remove() unsets, _.rename moves, _.max/_.min keep the larger/smaller', async () => {
  const _ = emu.db.command;
  expect(await updated({ a: 1, b: 2 }, { a: _.remove() })).toEqual({ b: 2 });
  expect(await updated({ a: 1 }, { a: _.rename('z') })).toEqual({ z: 1 });
  expect(await updated({ hi: 5, lo: 5 }, { hi: _.max(9), lo: _.min(2) })).toEqual({ hi: 9, lo: 2 });
  expect(await updated({ hi: 5, lo: 5 }, { hi: _.max(1), lo: _.min(8) })).toEqual({ hi: 5, lo: 5 });
});

test('a nested object in update() merges field by field; _.set({...}) replaces the sub-object', async () => {
  const _ = emu.db.command;
  const initial = { profile: { nick: 'n', city: 'c' } };
  expect(await updated(initial, { profile: { nick: 'm' } })).toEqual({ profile: { nick: 'm', city: 'c' } });
  expect(await updated(initial, { profile: _.set({ nick: 'm' }) })).toEqual({ profile: { nick: 'm' } });
  expect(await updated({}, { 'deep.er.path': 1 })).toEqual({ deep: { er: { path: 1 } } });
});

test('several operators in one update apply together', async () => {
  const _ = emu.db.command;
  expect(
    await updated(
      { n: 1, tags: [], gone: true },
      { n: _.inc(1), tags: _.push(['a']), gone: _.remove(), at: new Date(0) },
    ),
  ).toEqual({
    n: 2,
    tags: ['a'],
    at: new Date(0),
  });
});

test('where().update() with operators touches only matches', async () => {
  const _ = emu.db.command;
  await emu.db.collection('logs').add([
    { k: 'u', n: 1 },
    { k: 'u', n: 2 },
    { k: 'v', n: 3 },
  ]);
  const res = await emu.db
    .collection('logs')
    .where({ k: 'u' })
    .update({ n: _.inc(10) });
  expect(res.updated).toBe(2);
  const { data } = await emu.db.collection('logs').orderBy('n', 'asc').get();
  expect(data.map((d: { n: number }) => d.n)).toEqual([3, 11, 12]);
});

test('updating _id is refused', async () => {
  const reply = await emu.database.execute({
    action: 'database.modifyDocument',
    collectionName: 'accounts',
    queryType: 'DOC',
    query: '{"_id":"x"}',
    data: '{"$set":{"_id":"y"}}',
    merge: true,
  });
  expect(reply.code).toBe('DATABASE_REQUEST_FAILED');
});
