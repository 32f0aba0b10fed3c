/** The secretary's attendance list, its figures, hand marking and voting rights. */
import { COLLECTIONS } from '../../../database/collections';
import { attendanceIdOf } from '../../../server/domain/sessions';
import { issueCheckinToken } from '../../../server/sessions/checkin';
import type { SessionDetail } from '../../../typings/areas/sessions';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { inMinutes, membersIn, placesTaken, published, startSessionsCloud } from '../../helpers/sessions';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

const underWay = { startAt: inMinutes(-10), endAt: inMinutes(80) };

function tokenOf(s: SessionDetail): string {
  return issueCheckinToken({ _id: s.sessionId, startAt: new Date(s.startAt), endAt: new Date(s.endAt) }, new Date())!
    .token;
}

describe('the attendance list', () => {
  it('lists every active member of the branch with their standing, and the figures', async () => {
    // A branch of its own, so the counts are exact: 湖里区流动党员党支部 has no demo members.
    const [a, b, c, d] = await membersIn(t, 4, { branchId: 'xm-huli-mobile' });
    const s = await published(
      t,
      { ...underWay, audience: { type: 'branch', orgId: 'xm-huli-mobile' }, capacity: 10 },
      'demo-secretary-huli',
    );
    expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, a!.openid)).reply);
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: s.sessionId, memberId: b!.memberId, status: 'leave', reason: '住院治疗' },
          'demo-secretary-huli',
        )
      ).reply,
    );
    void c;
    void d;
    const { reply, roundTrips } = await t.call('sessions', 'roster', { sessionId: s.sessionId }, 'demo-secretary-huli');
    const roster = expectOk(reply);
    expect(roster.summary).toEqual({
      signedUp: 0,
      attended: 1,
      leave: 1,
      absent: null,
      expected: 4,
      ratePercent: null,
    });
    expect(roster.rows.items).toHaveLength(4);
    const byId = new Map(roster.rows.items.map((r) => [r.memberId, r]));
    expect(byId.get(a!.memberId)).toMatchObject({ status: 'attended', method: 'qr', points: 3 });
    expect(byId.get(b!.memberId)).toMatchObject({ status: 'leave', reason: '住院治疗' });
    expect(byId.get(c!.memberId)).toMatchObject({ status: 'not_yet', checkedInAt: null });
    // Access and session, then figures, expected count, the page (members, their records) and the counters.
    expect(roundTrips).toBe(7);
  });

  it('counts the absent once the session is over, and the rate', async () => {
    const members = await membersIn(t, 3, { branchId: 'xm-siming-zhonghua-mobile' });
    const s = await published(
      t,
      {
        startAt: inMinutes(-120),
        endAt: inMinutes(-60),
        audience: { type: 'branch', orgId: 'xm-siming-zhonghua-mobile' },
      },
      'demo-admin',
    );
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: s.sessionId, memberId: members[0]!.memberId, status: 'attended', reason: '现场签到表补登' },
          'demo-admin',
        )
      ).reply,
    );
    const roster = expectOk((await t.call('sessions', 'roster', { sessionId: s.sessionId }, 'demo-admin')).reply);
    expect(roster.session.ended).toBe(true);
    expect(roster.summary).toMatchObject({ attended: 1, leave: 0, expected: 3, absent: 2, ratePercent: 33 });
    expect(roster.rows.items.filter((r) => r.status === 'absent')).toHaveLength(2);
  });

  it('filters by standing, and lists open sessions by their records', async () => {
    const [a, b] = await membersIn(t, 2);
    const s = await published(
      t,
      { kind: 'lecture', audience: { type: 'subtree', orgId: 'xm-siming' }, capacity: 50 },
      'demo-admin',
    );
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, a!.openid)).reply);
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, b!.openid)).reply);
    const all = expectOk((await t.call('sessions', 'roster', { sessionId: s.sessionId }, 'demo-admin')).reply);
    expect(all.summary).toMatchObject({ signedUp: 2, expected: null });
    expect(all.rows.items.map((r) => r.status)).toEqual(['signed_up', 'signed_up']);
    const leave = expectOk(
      (await t.call('sessions', 'roster', { sessionId: s.sessionId, status: 'leave' }, 'demo-admin')).reply,
    );
    expect(leave.rows.items).toHaveLength(0);
  });

  it('is refused to members and to secretaries elsewhere', async () => {
    const s = await published(t);
    for (const who of ['demo-member', 'demo-secretary-huli']) {
      const { reply } = await t.call('sessions', 'roster', { sessionId: s.sessionId }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });
});

describe('marking by hand', () => {
  it('records attendance with the reason, audits it, credits points once, and changes nothing the second time', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { ...underWay, kind: 'theme_day', title: '主题党日：重温入党誓词' });
    const input = {
      sessionId: s.sessionId,
      memberId: m!.memberId,
      status: 'attended' as const,
      reason: '手机没电，现场核对',
    };
    const row = expectOk((await t.call('sessions', 'mark', input, 'demo-secretary')).reply);
    expect(row).toMatchObject({ status: 'attended', method: 'hand', reason: '手机没电，现场核对' });
    expect(row.points).toBeGreaterThan(0);
    const again = expectOk((await t.call('sessions', 'mark', input, 'demo-secretary')).reply);
    expect(again).toMatchObject({ status: 'attended', points: row.points });
    const attId = attendanceIdOf(s.sessionId, m!.memberId);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'session.markAttended', 'target.id': attId })
      .get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({
      actor: 'demo-secretary',
      reason: '手机没电，现场核对',
      after: { status: 'attended' },
    });
    const ledger = await t.db.collection(COLLECTIONS.pointsLedger).where({ 'source.id': attId }).get();
    expect(ledger.data).toHaveLength(1);
    expect(ledger.data[0]).toMatchObject({
      ruleCode: 'attendance.theme_day',
      approvedBy: 'demo-secretary',
      points: row.points,
    });
    // A scan afterwards finds the record attended: nothing changes.
    const scan = expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, m!.openid)).reply);
    expect(scan).toMatchObject({ alreadyCheckedIn: true });
  });

  it('does not turn an attended member into leave', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, underWay);
    expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, m!.openid)).reply);
    const { reply } = await t.call(
      'sessions',
      'mark',
      { sessionId: s.sessionId, memberId: m!.memberId, status: 'leave', reason: '记错了' },
      'demo-secretary',
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '该党员已经签到，不能改为请假' },
    });
  });

  it('records leave by hand and gives back a place taken', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { startAt: inMinutes(20), endAt: inMinutes(80), capacity: 5 });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid)).reply);
    const row = expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: s.sessionId, memberId: m!.memberId, status: 'leave', reason: '电话请假：家中有事' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(row).toMatchObject({ status: 'leave', reason: '电话请假：家中有事' });
    expect(await placesTaken(t, s.sessionId)).toBe(0);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'session.markLeave', 'target.id': attendanceIdOf(s.sessionId, m!.memberId) })
      .count();
    expect(audit.total).toBe(1);
  });

  it('is refused too early, for members outside the audience, and to those who do not manage the session', async () => {
    const [m] = await membersIn(t, 1);
    const [huli] = await membersIn(t, 1, { branchId: 'xm-huli-mobile' });
    const later = await published(t, { startAt: inMinutes(180), endAt: inMinutes(240) });
    const early = await t.call(
      'sessions',
      'mark',
      { sessionId: later.sessionId, memberId: m!.memberId, status: 'attended', reason: '提前登记' },
      'demo-secretary',
    );
    expect(early.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '活动开始前 30 分钟起才能登记出勤' },
    });
    const s = await published(t, underWay);
    const outside = await t.call(
      'sessions',
      'mark',
      { sessionId: s.sessionId, memberId: huli!.memberId, status: 'attended', reason: '外支部来的' },
      'demo-secretary',
    );
    expect(outside.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    for (const who of ['demo-member', 'demo-secretary-huli']) {
      const { reply } = await t.call(
        'sessions',
        'mark',
        { sessionId: s.sessionId, memberId: m!.memberId, status: 'attended', reason: '代为登记' },
        who,
      );
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const noReason = await t.call(
      'sessions',
      'mark',
      { sessionId: s.sessionId, memberId: m!.memberId, status: 'attended', reason: '' },
      'demo-secretary',
    );
    expect(noReason.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
    expect((await t.db.collection(COLLECTIONS.sessionAttendance).where({ sessionId: s.sessionId }).count()).total).toBe(
      0,
    );
  });
});

describe('voting rights at a meeting that votes', () => {
  it('shows inflow members and probationary members as attending without a vote', async () => {
    const [full] = await membersIn(t, 1);
    const [probationary] = await membersIn(t, 1, { partyStatus: 'probationary' });
    const s = await published(t, { ...underWay, hasVote: true, title: '支部党员大会：讨论发展党员' });
    const done = expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, full!.openid)).reply);
    expect(done.votingRight).toBe('observer_inflow');
    expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, probationary!.openid)).reply);
    const roster = expectOk(
      (await t.call('sessions', 'roster', { sessionId: s.sessionId, status: 'attended' }, 'demo-secretary')).reply,
    );
    const rights = new Map(roster.rows.items.map((r) => [r.memberId, r.votingRight]));
    expect(rights.get(full!.memberId)).toBe('observer_inflow');
    expect(rights.get(probationary!.memberId)).toBe('observer_probationary');
    const detail = expectOk((await t.call('sessions', 'detail', { sessionId: s.sessionId }, full!.openid)).reply);
    expect(detail).toMatchObject({ hasVote: true, myVotingRight: 'observer_inflow' });
  });

  it('says nothing about votes at a meeting that does not vote', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, underWay);
    expect(
      expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(s) }, m!.openid)).reply).votingRight,
    ).toBeNull();
  });
});
