/** Signing up, cancelling and asking leave; places never exceed the capacity, however many ask at once. */
import { COLLECTIONS } from '../../../database/collections';
import { attendanceIdOf } from '../../../server/domain/sessions';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { inMinutes, membersIn, placesTaken, published, startSessionsCloud } from '../../helpers/sessions';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

const record = async (sessionId: string, memberId: string) =>
  (await t.db.collection(COLLECTIONS.sessionAttendance).doc(attendanceIdOf(sessionId, memberId)).get()).data[0];
const seats = (sessionId: string) => placesTaken(t, sessionId);

describe('signing up', () => {
  it('takes a place once; signing up again changes nothing', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { capacity: 3 });
    const first = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid);
    expect(expectOk(first.reply)).toMatchObject({ status: 'signed_up', seatsTaken: 1, capacity: 3 });
    // Member, session and its counters (in parallel), then the transaction: start, session, record
    // and one counter, two writes, commit.
    expect(first.roundTrips).toBe(10);
    const again = expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid)).reply);
    expect(again).toMatchObject({ status: 'signed_up', seatsTaken: 1 });
    expect(await seats(s.sessionId)).toBe(1);
    expect(await record(s.sessionId, m!.memberId)).toMatchObject({
      status: 'signed_up',
      seatShard: expect.any(Number),
      memberName: expect.any(String),
    });
    const detail = expectOk((await t.call('sessions', 'detail', { sessionId: s.sessionId }, m!.openid)).reply);
    expect(detail).toMatchObject({ myStatus: 'signed_up', canSignUp: false, canCancelSignUp: true, canAskLeave: true });
  });

  it('never goes over the capacity when many sign up at once, and loses no one below it', async () => {
    const members = await membersIn(t, 30);
    const s = await published(t, { kind: 'volunteer', title: '名额有限的志愿服务', serviceHours: 2, capacity: 12 });
    const replies = await Promise.all(
      members.map((m) => t.call('sessions', 'signUp', { sessionId: s.sessionId }, m.openid)),
    );
    const ok = replies.filter((r) => r.reply.ok);
    const full = replies.filter((r) => !r.reply.ok);
    expect(ok).toHaveLength(12);
    expect(full.every((r) => !r.reply.ok && r.reply.error.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(full.every((r) => !r.reply.ok && r.reply.error.message.includes('名额已满'))).toBe(true);
    expect(await seats(s.sessionId)).toBe(12);
    const signed = await t.db
      .collection(COLLECTIONS.sessionAttendance)
      .where({ sessionId: s.sessionId, status: 'signed_up' })
      .count();
    expect(signed.total).toBe(12);
  });

  it('takes everyone when the capacity suffices, even all at once', async () => {
    const members = await membersIn(t, 20);
    const s = await published(t, { capacity: 20 });
    const replies = await Promise.all(
      members.map((m) => t.call('sessions', 'signUp', { sessionId: s.sessionId }, m.openid)),
    );
    expect(replies.filter((r) => r.reply.ok)).toHaveLength(20);
    expect(await seats(s.sessionId)).toBe(20);
  });

  it('gives a freed place to the next person', async () => {
    const [a, b] = await membersIn(t, 2);
    const s = await published(t, { capacity: 1 });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, a!.openid)).reply);
    const refused = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, b!.openid);
    expect(refused.reply).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } });
    expect(
      expectOk((await t.call('sessions', 'cancelSignUp', { sessionId: s.sessionId }, a!.openid)).reply),
    ).toMatchObject({
      status: 'cancelled',
      seatsTaken: 0,
    });
    expect(expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, b!.openid)).reply).seatsTaken).toBe(
      1,
    );
    // Cancelling twice changes nothing.
    expect(
      expectOk((await t.call('sessions', 'cancelSignUp', { sessionId: s.sessionId }, a!.openid)).reply).seatsTaken,
    ).toBe(1);
  });

  it('is closed once the session has started', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { startAt: inMinutes(-5), endAt: inMinutes(60) });
    const { reply } = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('已经开始') },
    });
    expect(await record(s.sessionId, m!.memberId)).toBeUndefined();
  });

  it('is refused to members of other branches and to those not yet assigned', async () => {
    const s = await published(t);
    const [huli] = await membersIn(t, 1, { branchId: 'xm-huli-mobile' });
    const other = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, huli!.openid);
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const stranger = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, 'o-not-registered');
    expect(stranger.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('报到') },
    });
    const missing = await t.call('sessions', 'signUp', { sessionId: 'ses_000000000000000000000000' }, huli!.openid);
    expect(missing.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await t.callRaw('sessions', { action: 'signUp', sessionId: '../x' }, huli!.openid);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'sessionId' } });
    expect(await seats(s.sessionId)).toBe(0);
  });

  it('lets a member of any branch under the node join an open session', async () => {
    const [zh] = await membersIn(t, 1, { branchId: 'xm-siming-zhonghua-mobile' });
    const s = await published(t, { kind: 'lecture', audience: { type: 'subtree', orgId: 'xm-siming' } }, 'demo-admin');
    expect(expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, zh!.openid)).reply).status).toBe(
      'signed_up',
    );
  });
});

describe('leave (请假)', () => {
  it('records the reason and gives the place back; asking again with the same reason changes nothing', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { capacity: 5 });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid)).reply);
    const leave = expectOk(
      (await t.call('sessions', 'askLeave', { sessionId: s.sessionId, reason: '在外地送货回不来' }, m!.openid)).reply,
    );
    expect(leave).toMatchObject({ status: 'leave', leaveReason: '在外地送货回不来', seatsTaken: 0 });
    expect(await record(s.sessionId, m!.memberId)).toMatchObject({ status: 'leave', seatShard: null });
    const again = await t.call(
      'sessions',
      'askLeave',
      { sessionId: s.sessionId, reason: '在外地送货回不来' },
      m!.openid,
    );
    expect(expectOk(again.reply).seatsTaken).toBe(0);
    // The member, then start, the two reads and commit (nothing written), then the places as they stand.
    expect(again.roundTrips).toBe(7);
    const detail = expectOk((await t.call('sessions', 'detail', { sessionId: s.sessionId }, m!.openid)).reply);
    expect(detail).toMatchObject({ myStatus: 'leave', myLeaveReason: '在外地送货回不来', canSignUp: true });
  });

  it('is not possible after checking in (you came: no leave needed)', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { startAt: inMinutes(20), endAt: inMinutes(90) });
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: s.sessionId, memberId: m!.memberId, status: 'attended', reason: '提前到场，手机没电' },
          'demo-secretary',
        )
      ).reply,
    );
    const { reply } = await t.call('sessions', 'askLeave', { sessionId: s.sessionId, reason: '临时有事' }, m!.openid);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '您已经签到了，不用再请假' },
    });
    expect(await record(s.sessionId, m!.memberId)).toMatchObject({ status: 'attended' });
  });

  it('needs a reason of at least two characters', async () => {
    const s = await published(t);
    const { reply } = await t.call('sessions', 'askLeave', { sessionId: s.sessionId, reason: '忙' }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
  });
});
