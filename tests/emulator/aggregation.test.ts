/** aggregate()…end(): stages as {stageKey, stageValue EJSON}, evaluated with Mongo semantics. */
import { rejectionOf, startEmulator, type Emulator } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
  await emu.db.collection('people').add([
    { _id: 'p1', name: 'ann', team: 'red', age: 30, email: 'a' },
    { _id: 'p2', name: 'bob', team: 'red', age: 40, email: 'b' },
    { _id: 'p3', name: 'cat', team: 'blue', age: 20, email: 'c' },
    { _id: 'p4', name: 'dan', team: 'blue', age: 60, email: 'd' },
    { _id: 'p5', name: 'eve', team: 'green', age: 35, email: 'e' },
  ]);
  await emu.db.collection('logs').add([
    { person: 'p1', fen: 100, at: new Date('2024-01-05T00:00:00Z') },
    { person: 'p1', fen: 250, at: new Date('2024-02-05T00:00:00Z') },
    { person: 'p3', fen: 75, at: new Date('2024-02-07T00:00:00Z') },
  ]);
});
afterAll(async () => emu.close());

test('$match, $group with $sum/$avg, $sort, $limit', async () => {
  const $ = emu.db.command.aggregate;
  const { data } = await emu.db
    .collection('people')
    .aggregate()
    .match({ age: emu.db.command.gte(25) })
    .group({ _id: '$team', count: $.sum(1), avgAge: $.avg('$age') })
    .sort({ count: -1, _id: 1 })
    .limit(2)
    .end();
  expect(data).toEqual([
    { _id: 'red', count: 2, avgAge: 35 },
    { _id: 'blue', count: 1, avgAge: 60 },
  ]);
});

test('$lookup joins another collection; $unwind, $project, $addFields', async () => {
  const $ = emu.db.command.aggregate;
  const { data } = await emu.db
    .collection('people')
    .aggregate()
    .match({ team: emu.db.command.in(['red', 'blue']) })
    .lookup({ from: 'logs', localField: '_id', foreignField: 'person', as: 'payments' })
    .addFields({ paid: $.sum('$payments.fen') })
    .project({ _id: 0, name: 1, paid: 1 })
    .sort({ paid: -1, name: 1 })
    .end();
  expect(data).toEqual([
    { name: 'ann', paid: 350 },
    { name: 'cat', paid: 75 },
    { name: 'bob', paid: 0 },
    { name: 'dan', paid: 0 },
  ]);
  const unwound = await emu.db
    .collection('logs')
    .aggregate()
    .lookup({ from: 'people', localField: 'person', foreignField: '_id', as: 'who' })
    .unwind('$who')
    .project({ _id: 0, fen: 1, name: '$who.name' })
    .sort({ fen: 1 })
    .end();
  expect(unwound.data).toEqual([
    { fen: 75, name: 'cat' },
    { fen: 100, name: 'ann' },
    { fen: 250, name: 'ann' },
  ]);
});

test('$count, $skip, and dates in $match and $group keys', async () => {
  const $ = emu.db.command.aggregate;
  const counted = await emu.db.collection('people').aggregate().match({ team: 'red' }).count('n').end();
  expect(counted.data).toEqual([{ n: 2 }]);
  const skipped = await emu.db
    .collection('people')
    .aggregate()
    .sort({ age: 1 })
    .skip(3)
    .project({ _id: 0, name: 1 })
    .end();
  expect(skipped.data).toEqual([{ name: 'bob' }, { name: 'dan' }]); // ages 20, 30, 35 | 40, 60
  const byMonth = await emu.db
    .collection('logs')
    .aggregate()
    .match({ at: emu.db.command.gte(new Date('2024-02-01T00:00:00Z')) })
    .group({ _id: $.month('$at'), total: $.sum('$fen') })
    .end();
  expect(byMonth.data).toEqual([{ _id: 2, total: 325 }]);
});

test('an empty pipeline returns every document, without the 100-document read limit', async () => {
  await emu.db.collection('accounts').add(Array.from({ length: 150 }, (_, i) => ({ i })));
  const { data } = await emu.db.collection('accounts').aggregate().end();
  expect(data).toHaveLength(150);
});

test('an invalid stage fails with DATABASE_REQUEST_FAILED', async () => {
  const reply = await emu.database.execute({
    action: 'database.aggregateDocuments',
    collectionName: 'people',
    stages: [{ stageKey: '$nonsense', stageValue: '{}' }],
  });
  expect(reply.code).toBe('DATABASE_REQUEST_FAILED');
  const out = await rejectionOf(async () => {
    const res = await emu.database.execute({
      action: 'database.aggregateDocuments',
      collectionName: 'people',
      stages: [{ stageKey: '$out', stageValue: '"x"' }],
    });
    if (res.code) throw res;
  });
  expect(out.code).toBe('DATABASE_REQUEST_FAILED');
});
