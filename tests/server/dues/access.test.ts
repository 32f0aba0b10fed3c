/**
 * Every action × role, in and out of scope, and bad input: refused with a code, nothing written.
 * The member of these tests is in 思明区流动党员党支部: its secretary and the 思明区 administrator
 * may act; 湖里区's secretary and plain members may not.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import type { ActionInput, ActionName } from '../../../typings/api';
import { aConfirmedBase, aMemberWhoOwesHere, monthsAgo, thisMonth, type DuesPerson } from '../../helpers/dues';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

const BRANCH = 'xm-siming-mobile';
type DuesAction = ActionName<'dues'>;

async function owing(): Promise<DuesPerson> {
  const who = await aMemberWhoOwesHere(t, { since: monthsAgo(1) });
  await aConfirmedBase(t, who, { effectiveMonth: monthsAgo(1) });
  return who;
}

let receipt = 0;
/** Each secretary action with a fresh subject to act on (so an allowed call has something to do). */
const SECRETARY_ACTIONS: { [A in DuesAction]?: () => Promise<ActionInput<'dues', A>> } = {
  pendingBases: async () => ({ branchId: BRANCH }),
  memberDues: async () => ({ memberId: (await owing()).memberId }),
  reviewBase: async () => {
    const who = await aMemberWhoOwesHere(t);
    const page = expectOk(
      (await t.call('dues', 'declareBase', { category: 'student', note: '', effectiveMonth: thisMonth() }, who.openid))
        .reply,
    );
    return { memberId: who.memberId, declarationId: page.profile!.pending!.id, decision: 'confirm' };
  },
  setRelief: async () => ({
    memberId: (await owing()).memberId,
    kind: 'waive',
    fromMonth: thisMonth(),
    reason: '家庭困难',
    approvedBy: '思明区委组织部',
  }),
  branchBoard: async () => ({ branchId: BRANCH }),
  collectionList: async () => ({ branchId: BRANCH, month: thisMonth() }),
  summary: async () => ({ nodeId: BRANCH, month: thisMonth() }),
  generateMonth: async () => ({ branchId: BRANCH }),
  recordOffline: async () => ({
    memberId: (await owing()).memberId,
    months: [monthsAgo(1)],
    channel: 'cash',
    receiptNo: `ACC-${++receipt}`,
    totalFen: 4_000,
    paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
  }),
  reverseOffline: async () => {
    const who = await owing();
    const r = expectOk(
      (
        await t.call(
          'dues',
          'recordOffline',
          {
            memberId: who.memberId,
            months: [monthsAgo(1)],
            channel: 'cash',
            receiptNo: `ACC-${++receipt}`,
            totalFen: 4_000,
            paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          },
          'demo-super',
        )
      ).reply,
    );
    return { paymentId: r.paymentId, reason: '录入错误' };
  },
};

const ALLOWED = ['demo-secretary', 'demo-admin', 'demo-super'];
const REFUSED = ['demo-member', 'demo-secretary-huli'];

describe.each(Object.keys(SECRETARY_ACTIONS) as DuesAction[])('%s', (action) => {
  const arrange = SECRETARY_ACTIONS[action] as () => Promise<ActionInput<'dues', typeof action>>;

  it.each(ALLOWED)('is done for %s', async (openid) => {
    const { reply } = await t.call('dues', action, await arrange(), openid);
    expect(reply.ok ? 'ok' : reply.error).toBe('ok');
  });

  it.each(REFUSED)('is refused to %s, and writes nothing', async (openid) => {
    const input = await arrange();
    const before = await snapshot();
    const { reply } = await t.call('dues', action, input, openid);
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await snapshot()).toEqual(before);
  });
});

/** Counts of everything the dues area (and the audit log) writes. */
async function snapshot(): Promise<Record<string, number>> {
  const names = [
    COLLECTIONS.duesProfiles,
    COLLECTIONS.duesMonths,
    COLLECTIONS.duesOrders,
    COLLECTIONS.duesPayments,
    COLLECTIONS.duesPayLog,
    COLLECTIONS.auditLog,
  ];
  const counts = await Promise.all(names.map((n) => t.db.collection(n).count()));
  const paid = await t.db.collection(COLLECTIONS.duesMonths).where({ state: 'paid' }).count();
  const pending = await t.db.collection(COLLECTIONS.duesProfiles).where({ hasPending: true }).count();
  return Object.fromEntries([
    ...names.map((n, i) => [n, counts[i]!.total]),
    ['paid months', paid.total],
    ['pending declarations', pending.total],
  ]);
}

describe('every action needs a WeChat caller', () => {
  it.each([
    'quote',
    'myDues',
    'declareBase',
    'pay',
    'orderStatus',
    'cancelPayment',
    'myReceipts',
    ...Object.keys(SECRETARY_ACTIONS),
  ])('%s without one is UNAUTHENTICATED', async (action) => {
    const reply = await t.callRaw('dues', { action });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('bad input is refused before anything is read or written', () => {
  const cases: [DuesAction, Record<string, unknown>, string][] = [
    ['quote', { category: 'salaried', baseFen: '4000' }, 'baseFen'],
    ['declareBase', { category: 'salaried', baseFen: 300_000, note: 'x', effectiveMonth: '2026/05' }, 'effectiveMonth'],
    [
      'declareBase',
      { category: 'salaried', baseFen: 300_000, note: 'x'.repeat(201), effectiveMonth: thisMonth() },
      'note',
    ],
    ['pay', { months: 'all' }, 'months'],
    ['pay', { months: [thisMonth(), 5] }, 'months.1'],
    ['orderStatus', { orderId: '../../etc' }, 'orderId'],
    ['myReceipts', { limit: 1000 }, 'limit'],
    ['pendingBases', { branchId: '' }, 'branchId'],
    ['reviewBase', { memberId: 'm', declarationId: 'x1', decision: 'confirm' }, 'declarationId'],
    ['reviewBase', { memberId: 'm', declarationId: 'd1', decision: 'maybe' }, 'decision'],
    [
      'setRelief',
      { memberId: 'm', kind: 'forgive', fromMonth: thisMonth(), reason: '困难', approvedBy: '区委' },
      'kind',
    ],
    ['collectionList', { branchId: BRANCH, month: '202611' }, 'month'],
    ['summary', { nodeId: BRANCH }, 'month'],
    [
      'recordOffline',
      {
        memberId: 'm',
        months: [thisMonth()],
        channel: 'cash',
        receiptNo: '收据一',
        totalFen: 4000,
        paidOn: '2026-11-01',
      },
      'receiptNo',
    ],
    [
      'recordOffline',
      {
        memberId: 'm',
        months: [thisMonth()],
        channel: 'cheque',
        receiptNo: 'R1',
        totalFen: 4000,
        paidOn: '2026-11-01',
      },
      'channel',
    ],
    [
      'recordOffline',
      { memberId: 'm', months: [thisMonth()], channel: 'cash', receiptNo: 'R1', totalFen: 40.5, paidOn: '2026-11-01' },
      'totalFen',
    ],
    ['reverseOffline', { paymentId: 'p', reason: '' }, 'reason'],
    ['generateMonth', { branchId: BRANCH, month: 'next' }, 'month'],
  ];

  it.each(cases)('%s %j → INVALID_ARGUMENT on %s', async (action, input, field) => {
    const before = await snapshot();
    const reply = await t.callRaw('dues', { action, ...input }, 'demo-super');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (field) expect(!reply.ok && reply.error.field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown action is refused', async () => {
    const reply = await t.callRaw('dues', { action: 'payEverything' }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'action' } });
  });
});

describe('a member acts on their own dues only', () => {
  it('someone not registered can look but not declare or pay', async () => {
    const page = expectOk((await t.call('dues', 'myDues', {}, 'o-nobody')).reply);
    expect(page.standing).toBe('not_registered');
    for (const [action, input] of [
      ['declareBase', { category: 'student', note: '', effectiveMonth: thisMonth() }],
      ['pay', { months: [thisMonth()] }],
    ] as const) {
      const { reply } = await t.call('dues', action, input as never, 'o-nobody');
      expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    }
    const receipts = expectOk((await t.call('dues', 'myReceipts', {}, 'o-nobody')).reply);
    expect(receipts).toEqual({ items: [], nextCursor: null });
  });
});
