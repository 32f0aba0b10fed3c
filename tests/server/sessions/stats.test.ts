/** Seeing it: a member's history and rate, a branch's cadence to-do, statistics per node. */
import { shanghaiDate } from '../../../server/domain/sessions';
import { issueCheckinToken } from '../../../server/sessions/checkin';
import type { SessionDetail } from '../../../typings/areas/sessions';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { inMinutes, membersIn, published, startSessionsCloud } from '../../helpers/sessions';
import { tickAsNextSlot, tickJobs } from '../../helpers/jobs';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

function tokenOf(s: SessionDetail): string {
  return issueCheckinToken({ _id: s.sessionId, startAt: new Date(s.startAt), endAt: new Date(s.endAt) }, new Date())!
    .token;
}

const month = (offset = 0) => {
  const { year, month: m } = shanghaiDate(new Date());
  const d = new Date(Date.UTC(year, m - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

describe('a member’s attendance', () => {
  it('gives this year’s rate over the branch sessions held since they joined, and their records', async () => {
    const branch = { type: 'branch' as const, orgId: 'xm-siming-zhonghua-c01-mobile' };
    const [m] = await membersIn(t, 1, { branchId: branch.orgId, joinedAt: new Date(Date.now() - 5 * 3600_000) });
    const before = await published(
      t,
      { title: '入支部前的会', startAt: inMinutes(-8 * 60), endAt: inMinutes(-7 * 60), audience: branch },
      'demo-admin',
    );
    const attendedOne = await published(
      t,
      { title: '参加了的会', startAt: inMinutes(-4 * 60), endAt: inMinutes(-3 * 60), audience: branch },
      'demo-admin',
    );
    const leaveOne = await published(
      t,
      {
        title: '请了假的会',
        kind: 'committee',
        startAt: inMinutes(-3 * 60),
        endAt: inMinutes(-2 * 60),
        audience: branch,
      },
      'demo-admin',
    );
    await published(
      t,
      { title: '没来的会', kind: 'group', startAt: inMinutes(-2 * 60), endAt: inMinutes(-90), audience: branch },
      'demo-admin',
    );
    const volunteer = await published(
      t,
      {
        title: '志愿服务',
        kind: 'volunteer',
        serviceHours: 4,
        startAt: inMinutes(-10),
        endAt: inMinutes(120),
        audience: { type: 'subtree', orgId: 'xm-siming' },
      },
      'demo-admin',
    );
    void before;
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: attendedOne.sessionId, memberId: m!.memberId, status: 'attended', reason: '纸质签到表补登' },
          'demo-admin',
        )
      ).reply,
    );
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: leaveOne.sessionId, memberId: m!.memberId, status: 'leave', reason: '会前电话请假' },
          'demo-admin',
        )
      ).reply,
    );
    expectOk((await t.call('sessions', 'checkIn', { token: tokenOf(volunteer) }, m!.openid)).reply);

    const { reply, roundTrips } = await t.call('sessions', 'history', {}, m!.openid);
    const h = expectOk(reply);
    expect(h).toMatchObject({ held: 3, attended: 1, leave: 1, absent: 1, ratePercent: 33, volunteerHours: 4 });
    expect(h.year).toBe(shanghaiDate(new Date()).year);
    expect(h.items.items.map((r) => r.title)).toEqual(['志愿服务', '请了假的会', '参加了的会']);
    expect(h.items.items[0]).toMatchObject({ status: 'attended', kind: 'volunteer' });
    // The member, then the held count, the aggregation and the page in parallel.
    expect(roundTrips).toBe(4);

    // The secretary of a branch above may look; a secretary of another district may not.
    expect(expectOk((await t.call('sessions', 'history', { memberId: m!.memberId }, 'demo-admin')).reply).held).toBe(3);
    const refused = await t.call('sessions', 'history', { memberId: m!.memberId }, 'demo-secretary-huli');
    expect(refused.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const stranger = await t.call('sessions', 'history', {}, 'o-not-registered');
    expect(stranger.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});

describe('the cadence to-do of a branch', () => {
  it('marks this month’s and quarter’s meetings done, scheduled or missing, joint ones counting where they may', async () => {
    const branchId = 'xm-siming-zhonghua-mobile';
    const own = { type: 'branch' as const, orgId: branchId };
    await published(
      t,
      { kind: 'committee', title: '本月支委会', startAt: inMinutes(-1), endAt: inMinutes(60), audience: own },
      'demo-admin',
    );
    await published(
      t,
      { kind: 'group', title: '本月党小组会', startAt: inMinutes(1), endAt: inMinutes(61), audience: own },
      'demo-admin',
    );
    // A street-wide 主题党日 counts for the branch; a street-wide 党员大会 does not (it is the branch's own business).
    await published(
      t,
      {
        kind: 'theme_day',
        startAt: inMinutes(-1),
        endAt: inMinutes(60),
        audience: { type: 'subtree', orgId: 'xm-siming-zhonghua' },
      },
      'demo-admin',
    );
    await published(
      t,
      {
        kind: 'branch_assembly',
        startAt: inMinutes(-1),
        endAt: inMinutes(60),
        audience: { type: 'subtree', orgId: 'xm-siming-zhonghua' },
      },
      'demo-admin',
    );
    // A cancelled 党课 does not count.
    const lecture = await published(
      t,
      { kind: 'lecture', startAt: inMinutes(2), endAt: inMinutes(62), audience: own },
      'demo-admin',
    );
    expectOk(
      (await t.call('sessions', 'cancel', { sessionId: lecture.sessionId, reason: '讲课人临时有事' }, 'demo-admin'))
        .reply,
    );

    const { reply, roundTrips } = await t.call('sessions', 'cadence', { branchId }, 'demo-admin');
    const report = expectOk(reply);
    const status = Object.fromEntries(report.items.map((i) => [i.kind, i.status]));
    expect(status).toEqual({
      committee: 'done',
      group: 'scheduled',
      theme_day: 'done',
      branch_assembly: 'missing',
      lecture: 'missing',
      life_meeting: 'missing',
      appraisal: 'missing',
    });
    expect(report.missing).toBe(4);
    expect(report.branchName).toBe('中华街道流动党员党支部');
    const lectureItem = report.items.find((i) => i.kind === 'lecture')!;
    expect(lectureItem.periodLabel).toMatch(/^\d{4}年第[一二三四]季度$/);
    expect(lectureItem.note).toContain('本季度还没有召开');
    expect(roundTrips).toBe(4);
  });

  it('does not ask a branch of fewer than 7 full members for a committee meeting', async () => {
    const report = expectOk(
      (await t.call('sessions', 'cadence', { branchId: 'xm-huli-mobile' }, 'demo-secretary-huli')).reply,
    );
    expect(report.items.find((i) => i.kind === 'committee')).toMatchObject({ status: 'not_required' });
    await membersIn(t, 7, { branchId: 'xm-huli-mobile' });
    const bigger = expectOk(
      (await t.call('sessions', 'cadence', { branchId: 'xm-huli-mobile' }, 'demo-secretary-huli')).reply,
    );
    expect(bigger.items.find((i) => i.kind === 'committee')).toMatchObject({ status: 'missing' });
  });

  it('is shown to the branch’s secretary and administrators above, not to others', async () => {
    for (const who of ['demo-member', 'demo-secretary-huli']) {
      const { reply } = await t.call('sessions', 'cadence', { branchId: 'xm-siming-mobile' }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const notBranch = await t.call('sessions', 'cadence', { branchId: 'xm-siming' }, 'demo-admin');
    expect(notBranch.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('statistics per organisation node', () => {
  it('gives sessions held and the attendance rate of every branch below, by aggregation', async () => {
    const a = 'xm-siming-lianqian-mobile';
    const members = await membersIn(t, 4, { branchId: a });
    const held = await published(
      t,
      { startAt: inMinutes(-120), endAt: inMinutes(-60), audience: { type: 'branch', orgId: a } },
      'demo-admin',
    );
    for (const m of members.slice(0, 3)) {
      expectOk(
        (
          await t.call(
            'sessions',
            'mark',
            { sessionId: held.sessionId, memberId: m.memberId, status: 'attended', reason: '签到表补登' },
            'demo-admin',
          )
        ).reply,
      );
    }
    // Still to come: not held yet, not counted.
    await published(t, { audience: { type: 'branch', orgId: a } }, 'demo-admin');
    // The ended session is counted by the scheduler, once; the figures read that count.
    await tickJobs(t);
    const { reply, roundTrips } = await t.call(
      'sessions',
      'nodeStats',
      { orgId: 'xm-siming-lianqian', fromMonth: month(-1), toMonth: month() },
      'demo-admin',
    );
    const stats = expectOk(reply);
    expect(stats.rows.find((r) => r.branchId === a)).toMatchObject({
      sessionsHeld: 1,
      attended: 3,
      expected: 4,
      ratePercent: 75,
    });
    expect(stats.totals).toMatchObject({ sessionsHeld: 1, attended: 3, expected: 4, ratePercent: 75 });
    // Access, the node, the sessions' aggregation and the branches: no attendance record is read.
    expect(roundTrips).toBe(4);

    // A correction after the end is counted at the next tick.
    expectOk(
      (
        await t.call(
          'sessions',
          'mark',
          { sessionId: held.sessionId, memberId: members[3]!.memberId, status: 'attended', reason: '签到表补登' },
          'demo-admin',
        )
      ).reply,
    );
    await tickAsNextSlot(t, 'sessions.tally');
    const corrected = expectOk(
      (
        await t.call(
          'sessions',
          'nodeStats',
          { orgId: 'xm-siming-lianqian', fromMonth: month(-1), toMonth: month() },
          'demo-admin',
        )
      ).reply,
    );
    expect(corrected.rows.find((r) => r.branchId === a)).toMatchObject({ attended: 4, ratePercent: 100 });

    const district = expectOk(
      (
        await t.call(
          'sessions',
          'nodeStats',
          { orgId: 'xm-siming', fromMonth: month(-1), toMonth: month() },
          'demo-admin',
        )
      ).reply,
    );
    expect(district.rows.length).toBeGreaterThan(3);
    // Branches that held nothing come first: they are the ones to follow up.
    expect(district.rows[0]!.sessionsHeld).toBe(0);
  });

  it('refuses other districts, a span over a year and months in the wrong order', async () => {
    const other = await t.call(
      'sessions',
      'nodeStats',
      { orgId: 'xm-huli', fromMonth: month(), toMonth: month() },
      'demo-admin',
    );
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const long = await t.call(
      'sessions',
      'nodeStats',
      { orgId: 'xm-siming', fromMonth: month(-13), toMonth: month() },
      'demo-admin',
    );
    expect(long.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'toMonth' } });
    const reversed = await t.call(
      'sessions',
      'nodeStats',
      { orgId: 'xm-siming', fromMonth: month(), toMonth: month(-1) },
      'demo-admin',
    );
    expect(reversed.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'toMonth' } });
    const bad = await t.call(
      'sessions',
      'nodeStats',
      { orgId: 'xm-siming', fromMonth: '2026-13', toMonth: month() },
      'demo-admin',
    );
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'fromMonth' } });
  });
});
