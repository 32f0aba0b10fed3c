/** Unique indexes as the real service enforces them: E11000, missing field = null, all-or-nothing writes. */
import { rejectionOf, startEmulator, type Emulator } from './helpers';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());
beforeEach(async () => {
  await emu.db.collection('people').where({}).remove();
  await emu.db.collection('pairs').where({}).remove();
});

test('a second document with the same unique key fails with DATABASE_REQUEST_FAILED / E11000', async () => {
  await emu.db.collection('people').add({ email: 'a@x' });
  const err = await rejectionOf(() => emu.db.collection('people').add({ email: 'a@x' }));
  expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  expect(err.message).toMatch(/^E11000 duplicate key error/);
  expect(err.message).toContain('index: email_unique');
  expect(err.message).toContain('dup key: { email: "a@x" }');
  expect((await emu.db.collection('people').count()).total).toBe(1);
});

test('a missing field counts as null: only one document may lack it', async () => {
  await emu.db.collection('people').add({ name: 'no email' });
  const err = await rejectionOf(() => emu.db.collection('people').add({ name: 'no email either' }));
  expect(err.message).toMatch(/^E11000 duplicate key error.*dup key: \{ email: null \}/);
  const explicitNull = await rejectionOf(() => emu.db.collection('people').add({ email: null }));
  expect(explicitNull.code).toBe('DATABASE_REQUEST_FAILED');
});

test('values of different types are different keys', async () => {
  await emu.db.collection('people').add([{ email: '1' }, { email: 1 }, { email: true }]);
  expect((await emu.db.collection('people').count()).total).toBe(3);
});

test('compound unique index: the combination must be unique, not each field', async () => {
  await emu.db.collection('pairs').add([{ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 2, b: 1 }, { a: 1 }]);
  const dup = await rejectionOf(() => emu.db.collection('pairs').add({ a: 1, b: 2 }));
  expect(dup.message).toMatch(/^E11000 .*index: a_b_unique dup key: \{ a: 1, b: 2 \}/);
  const dupMissing = await rejectionOf(() => emu.db.collection('pairs').add({ a: 1, b: null }));
  expect(dupMissing.code).toBe('DATABASE_REQUEST_FAILED');
});

test('a failed multi-insert writes nothing', async () => {
  await emu.db.collection('people').add({ email: 'taken@x' });
  const err = await rejectionOf(() =>
    emu.db.collection('people').add([{ email: 'new1@x' }, { email: 'taken@x' }, { email: 'new2@x' }]),
  );
  expect(err.message).toMatch(/^E11000/);
  expect((await emu.db.collection('people').count()).total).toBe(1);
});

test('a duplicate inside the same batch fails the whole batch', async () => {
  const err = await rejectionOf(() => emu.db.collection('people').add([{ email: 'same@x' }, { email: 'same@x' }]));
  expect(err.code).toBe('DATABASE_REQUEST_FAILED');
  expect((await emu.db.collection('people').count()).total).toBe(0);
});

test('a duplicate _id is an E11000 on the _id_ index', async () => {
  await emu.db.collection('people').add({ _id: 'p1', email: 'p1@x' });
  const err = await rejectionOf(() => emu.db.collection('people').add({ _id: 'p1', email: 'other@x' }));
  expect(err.message).toMatch(
    /^E11000 duplicate key error collection: test-env\.people index: _id_ dup key: \{ _id: "p1" \}/,
  );
});

test('an update or set that would duplicate a key fails and leaves the document unchanged', async () => {
  await emu.db.collection('people').add([
    { _id: 'u0', name: 'has no email' },
    { _id: 'u1', email: 'u1@x' },
    { _id: 'u2', email: 'u2@x' },
  ]);
  const viaUpdate = await rejectionOf(() => emu.db.collection('people').doc('u2').update({ email: 'u1@x' }));
  expect(viaUpdate.message).toMatch(/^E11000/);
  const viaSet = await rejectionOf(() => emu.db.collection('people').doc('u2').set({ name: 'lost email' }));
  expect(viaSet.message).toMatch(/^E11000 .*dup key: \{ email: null \}/); // u0 already lacks an email
  expect((await emu.db.collection('people').doc('u2').get()).data[0].email).toBe('u2@x');
});

test('a where().update() that would duplicate a key fails as a whole', async () => {
  await emu.db.collection('people').add([
    { email: 'w1@x', team: 't' },
    { email: 'w2@x', team: 't' },
  ]);
  const err = await rejectionOf(() => emu.db.collection('people').where({ team: 't' }).update({ email: 'same@x' }));
  expect(err.message).toMatch(/^E11000/);
  const { data } = await emu.db.collection('people').orderBy('email', 'asc').get();
  expect(data.map((d: { email: string }) => d.email)).toEqual(['w1@x', 'w2@x']);
});

test('freeing a key (remove) lets it be used again', async () => {
  const { id } = await emu.db.collection('people').add({ email: 'reuse@x' });
  await emu.db
    .collection('people')
    .doc(id as string)
    .remove();
  await expect(emu.db.collection('people').add({ email: 'reuse@x' })).resolves.toHaveProperty('id');
});
