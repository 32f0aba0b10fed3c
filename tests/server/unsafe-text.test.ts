/** Control and bidi-override characters are refused in every text field, with a coded error, and nothing is written. */
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../database/collections';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { aRegistration } from '../helpers/registration';
import { aSession } from '../helpers/sessions';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

const COLLECTIONS_WRITTEN = [
  COLLECTIONS.members,
  COLLECTIONS.sessions,
  COLLECTIONS.roles,
  COLLECTIONS.invitations,
  COLLECTIONS.orgs,
  COLLECTIONS.auditLog,
];
const counts = async () => Promise.all(COLLECTIONS_WRITTEN.map(async (c) => (await t.db.collection(c).count()).total));

describe.each([
  ['NUL', '\u0000'],
  ['right-to-left override', '\u202e'],
  ['left-to-right isolate', '\u2066'],
  ['escape', '\u001b'],
])('a %s character', (_name, bad) => {
  it.each([
    ['member', 'register', () => aRegistration({ name: `张${bad}三` }), 'o-unsafe-1', 'name'],
    [
      'sessions',
      'publish',
      () => ({ ...aSession({ title: `支部党员大会${bad}` }), requestId: randomUUID() }),
      'demo-secretary',
      'title',
    ],
    [
      'org',
      'createInvitation',
      () => ({ forName: `王${bad}五`, role: 'secretary', scopeId: 'xm-siming-mobile' }),
      'demo-admin',
      'forName',
    ],
    [
      'org',
      'addNode',
      () => ({ parentId: 'xm-siming-binhai', type: 'community', name: `演武${bad}社区` }),
      'demo-admin',
      'name',
    ],
  ] as const)('is refused in %s.%s', async (fn, action, input, who, field) => {
    const before = await counts();
    const reply = await t.callRaw(fn, { action, ...input() }, who);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field, message: expect.stringContaining('控制字符') },
    });
    expect(await counts()).toEqual(before);
  });
});

it('line breaks and tabs in a longer text are kept', async () => {
  const session = expectOk(
    (
      await t.call(
        'sessions',
        'publish',
        { ...aSession({ agenda: '一、学习\n二、讨论\t本季度工作' }), requestId: randomUUID() },
        'demo-secretary',
      )
    ).reply,
  );
  expect(session.agenda).toBe('一、学习\n二、讨论\t本季度工作');
});
