/**
 * Review queues page by keyset (sort key + `_id`): deciding items between two pages neither hides
 * nor repeats the rest, which offset paging did (6 made, 3 loaded, 2 decided: 2 never shown).
 * A branch list's page reads about `limit + 1` documents, not the whole branch.
 */
import * as tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../database/collections';
import type { ClaimDetail, MemberRow, Page, PendingBaseRow, RosterRow } from '../../typings';
import { monthsAgo, aMemberWhoOwesHere } from '../helpers/dues';
import { expectOk, type TestCloud } from '../helpers/local-cloud';
import { anActiveMember, startPointsCloud, today } from '../helpers/points';
import { aRegistration } from '../helpers/registration';
import { membersIn, published } from '../helpers/sessions';

jest.setTimeout(120_000);

let t: TestCloud;
let app: ReturnType<typeof tcb.init>;
beforeAll(async () => {
  t = await startPointsCloud();
  app = tcb.init({ env: t.cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: t.cloud.adminUrl });
});
afterAll(() => t.close());

/**
 * The scenario every queue must survive: six of ours in the queue; page (limit 3) until three of
 * ours are on screen; decide two of those; then load more to the end. Every undecided one of ours
 * must have been shown, exactly once.
 */
async function decideSomeThenLoadMore<T>(options: {
  ours: string[];
  idOf: (row: T) => string;
  load: (cursor: string | undefined) => Promise<Page<T>>;
  decide: (id: string) => Promise<void>;
}) {
  const ours = new Set(options.ours);
  const shown: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  const loadPage = async () => {
    const page = await options.load(cursor);
    shown.push(...page.items.map(options.idOf));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
    return page.nextCursor !== null;
  };
  let more = true;
  while (more && shown.filter((id) => ours.has(id)).length < 3 && pages < 50) more = await loadPage();
  const decided = shown.filter((id) => ours.has(id)).slice(0, 2);
  expect(decided).toHaveLength(2);
  for (const id of decided) await options.decide(id);
  while (more && pages < 50) more = await loadPage();
  const undecided = options.ours.filter((id) => !decided.includes(id));
  expect(undecided.filter((id) => !shown.includes(id))).toEqual([]);
  expect(new Set(shown).size).toBe(shown.length);
}

describe('decide some, then load more', () => {
  it('pending registrations: assigning two between pages hides none of the rest', async () => {
    const ours: string[] = [];
    for (let i = 0; i < 6; i++) {
      const me = expectOk((await t.call('member', 'register', aRegistration(), `o-page-reg-${i}`)).reply);
      ours.push(me.memberId);
    }
    await decideSomeThenLoadMore({
      ours,
      idOf: (r: MemberRow) => r.memberId,
      load: async (cursor) =>
        expectOk(
          (await t.call('member', 'pendingQueue', { limit: 3, ...(cursor ? { cursor } : {}) }, 'demo-secretary')).reply,
        ),
      decide: async (memberId) => {
        expectOk(
          (await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply,
        );
      },
    });
  });

  it('pending claims: approving two between pages hides none of the rest', async () => {
    const ours: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { openid, memberId } = await anActiveMember(t);
      const { fileID } = await app.uploadFile({
        cloudPath: `points-evidence/${memberId}/paging-${i}.jpg`,
        fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xe0, i, 0xff, 0xd9]),
      });
      const claim = expectOk(
        (
          await t.call(
            'points',
            'submitClaim',
            {
              ruleCode: 'volunteer.hour',
              occurredOn: today(),
              quantity: 2,
              description: `社区志愿服务，翻页测试 ${i}`,
              photos: [fileID],
            },
            openid,
          )
        ).reply,
      );
      ours.push(claim.claimId);
    }
    await decideSomeThenLoadMore({
      ours,
      idOf: (c: ClaimDetail) => c.claimId,
      load: async (cursor) =>
        expectOk(
          (await t.call('points', 'pendingClaims', { limit: 3, ...(cursor ? { cursor } : {}) }, 'demo-secretary'))
            .reply,
        ),
      decide: async (claimId) => {
        expectOk((await t.call('points', 'approveClaim', { claimId, note: '情况属实' }, 'demo-secretary')).reply);
      },
    });
  });

  it('pending bases (dues): confirming two between pages hides none of the rest', async () => {
    const branchId = 'xm-huli-mobile';
    const declarations = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      const who = await aMemberWhoOwesHere(t, { branchId, name: `基数${i}` });
      const declared = expectOk(
        (
          await t.call(
            'dues',
            'declareBase',
            { category: 'salaried', baseFen: 400_000 + i * 10_000, note: '', effectiveMonth: monthsAgo(1) },
            who.openid,
          )
        ).reply,
      );
      declarations.set(who.memberId, declared.profile!.pending!.id);
    }
    await decideSomeThenLoadMore({
      ours: [...declarations.keys()],
      idOf: (r: PendingBaseRow) => r.memberId,
      load: async (cursor) =>
        expectOk(
          (
            await t.call(
              'dues',
              'pendingBases',
              { branchId, limit: 3, ...(cursor ? { cursor } : {}) },
              'demo-secretary-huli',
            )
          ).reply,
        ),
      decide: async (memberId) => {
        const declarationId = declarations.get(memberId)!;
        expectOk(
          (await t.call('dues', 'reviewBase', { memberId, declarationId, decision: 'confirm' }, 'demo-secretary-huli'))
            .reply,
        );
      },
    });
  });

  it('rosters (sessions): marking two attended between pages of the signed-up hides none of the rest', async () => {
    const people = await membersIn(t, 6);
    const s = await published(
      t,
      {
        kind: 'lecture',
        audience: { type: 'subtree', orgId: 'xm-siming' },
        capacity: 50,
      },
      'demo-admin',
    );
    for (const p of people) expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, p.openid)).reply);
    // Signed up beforehand; now it is under way, when attendance can be marked by hand.
    await t.db
      .collection(COLLECTIONS.sessions)
      .doc(s.sessionId)
      .update({ startAt: new Date(Date.now() - 10 * 60_000), endAt: new Date(Date.now() + 80 * 60_000) });
    await decideSomeThenLoadMore({
      ours: people.map((p) => p.memberId),
      idOf: (r: RosterRow) => r.memberId,
      load: async (cursor) =>
        expectOk(
          (
            await t.call(
              'sessions',
              'roster',
              { sessionId: s.sessionId, status: 'signed_up', limit: 3, ...(cursor ? { cursor } : {}) },
              'demo-admin',
            )
          ).reply,
        ).rows,
      decide: async (memberId) => {
        expectOk(
          (
            await t.call(
              'sessions',
              'mark',
              { sessionId: s.sessionId, memberId, status: 'attended', reason: '现场核对签到表' },
              'demo-admin',
            )
          ).reply,
        );
      },
    });
  });
});

describe('a branch list page', () => {
  const branchId = 'xm-huli-mobile';
  beforeAll(async () => {
    await membersIn(t, 300, { branchId });
  });

  it('reads about limit + 1 documents, on page 1 and deeper, through the covering index', async () => {
    const read = async (input: { state?: 'active'; cursor?: string }) => {
      const page = expectOk(
        (await t.call('member', 'branchMembers', { branchId, limit: 20, ...input }, 'demo-secretary-huli')).reply,
      );
      return { page, trace: t.cloud.database.stats().lastQuery! };
    };
    const first = await read({ state: 'active' });
    expect(first.page.items).toHaveLength(20);
    expect(first.trace).toMatchObject({ index: 'branch_state_name_id', orderedByIndex: true, returned: 21 });
    expect(first.trace.decoded).toBeLessThanOrEqual(21);
    const second = await read({ state: 'active', cursor: first.page.nextCursor! });
    expect(second.page.items[0]!.name >= first.page.items[19]!.name).toBe(true);
    expect(second.page.items.map((r) => r.memberId)).not.toContain(first.page.items[19]!.memberId);
    expect(second.trace.decoded).toBeLessThanOrEqual(22);
    const all = await read({});
    expect(all.trace).toMatchObject({ index: 'branch_name_id', orderedByIndex: true });
    expect(all.trace.decoded).toBeLessThanOrEqual(21);
  });
});

describe('a bad cursor', () => {
  it('is INVALID_ARGUMENT with a Chinese message: malformed, not ours, or from another list', async () => {
    const fromQueue = expectOk((await t.call('member', 'pendingQueue', { limit: 1 }, 'demo-super')).reply).nextCursor;
    expect(fromQueue).toEqual(expect.any(String));
    const bad = ['20', 'not a cursor!', Buffer.from('{"x":1}').toString('base64url'), fromQueue!];
    for (const cursor of bad) {
      const reply = await t.callRaw(
        'member',
        { action: 'branchMembers', branchId: 'xm-huli-mobile', cursor },
        'demo-secretary-huli',
      );
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/翻页位置/) },
      });
    }
  });
});
