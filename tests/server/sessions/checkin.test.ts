/** Check-in by rotating QR code: the code, its window, refusals, and one record however often one scans. */
import { COLLECTIONS } from '../../../database/collections';
import type { TickOutcome } from '../../../server/jobs/runner';
import { creditPendingAttendance } from '../../../server/sessions/points';
import { attendanceIdOf, CHECKIN_CODE_PERIOD_SECONDS } from '../../../server/domain/sessions';
import { rotatingWindow, signToken } from '../../../server/platform/signed-token';
import { issueCheckinToken } from '../../../server/sessions/checkin';
import type { SessionDetail } from '../../../typings/areas/sessions';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { inMinutes, membersIn, placesTaken, published, startSessionsCloud } from '../../helpers/sessions';
import { forgetCachedRules } from '../../../server/points/store';

// Drawing the QR PNG is slow under jest's module sandbox (pure-JS PNG filtering): a few seconds a code.
jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

/** A session under way: started 10 minutes ago, ends in 80. */
const underWay = { startAt: inMinutes(-10), endAt: inMinutes(80) };

async function codeFor(sessionId: string, openid = 'demo-secretary') {
  return expectOk((await t.call('sessions', 'checkinCode', { sessionId }, openid)).reply);
}

/**
 * The token the secretary's phone shows now, signed by the same code as `checkinCode` without
 * drawing its PNG (the tests of `checkinCode` itself cover the picture).
 */
function shownCode(s: SessionDetail): { token: string } {
  const issued = issueCheckinToken(
    { _id: s.sessionId, startAt: new Date(s.startAt), endAt: new Date(s.endAt) },
    new Date(),
  );
  if (!issued) throw new Error('no check-in window');
  return { token: issued.token };
}

async function ledgerEntries(attendanceId: string): Promise<number> {
  const res = await t.db.collection(COLLECTIONS.pointsLedger).where({ 'source.id': attendanceId }).count();
  return res.total;
}

describe('the check-in code', () => {
  it('is a signed token and a PNG QR code, refreshed on the 30-second boundary', async () => {
    const s = await published(t, underWay);
    const before = Date.now();
    const code = await codeFor(s.sessionId);
    expect(code.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(code.qrImage).toMatch(/^data:image\/png;base64,/);
    // Large enough to read from a metre away: hundreds of pixels, not a thumbnail.
    const png = Buffer.from(code.qrImage.split(',')[1]!, 'base64');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(400);
    expect(code.periodSeconds).toBe(30);
    const refresh = Date.parse(code.refreshAt);
    expect(refresh % 30_000).toBe(0);
    expect(refresh - before).toBeLessThanOrEqual(30_000);
    expect(Date.parse(code.closesAt)).toBe(Date.parse(s.endAt));
    expect(Date.parse(code.opensAt)).toBe(Date.parse(s.startAt) - 30 * 60_000);
    // The member's phone scans exactly this token.
    const [m] = await membersIn(t, 1);
    expect(
      expectOk((await t.call('sessions', 'checkIn', { token: code.token }, m!.openid)).reply).alreadyCheckedIn,
    ).toBe(false);
  });

  it('is refused before the window opens and after the end', async () => {
    const later = await published(t, { startAt: inMinutes(120), endAt: inMinutes(180) });
    const { reply } = await t.call('sessions', 'checkinCode', { sessionId: later.sessionId }, 'demo-secretary');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!reply.ok && reply.error.message).toContain('活动开始前 30 分钟');

    const over = await published(t, { startAt: inMinutes(-180), endAt: inMinutes(-60) });
    const ended = await t.call('sessions', 'checkinCode', { sessionId: over.sessionId }, 'demo-secretary');
    expect(ended.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(!ended.reply.ok && ended.reply.error.message).toContain('已经结束');
  });

  it('opens 30 minutes before the start (a session starting in 20 minutes shows one)', async () => {
    const soon = await published(t, { startAt: inMinutes(20), endAt: inMinutes(80) });
    expect((await codeFor(soon.sessionId)).token).toBeTruthy();
  });

  it('is shown to the secretary and administrators above, not to members or other districts', async () => {
    const s = await published(t, underWay);
    for (const who of ['demo-admin', 'demo-super']) expect((await codeFor(s.sessionId, who)).token).toBeTruthy();
    for (const who of ['demo-member', 'demo-secretary-huli']) {
      const { reply } = await t.call('sessions', 'checkinCode', { sessionId: s.sessionId }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });

  it('is refused for a cancelled session', async () => {
    const s = await published(t, underWay);
    expectOk(
      (await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '天气原因' }, 'demo-secretary')).reply,
    );
    const { reply } = await t.call('sessions', 'checkinCode', { sessionId: s.sessionId }, 'demo-secretary');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '这个活动已经取消了' } });
  });
});

describe('checking in', () => {
  it('records attendance once, credits points once, and says so on a second scan', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, underWay);
    const { token } = shownCode(s);

    const first = await t.call('sessions', 'checkIn', { token }, m!.openid);
    const done = expectOk(first.reply);
    expect(done).toMatchObject({ sessionId: s.sessionId, title: s.title, alreadyCheckedIn: false });
    const attId = attendanceIdOf(s.sessionId, m!.memberId);
    const entry = (await t.db.collection(COLLECTIONS.pointsLedger).where({ 'source.id': attId }).get()).data[0];
    expect(entry).toMatchObject({
      ruleCode: 'attendance.branch_meeting',
      memberId: m!.memberId,
      approvedBy: 'demo-secretary',
    });
    expect(done.points).toBe(entry.points);
    expect(done.points).toBeGreaterThan(0);
    const stored = (await t.db.collection(COLLECTIONS.sessionAttendance).doc(attId).get()).data[0];
    expect(stored).toMatchObject({ status: 'attended', checkIn: { method: 'qr', reason: null } });
    expect(stored.points).toMatchObject({ entryId: entry._id, points: entry.points });

    const again = expectOk((await t.call('sessions', 'checkIn', { token }, m!.openid)).reply);
    expect(again).toMatchObject({ alreadyCheckedIn: true, points: done.points, checkedInAt: done.checkedInAt });
    expect(await ledgerEntries(attId)).toBe(1);
    const records = await t.db.collection(COLLECTIONS.sessionAttendance).where({ sessionId: s.sessionId }).count();
    expect(records.total).toBe(1);
  });

  it('makes a known number of database round trips', async () => {
    const [m, other] = await membersIn(t, 2);
    const s = await published(t, underWay);
    const { token } = shownCode(s);
    forgetCachedRules();
    const first = await t.call('sessions', 'checkIn', { token }, m!.openid);
    expectOk(first.reply);
    // Member and session (read in parallel), the record created, the 清单 item (the first award in
    // a container), then the award's transaction: start, account, entry, account, year total, the
    // points noted on the record, commit.
    expect(first.roundTrips).toBe(11);
    // Everyone after in the burst: the container has the item.
    const next = await t.call('sessions', 'checkIn', { token }, other!.openid);
    expectOk(next.reply);
    expect(next.roundTrips).toBe(10);
    // Member and session, the create refused as a duplicate, the record read: nothing written.
    const again = await t.call('sessions', 'checkIn', { token }, m!.openid);
    expect(again.roundTrips).toBe(4);
  });

  it('keeps one record and one ledger entry when the same member scans on two phones at once', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, underWay);
    const { token } = shownCode(s);
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => t.call('sessions', 'checkIn', { token }, m!.openid)),
    );
    const results = replies.map((r) => expectOk(r.reply));
    expect(results.filter((r) => !r.alreadyCheckedIn)).toHaveLength(1);
    expect(new Set(results.map((r) => r.checkedInAt)).size).toBe(1);
    const attId = attendanceIdOf(s.sessionId, m!.memberId);
    expect(await ledgerEntries(attId)).toBe(1);
    const account = (await t.db.collection(COLLECTIONS.pointsAccounts).doc(m!.memberId).get()).data[0];
    expect(account.lifetime).toBe(results[0]!.points);
  });

  it('lets many members check in at once, each exactly once', async () => {
    const members = await membersIn(t, 40);
    const s = await published(t, underWay);
    const { token } = shownCode(s);
    const replies = await Promise.all(members.map((m) => t.call('sessions', 'checkIn', { token }, m.openid)));
    expect(replies.every((r) => r.reply.ok)).toBe(true);
    const attended = await t.db
      .collection(COLLECTIONS.sessionAttendance)
      .where({ sessionId: s.sessionId, status: 'attended' })
      .count();
    expect(attended.total).toBe(40);
  });

  it('turns a sign-up or a leave into attendance (someone on leave came after all)', async () => {
    const [a, b] = await membersIn(t, 2);
    const s = await published(t, { startAt: inMinutes(25), endAt: inMinutes(120) });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, a!.openid)).reply);
    expectOk((await t.call('sessions', 'askLeave', { sessionId: s.sessionId, reason: '临时加班' }, b!.openid)).reply);
    const { token } = shownCode(s);
    for (const m of [a!, b!]) {
      expect(expectOk((await t.call('sessions', 'checkIn', { token }, m.openid)).reply).alreadyCheckedIn).toBe(false);
    }
    const rows = await t.db.collection(COLLECTIONS.sessionAttendance).where({ sessionId: s.sessionId }).get();
    expect(rows.data.map((r: { status: string }) => r.status)).toEqual(['attended', 'attended']);
    // The one who signed up still holds the place: the session's count is unchanged.
    expect(await placesTaken(t, s.sessionId)).toBe(1);
  });

  it('credits volunteer service by the hour', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { ...underWay, kind: 'volunteer', title: '社区义诊志愿服务', serviceHours: 3 });
    const { token } = shownCode(s);
    const done = expectOk((await t.call('sessions', 'checkIn', { token }, m!.openid)).reply);
    const entry = (
      await t.db
        .collection(COLLECTIONS.pointsLedger)
        .where({ 'source.id': attendanceIdOf(s.sessionId, m!.memberId) })
        .get()
    ).data[0];
    expect(entry).toMatchObject({ ruleCode: 'volunteer.hour', quantity: 3, source: { type: 'volunteer' } });
    expect(done.points).toBe(entry.points);
  });
});

describe('refusals', () => {
  const sign = (payload: Record<string, string | number>, from: number, to: number, purpose = 'checkin') =>
    signToken(payload, { purpose, notBefore: new Date(from), expiresAt: new Date(to) });

  async function refusal(token: string, openid = 'demo-member') {
    const { reply } = await t.call('sessions', 'checkIn', { token }, openid);
    if (reply.ok) throw new Error('expected a refusal');
    return reply.error;
  }

  it('refuses a forged or altered code, and a code that is not ours', async () => {
    const s = await published(t, underWay);
    const { token } = shownCode(s);
    const altered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    for (const bad of [altered, 'abc.def', 'https://example.com/x']) {
      const error = await refusal(bad);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/签到码无法识别|不是活动签到码/);
    }
    const certificate = signToken({ c: 'cert_x', v: 1 }, { purpose: 'cert' });
    expect(await refusal(certificate)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('不是活动签到码'),
    });
  });

  it('refuses a code two windows old, accepts the previous window (grace)', async () => {
    const [m] = await membersIn(t, 2);
    const s = await published(t, underWay);
    const now = Date.now();
    const current = rotatingWindow(new Date(now), CHECKIN_CODE_PERIOD_SECONDS);
    const previous = rotatingWindow(new Date(now - 30_000), CHECKIN_CODE_PERIOD_SECONDS);
    const stale = rotatingWindow(new Date(now - 60_000), CHECKIN_CODE_PERIOD_SECONDS);
    const old = sign({ s: s.sessionId, w: stale.index }, stale.startsAt.getTime(), stale.acceptUntil.getTime());
    const error = await refusal(old, m!.openid);
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(error.message).toContain('过期');
    const grace = sign(
      { s: s.sessionId, w: previous.index },
      previous.startsAt.getTime(),
      previous.acceptUntil.getTime(),
    );
    expect(expectOk((await t.call('sessions', 'checkIn', { token: grace }, m!.openid)).reply).alreadyCheckedIn).toBe(
      false,
    );
    expect(current.index - stale.index).toBe(2);
  });

  it('refuses a code not yet valid', async () => {
    const s = await published(t, underWay);
    const future = sign({ s: s.sessionId, w: 1 }, Date.now() + 60_000, Date.now() + 120_000);
    expect(await refusal(future)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('还没有生效'),
    });
  });

  it('refuses a signed code of a session that has not opened, has ended, or was cancelled', async () => {
    const window = (s: { sessionId: string }) => sign({ s: s.sessionId, w: 1 }, Date.now() - 1000, Date.now() + 30_000);
    const later = await published(t, { startAt: inMinutes(120), endAt: inMinutes(180) });
    expect((await refusal(window(later))).message).toContain('签到还没有开始');
    const over = await published(t, { startAt: inMinutes(-180), endAt: inMinutes(-60) });
    expect((await refusal(window(over))).message).toContain('活动已经结束');
    const cancelled = await published(t, underWay);
    expectOk(
      (await t.call('sessions', 'cancel', { sessionId: cancelled.sessionId, reason: '场地冲突' }, 'demo-secretary'))
        .reply,
    );
    expect((await refusal(window(cancelled))).message).toBe('这个活动已经取消了');
  });

  it('refuses members of other branches and people not yet assigned, and writes nothing', async () => {
    const s = await published(t, underWay);
    const { token } = shownCode(s);
    const [huli] = await membersIn(t, 1, { branchId: 'xm-huli-mobile' });
    expect(await refusal(token, huli!.openid)).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(await refusal(token, 'o-nobody')).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('报到'),
    });
    const records = await t.db.collection(COLLECTIONS.sessionAttendance).where({ sessionId: s.sessionId }).count();
    expect(records.total).toBe(0);
  });

  it('refuses bad input before reading anything', async () => {
    for (const event of [{ action: 'checkIn' }, { action: 'checkIn', token: '' }, { action: 'checkIn', token: 42 }]) {
      const reply = await t.callRaw('sessions', event, 'demo-member');
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'token' } });
    }
  });
});

describe('an award left pending', () => {
  it('a check-in that died after the attendance and before the award is finished by the timer, once', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, underWay);
    const attId = attendanceIdOf(s.sessionId, m!.memberId);
    const { token } = shownCode(s);
    expectOk((await t.call('sessions', 'checkIn', { token }, m!.openid)).reply);
    const done = (await t.db.collection(COLLECTIONS.sessionAttendance).doc(attId).get()).data[0] as {
      points: unknown;
      pointsPending: boolean;
    };
    // The award commits with the attendance's points, clearing the mark, in one unit of work.
    expect(done.pointsPending).toBe(false);
    expect(done.points).toMatchObject({ points: expect.any(Number) });

    // What a kill -9 between the two steps leaves: attended, pending, no ledger entry.
    const ledger = t.db.collection(COLLECTIONS.pointsLedger);
    await ledger.where({ 'source.id': attId }).remove();
    await t.db
      .collection(COLLECTIONS.sessionAttendance)
      .doc(attId)
      .update({ points: null, pointsPending: true, checkedInAt: new Date(Date.now() - 5 * 60_000) });
    const tick = { Type: 'Timer', TriggerName: 'jobs', Time: new Date().toISOString() };
    const sweep = (reply: unknown) =>
      (reply as { data: TickOutcome[] }).data.find((o) => o.jobId === 'sessions.pending-attendance');
    expect(sweep(await t.callRaw('jobs', tick))).toMatchObject({ outcome: 'ran', result: { credited: 1, left: 0 } });
    expect(await ledgerEntries(attId)).toBe(1);
    const healed = (await t.db.collection(COLLECTIONS.sessionAttendance).doc(attId).get()).data[0] as {
      pointsPending: boolean;
    };
    expect(healed.pointsPending).toBe(false);
    // A second tick finds this slot's sweep done (or, past a ten-minute boundary, nothing to credit).
    const again = sweep(await t.callRaw('jobs', tick));
    expect(again?.outcome === 'skipped' || (again?.result as { credited: number }).credited === 0).toBe(true);
    expect(await creditPendingAttendance()).toEqual({ credited: 0, left: 0 });
    expect(await ledgerEntries(attId)).toBe(1);
  });
});
