/** Query operators as the SDK's command builder encodes them, evaluated with Mongo semantics. */
import { startEmulator, type Emulator } from './helpers';

let emu: Emulator;
type Row = { name: string };
const names = (data: Row[]): string[] => data.map((d) => d.name).sort();

beforeAll(async () => {
  emu = await startEmulator();
  await emu.db.collection('people').add([
    {
      name: 'ann',
      email: 'ann@x',
      team: 'red',
      age: 30,
      profile: { city: 'xm', langs: ['zh', 'en'] },
      joined: new Date('2024-01-10T00:00:00Z'),
      scores: [3, 9],
    },
    {
      name: 'bob',
      email: 'bob@x',
      team: 'red',
      age: 41,
      profile: { city: 'fz', langs: ['zh'] },
      joined: new Date('2024-03-01T00:00:00Z'),
      scores: [5],
    },
    {
      name: 'cat',
      email: 'cat@x',
      team: 'blue',
      age: 25,
      profile: { city: 'xm' },
      joined: new Date('2023-12-31T00:00:00Z'),
      pets: [
        { kind: 'dog', age: 2 },
        { kind: 'cat', age: 7 },
      ],
    },
    {
      name: 'dan',
      email: 'dan@x',
      team: 'blue',
      age: 52,
      joined: new Date('2024-06-15T00:00:00Z'),
      pets: [{ kind: 'cat', age: 1 }],
    },
    { name: 'eve', team: 'green', age: null },
  ]);
});
afterAll(async () => emu.close());

async function find(query: object): Promise<string[]> {
  return names((await emu.db.collection('people').where(query).get()).data as Row[]);
}

test('comparison: _.gt, _.gte, _.lt, _.lte, _.eq, _.neq', async () => {
  const _ = emu.db.command;
  expect(await find({ age: _.gt(30) })).toEqual(['bob', 'dan']);
  expect(await find({ age: _.gte(30) })).toEqual(['ann', 'bob', 'dan']);
  expect(await find({ age: _.lt(30) })).toEqual(['cat']);
  expect(await find({ age: _.lte(30).and(_.gt(25)) })).toEqual(['ann']);
  expect(await find({ team: _.eq('red') })).toEqual(['ann', 'bob']);
  expect(await find({ team: _.neq('red') })).toEqual(['cat', 'dan', 'eve']);
});

test('sets: _.in, _.nin', async () => {
  const _ = emu.db.command;
  expect(await find({ team: _.in(['blue', 'green']) })).toEqual(['cat', 'dan', 'eve']);
  expect(await find({ team: _.nin(['blue', 'green']) })).toEqual(['ann', 'bob']);
  expect(await find({ age: _.in([25, 52, null]) })).toEqual(['cat', 'dan', 'eve']);
});

test('logic: _.and, _.or, _.nor', async () => {
  const _ = emu.db.command;
  expect(await find(_.or([{ team: 'green' }, { age: _.gt(50) }]))).toEqual(['dan', 'eve']);
  expect(await find(_.and([{ team: 'red' }, { age: _.lt(35) }]))).toEqual(['ann']);
  expect(await find({ team: 'blue', age: _.or(_.lt(26), _.gt(50)) })).toEqual(['cat', 'dan']);
  expect(await find(_.nor([{ team: 'red' }, { team: 'blue' }]))).toEqual(['eve']);
});

test('nested objects are matched by dot path, as the SDK flattens them', async () => {
  expect(await find({ profile: { city: 'xm' } })).toEqual(['ann', 'cat']);
  expect(await find({ 'profile.city': 'fz' })).toEqual(['bob']);
});

test('array fields: equality matches an element; dot paths reach into arrays of objects', async () => {
  const _ = emu.db.command;
  expect(await find({ 'profile.langs': 'en' })).toEqual(['ann']);
  expect(await find({ scores: _.gt(8) })).toEqual(['ann']);
  expect(await find({ 'pets.kind': 'cat' })).toEqual(['cat', 'dan']);
  expect(await find({ pets: _.elemMatch({ kind: 'cat', age: _.gt(5) }) })).toEqual(['cat']);
  expect(await find({ scores: _.all([3, 9]) })).toEqual(['ann']);
  expect(await find({ scores: _.size(1) })).toEqual(['bob']);
});

test('null and missing: {f: null} matches both; _.exists tells them apart', async () => {
  const _ = emu.db.command;
  expect(await find({ age: null })).toEqual(['eve']);
  expect(await find({ email: null })).toEqual(['eve']);
  expect(await find({ email: _.exists(false) })).toEqual(['eve']);
  expect(await find({ pets: _.exists(true) })).toEqual(['cat', 'dan']);
});

test('regular expressions: JS RegExp and db.RegExp', async () => {
  expect(await find({ name: /^[ab]/ })).toEqual(['ann', 'bob']);
  expect(await find({ email: emu.db.RegExp({ regexp: 'AN', options: 'i' }) })).toEqual(['ann', 'dan']);
});

test('dates compare as dates', async () => {
  const _ = emu.db.command;
  expect(
    await find({ joined: _.gte(new Date('2024-01-01T00:00:00Z')).and(_.lt(new Date('2024-04-01T00:00:00Z'))) }),
  ).toEqual(['ann', 'bob']);
});

test('orderBy on several fields, and missing fields sort first ascending', async () => {
  const { data } = await emu.db.collection('people').orderBy('team', 'asc').orderBy('age', 'desc').get();
  expect((data as Row[]).map((d) => d.name)).toEqual(['dan', 'cat', 'eve', 'bob', 'ann']);
  const byEmail = await emu.db.collection('people').orderBy('email', 'asc').get();
  expect((byEmail.data as Row[]).map((d) => d.name)).toEqual(['eve', 'ann', 'bob', 'cat', 'dan']);
});

test('orderBy a nested path and paging with skip', async () => {
  const page1 = await emu.db.collection('people').orderBy('joined', 'asc').limit(2).get();
  const page2 = await emu.db.collection('people').orderBy('joined', 'asc').skip(2).limit(2).get();
  expect([...(page1.data as Row[]), ...(page2.data as Row[])].map((d) => d.name)).toEqual(['eve', 'cat', 'ann', 'bob']);
});

test('count() takes the same query operators', async () => {
  const _ = emu.db.command;
  expect(
    (
      await emu.db
        .collection('people')
        .where({ team: _.in(['red', 'blue']), age: _.gte(30) })
        .count()
    ).total,
  ).toBe(3);
});

test('paging by _id ranges', async () => {
  const _ = emu.db.command;
  const ids: string[] = [];
  let last = '';
  for (;;) {
    const { data } = await emu.db
      .collection('people')
      .where({ _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .limit(2)
      .get();
    if (data.length === 0) break;
    ids.push(...data.map((d: { _id: string }) => d._id));
    last = ids[ids.length - 1]!;
  }
  expect(ids).toHaveLength(5);
  expect([...ids].sort()).toEqual(ids);
});
