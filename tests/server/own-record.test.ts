/**
 * A manager never acts on their own record: a secretary who is also a member of the branch cannot
 * confirm their own base, waive or record their own dues, mark their own attendance, award their own
 * points or change their own standing. Another manager can; the refusal changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../database/collections';
import { seedPointsRules } from '../../emulator/seed/points-rules';
import { thisMonth, monthsAgo } from '../helpers/dues';
import { grantByInvitation } from '../helpers/grants';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { aRegistration } from '../helpers/registration';
import { aSession, inMinutes } from '../helpers/sessions';

let t: TestCloud;
const SELF = 'o-secretary-who-is-a-member';
let memberId = '';
let colleague = '';

beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
  // The secretary registers as a member of their own branch, and is appointed secretary there.
  memberId = expectOk((await t.call('member', 'register', aRegistration({ name: '林书记' }), SELF)).reply).memberId;
  expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-super')).reply);
  await grantByInvitation(t, { to: SELF, role: 'secretary', scopeId: 'xm-siming-mobile' });
  const other = 'o-own-record-colleague';
  colleague = expectOk((await t.call('member', 'register', aRegistration({ name: '陈委员' }), other)).reply).memberId;
  expectOk(
    (await t.call('member', 'assign', { memberId: colleague, branchId: 'xm-siming-mobile' }, 'demo-super')).reply,
  );
});
afterAll(() => t.close());

/** Counts of what the refused actions would write. */
async function snapshot() {
  const names = [
    COLLECTIONS.members,
    COLLECTIONS.duesProfiles,
    COLLECTIONS.duesMonths,
    COLLECTIONS.duesPayments,
    COLLECTIONS.sessionAttendance,
    COLLECTIONS.pointsLedger,
    COLLECTIONS.auditLog,
  ];
  const counts = await Promise.all(names.map((n) => t.db.collection(n).count()));
  const me = (await t.db.collection(COLLECTIONS.members).doc(memberId).get()).data[0] as object;
  const dues = (await t.db.collection(COLLECTIONS.duesProfiles).doc(memberId).get()).data[0] ?? null;
  return { counts: counts.map((c) => c.total), me, dues };
}

async function expectRefused(call: Promise<{ reply: unknown }>, words: string) {
  const before = await snapshot();
  const { reply } = await call;
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'PERMISSION_DENIED', message: expect.stringContaining(words) },
  });
  expect(await snapshot()).toEqual(before);
}

async function declareBase(openid: string) {
  const declared = expectOk(
    (
      await t.call(
        'dues',
        'declareBase',
        { category: 'salaried', baseFen: 400_000, note: '', effectiveMonth: monthsAgo(2) },
        openid,
      )
    ).reply,
  );
  return declared.profile!.pending!.id;
}

describe('dues', () => {
  it('the secretary cannot confirm their own base; a colleague up the line can', async () => {
    const declarationId = await declareBase(SELF);
    const input = { memberId, declarationId, decision: 'confirm' as const };
    await expectRefused(t.call('dues', 'reviewBase', input, SELF), '本人');
    expectOk((await t.call('dues', 'reviewBase', input, 'demo-admin')).reply);
  });

  it('nor waive their own dues, record their own cash, or reverse a receipt of their own', async () => {
    const relief = {
      memberId,
      kind: 'waive' as const,
      fromMonth: thisMonth(),
      reason: '本人生活困难',
      approvedBy: '思明区委组织部',
    };
    await expectRefused(t.call('dues', 'setRelief', relief, SELF), '本人');

    const view = expectOk((await t.call('dues', 'memberDues', { memberId }, 'demo-admin')).reply);
    const owed = view.months.filter((m) => m.state === 'due');
    expect(owed.length).toBeGreaterThan(0);
    const cash = {
      memberId,
      months: [owed[0]!.month],
      channel: 'cash' as const,
      receiptNo: 'OWN-1',
      totalFen: owed[0]!.amountFen,
      paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    };
    await expectRefused(t.call('dues', 'recordOffline', cash, SELF), '本人');
    const receipt = expectOk((await t.call('dues', 'recordOffline', cash, 'demo-admin')).reply);
    await expectRefused(
      t.call('dues', 'reverseOffline', { paymentId: receipt.paymentId, reason: '录错了' }, SELF),
      '本人',
    );
  });
});

describe('sessions and points', () => {
  it('the secretary cannot mark their own attendance, but marks a colleague’s', async () => {
    const session = expectOk(
      (
        await t.call(
          'sessions',
          'publish',
          { ...aSession({ startAt: inMinutes(5), endAt: inMinutes(125) }), requestId: randomUUID() },
          'demo-secretary',
        )
      ).reply,
    );
    const mark = (who: string) => ({
      sessionId: session.sessionId,
      memberId: who,
      status: 'attended' as const,
      reason: '现场签到',
    });
    await expectRefused(t.call('sessions', 'mark', mark(memberId), SELF), '本人');
    expectOk((await t.call('sessions', 'mark', mark(colleague), SELF)).reply);
  });

  it('nor award themselves points', async () => {
    const award = {
      memberId,
      ruleCode: 'suggestion.adopted',
      occurredOn: monthsAgo(0) + '-01',
      note: '本人的建议被采纳',
    };
    await expectRefused(t.call('points', 'award', award, SELF), '本人');
  });
});

describe('members', () => {
  it('the secretary cannot change their own standing, pair themselves, transfer or send back their own record', async () => {
    await expectRefused(
      t.call('member', 'changeState', { memberId, to: 'lost_contact', reason: '测试本人' }, SELF),
      '本人',
    );
    await expectRefused(t.call('member', 'pair', { memberId, contactMemberId: colleague }, SELF), '本人');
    await expectRefused(t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, SELF), '本人');
    await expectRefused(t.call('member', 'sendBack', { memberId, reason: '资料不全' }, SELF), '本人');
    // The same secretary pairs a colleague with themselves as the contact: that is their job.
    expectOk((await t.call('member', 'pair', { memberId: colleague, contactMemberId: memberId }, SELF)).reply);
  });

  it('no one grants a role to themselves: the administrator who made an invitation cannot accept it', async () => {
    const invitation = expectOk(
      (
        await t.call(
          'org',
          'createInvitation',
          { role: 'admin', scopeId: 'xm-siming-binhai', forName: '王建国' },
          'demo-admin',
        )
      ).reply,
    );
    const { reply } = await t.call('org', 'acceptInvitation', { code: invitation.code }, 'demo-admin');
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这是您发出的邀请，请发给要担任这个角色的人' },
    });
  });
});
