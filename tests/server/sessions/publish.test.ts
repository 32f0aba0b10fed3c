/** Publishing, editing and cancelling: who may, what is stored, what members are told. */
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../../database/collections';
import type { SessionInput } from '../../../typings/areas/sessions';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { aSession, inMinutes, membersIn, placesTaken, published, startSessionsCloud } from '../../helpers/sessions';

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

const sessions = () => t.db.collection(COLLECTIONS.sessions);
const stored = async (id: string) => (await sessions().doc(id).get()).data[0];
const auditCount = async (action: string, id: string) =>
  (await t.db.collection(COLLECTIONS.auditLog).where({ action, 'target.id': id }).count()).total;

describe('publishing', () => {
  it('stores the session with its audience, owner path, expected count and an audit record', async () => {
    const { reply, roundTrips } = await t.call(
      'sessions',
      'publish',
      {
        ...aSession({
          capacity: 30,
          materials: { text: '学习材料', links: [{ title: '原文', url: 'https://www.12371.cn/a' }] },
        }),
        requestId: randomUUID(),
      },
      'demo-secretary',
    );
    const s = expectOk(reply);
    expect(s).toMatchObject({
      kind: 'branch_assembly',
      state: 'published',
      audienceName: '思明区流动党员党支部',
      capacity: 30,
      seatsTaken: 0,
      canManage: true,
      placeText: '思明区流动党员服务管理站二楼会议室',
      materials: { text: '学习材料', links: [{ title: '原文', url: 'https://www.12371.cn/a' }], images: [] },
    });
    // Access, the audience node, the expected count, then start, read, the session, its 8 place
    // counters and the audit record written together, commit.
    expect(roundTrips).toBe(16);
    const counters = await t.db.collection(COLLECTIONS.sessionSeats).where({ sessionId: s.sessionId }).get();
    expect((counters.data as { quota: number }[]).map((c) => c.quota).sort()).toEqual([3, 3, 4, 4, 4, 4, 4, 4]);
    const doc = await stored(s.sessionId);
    expect(doc).toMatchObject({
      audienceKey: 'b:xm-siming-mobile',
      branchId: 'xm-siming-mobile',
      ownerPath: ['xm', 'xm-siming', 'xm-siming-mobile'],
      createdBy: 'demo-secretary',
      version: 1,
    });
    expect(doc.startAt).toBeInstanceOf(Date);
    // The demo member and the demo secretary are the branch's active members.
    expect(doc.expected).toBeGreaterThanOrEqual(2);
    expect(await auditCount('session.publish', s.sessionId)).toBe(1);
  });

  it('returns the same session when the form is submitted twice with its request id', async () => {
    const input = { ...aSession({ title: '重复提交的党课', kind: 'lecture' }), requestId: randomUUID() };
    const [a, b] = await Promise.all([
      t.call('sessions', 'publish', input, 'demo-secretary'),
      t.call('sessions', 'publish', input, 'demo-secretary'),
    ]);
    expect(expectOk(a.reply).sessionId).toBe(expectOk(b.reply).sessionId);
    expect((await sessions().where({ title: '重复提交的党课' }).count()).total).toBe(1);
    expect(await auditCount('session.publish', expectOk(a.reply).sessionId)).toBe(1);
  });

  it('places a session at a service station with its address', async () => {
    const s = await published(t, { place: { type: 'station', stationId: 'xm-siming-station' } });
    expect(s.place).toMatchObject({ type: 'station', name: '思明区流动党员服务管理站' });
    expect(s.place!.address).not.toBe('');
  });

  it('lets an administrator publish an open lecture for a whole district, and a volunteer activity', async () => {
    const lecture = await published(
      t,
      {
        kind: 'lecture',
        title: '思明区流动党员公开党课',
        audience: { type: 'subtree', orgId: 'xm-siming' },
        capacity: 200,
      },
      'demo-admin',
    );
    expect(lecture).toMatchObject({ audienceName: '思明区', audience: { type: 'subtree', orgId: 'xm-siming' } });
    expect(await stored(lecture.sessionId)).toMatchObject({
      audienceKey: 't:xm-siming',
      branchId: null,
      expected: null,
    });
    const volunteer = await published(
      t,
      {
        kind: 'volunteer',
        title: '中华街道文明劝导',
        serviceHours: 2,
        audience: { type: 'subtree', orgId: 'xm-siming-zhonghua' },
      },
      'demo-admin',
    );
    expect(volunteer.serviceHours).toBe(2);
  });

  it.each([
    ['a secretary for another branch', 'demo-secretary-huli', { type: 'branch', orgId: 'xm-siming-mobile' }],
    ['a secretary for the whole district', 'demo-secretary', { type: 'subtree', orgId: 'xm-siming' }],
    ['an administrator outside their district', 'demo-admin', { type: 'branch', orgId: 'xm-huli-mobile' }],
    ['a member', 'demo-member', { type: 'branch', orgId: 'xm-siming-mobile' }],
  ] as const)('refuses %s, writing nothing', async (_name, openid, audience) => {
    const title = `越权发布-${randomUUID().slice(0, 6)}`;
    const { reply } = await t.call(
      'sessions',
      'publish',
      { ...aSession({ title, audience }), requestId: randomUUID() },
      openid,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await sessions().where({ title }).count()).total).toBe(0);
  });

  const bad: [string, Partial<SessionInput> | Record<string, unknown>, string][] = [
    ['no title', { title: '' }, 'title'],
    ['an unknown kind', { kind: 'party' }, 'kind'],
    ['a time without an offset', { startAt: '2030-03-05 19:30' }, 'startAt'],
    ['an end before the start', { startAt: inMinutes(600), endAt: inMinutes(500) }, 'endAt'],
    [
      'a start more than 30 days ago',
      { startAt: inMinutes(-40 * 24 * 60), endAt: inMinutes(-40 * 24 * 60 + 60) },
      'startAt',
    ],
    ['neither place nor link', { place: undefined }, 'place'],
    ['a link that is not https', { place: undefined, onlineUrl: 'http://meeting.tencent.com/x' }, 'onlineUrl'],
    ['a zero capacity', { capacity: 0 }, 'capacity'],
    ['volunteer service without hours', { kind: 'volunteer' }, 'serviceHours'],
    ['half hours', { kind: 'volunteer', serviceHours: 1.5 }, 'serviceHours'],
    ['hours on a meeting', { serviceHours: 2 }, 'serviceHours'],
    ['a vote at a lecture', { kind: 'lecture', hasVote: true }, 'hasVote'],
    ['an image not in cloud storage', { materials: { images: ['https://x.com/a.png'] } }, 'materials.images.0'],
    ['a branch audience that is a district', { audience: { type: 'branch', orgId: 'xm-siming' } }, 'audience.orgId'],
  ];
  it.each(bad)('refuses %s as INVALID_ARGUMENT, writing nothing', async (_name, overrides, field) => {
    const title = `坏输入-${randomUUID().slice(0, 6)}`;
    const input = { ...aSession(), title, ...overrides, requestId: randomUUID() };
    if ('title' in overrides) input.title = overrides.title as string;
    const reply = await t.callRaw('sessions', { action: 'publish', ...input }, 'demo-super');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field } });
    expect((await sessions().where({ title }).count()).total).toBe(0);
  });

  it('refuses a station that is not a station', async () => {
    const { reply } = await t.call(
      'sessions',
      'publish',
      { ...aSession({ place: { type: 'station', stationId: 'xm-siming-mobile' } }), requestId: randomUUID() },
      'demo-secretary',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'place.stationId' } });
  });
});

describe('editing', () => {
  it('changes the session, bumps its version, audits before and after, and tells those signed up', async () => {
    const [a, b, c] = await membersIn(t, 3);
    const s = await published(t, { capacity: 10 });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, a!.openid)).reply);
    expectOk((await t.call('sessions', 'askLeave', { sessionId: s.sessionId, reason: '出差在外地' }, b!.openid)).reply);
    const newStart = inMinutes(3 * 24 * 60);
    const newEnd = inMinutes(3 * 24 * 60 + 90);
    const { sessionId: _omit, ...rest } = { ...aSession({ capacity: 12 }), sessionId: s.sessionId };
    const edited = expectOk(
      (
        await t.call(
          'sessions',
          'update',
          {
            ...rest,
            sessionId: s.sessionId,
            startAt: newStart,
            endAt: newEnd,
            place: { type: 'address', address: '中华街道党群服务中心' },
          },
          'demo-secretary',
        )
      ).reply,
    );
    expect(edited).toMatchObject({ version: 2, capacity: 12, placeText: '中华街道党群服务中心' });
    expect(Date.parse(edited.startAt)).toBe(Date.parse(newStart));
    expect(await auditCount('session.update', s.sessionId)).toBe(1);

    for (const m of [a!, b!]) {
      const { items } = expectOk((await t.call('sessions', 'updates', {}, m.openid)).reply);
      expect(items).toHaveLength(1);
      expect(items[0]!.note).toMatch(/^时间改为.*；地点改为中华街道党群服务中心$/);
    }
    // Someone who never signed up is not bothered.
    expect(expectOk((await t.call('sessions', 'updates', {}, c!.openid)).reply).items).toHaveLength(0);
    // The copy of the session in each record follows the change (the member's history sorts by it).
    const record = (
      await t.db
        .collection(COLLECTIONS.sessionAttendance)
        .where({ sessionId: s.sessionId, memberId: a!.memberId })
        .get()
    ).data[0];
    expect(record.sessionStartAt.getTime()).toBe(Date.parse(newStart));

    expect(expectOk((await t.call('sessions', 'ackUpdate', { sessionId: s.sessionId }, a!.openid)).reply)).toEqual({
      acknowledged: true,
    });
    expect(expectOk((await t.call('sessions', 'updates', {}, a!.openid)).reply).items).toHaveLength(0);
  });

  it('does not let the capacity fall below the places taken, nor the audience change', async () => {
    const members = await membersIn(t, 3);
    const s = await published(t, { capacity: 5 });
    for (const m of members) expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m.openid)).reply);
    const base = { ...aSession(), sessionId: s.sessionId };
    const tooSmall = await t.call('sessions', 'update', { ...base, capacity: 2 }, 'demo-secretary');
    expect(tooSmall.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '已有 3 人报名，名额不能少于 3' },
    });
    const moved = await t.call(
      'sessions',
      'update',
      { ...base, audience: { type: 'subtree', orgId: 'xm-siming' } },
      'demo-admin',
    );
    expect(moved.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect((await stored(s.sessionId)).version).toBe(1);
  });

  it('raises the capacity: those refused before may now sign up, and places taken stay taken', async () => {
    const members = await membersIn(t, 4);
    const s = await published(t, { capacity: 2 });
    for (const m of members.slice(0, 2))
      expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m.openid)).reply);
    const refused = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, members[2]!.openid);
    expect(refused.reply).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } });
    const edited = expectOk(
      (await t.call('sessions', 'update', { ...aSession({ capacity: 4 }), sessionId: s.sessionId }, 'demo-secretary'))
        .reply,
    );
    expect(edited).toMatchObject({ capacity: 4, seatsTaken: 2 });
    for (const m of members.slice(2))
      expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m.openid)).reply);
    expect(await placesTaken(t, s.sessionId)).toBe(4);
    const more = await membersIn(t, 1);
    const full = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, more[0]!.openid);
    expect(full.reply).toMatchObject({
      ok: false,
      error: { code: 'RESOURCE_EXHAUSTED', message: '名额已满（共 4 个），下次请早点报名' },
    });
  });

  it('is refused to those who do not manage the session, and after the end', async () => {
    const s = await published(t);
    for (const who of ['demo-member', 'demo-secretary-huli']) {
      const { reply } = await t.call('sessions', 'update', { ...aSession(), sessionId: s.sessionId }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const past = await published(t, { startAt: inMinutes(-120), endAt: inMinutes(-60) });
    const { reply } = await t.call(
      'sessions',
      'update',
      { ...aSession({ startAt: inMinutes(-120), endAt: inMinutes(-30) }), sessionId: past.sessionId },
      'demo-secretary',
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这个活动已经结束，不能再修改' },
    });
  });
});

describe('cancelling', () => {
  it('cancels with the reason, once, tells those signed up and drops the session from the list', async () => {
    const [m] = await membersIn(t, 1);
    const s = await published(t, { title: '将被取消的主题党日', kind: 'theme_day' });
    expectOk((await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid)).reply);
    const cancelled = expectOk(
      (await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '台风预警，改期举行' }, 'demo-admin'))
        .reply,
    );
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '台风预警，改期举行', version: 2 });
    const again = expectOk(
      (await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '再取消一次' }, 'demo-admin')).reply,
    );
    expect(again).toMatchObject({ cancelReason: '台风预警，改期举行', version: 2 });
    expect(await auditCount('session.cancel', s.sessionId)).toBe(1);

    const { items } = expectOk((await t.call('sessions', 'updates', {}, m!.openid)).reply);
    expect(items).toEqual([
      expect.objectContaining({ sessionId: s.sessionId, state: 'cancelled', note: '活动已取消：台风预警，改期举行' }),
    ]);
    const upcoming = expectOk((await t.call('sessions', 'list', { tab: 'upcoming', limit: 100 }, m!.openid)).reply);
    expect(upcoming.items.map((r) => r.sessionId)).not.toContain(s.sessionId);
    const mine = expectOk((await t.call('sessions', 'list', { tab: 'mine' }, m!.openid)).reply);
    expect(mine.items.find((r) => r.sessionId === s.sessionId)).toMatchObject({ state: 'cancelled' });
    const signUp = await t.call('sessions', 'signUp', { sessionId: s.sessionId }, m!.openid);
    expect(signUp.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '这个活动已经取消了' },
    });
  });

  it('requires a reason and the right to manage', async () => {
    const s = await published(t);
    const noReason = await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '' }, 'demo-secretary');
    expect(noReason.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
    const member = await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '不想开了' }, 'demo-member');
    expect(member.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await stored(s.sessionId)).state).toBe('published');
  });
});

describe('lists', () => {
  it('shows members the sessions open to them: their branch and nodes above it, not other districts', async () => {
    const [m] = await membersIn(t, 1);
    const own = await published(t, { title: '本支部会议' });
    const district = await published(
      t,
      { title: '全区公开课', kind: 'lecture', audience: { type: 'subtree', orgId: 'xm-siming' } },
      'demo-admin',
    );
    const huli = await published(
      t,
      { title: '湖里支部会议', audience: { type: 'branch', orgId: 'xm-huli-mobile' } },
      'demo-secretary-huli',
    );
    const { items } = expectOk((await t.call('sessions', 'list', { tab: 'upcoming', limit: 100 }, m!.openid)).reply);
    const ids = items.map((r) => r.sessionId);
    expect(ids).toEqual(expect.arrayContaining([own.sessionId, district.sessionId]));
    expect(ids).not.toContain(huli.sessionId);
    // Soonest first.
    const starts = items.map((r) => Date.parse(r.startAt));
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    const detail = await t.call('sessions', 'detail', { sessionId: huli.sessionId }, m!.openid);
    expect(detail.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('pages past sessions newest first, absent shown for those missed since joining the branch', async () => {
    const [m] = await membersIn(t, 1, { joinedAt: new Date(Date.now() - 2.5 * 24 * 3600_000) });
    for (let i = 1; i <= 3; i++)
      await published(t, {
        title: `往期会议${i}`,
        startAt: inMinutes(-60 * 24 * i),
        endAt: inMinutes(-60 * 24 * i + 60),
      });
    const first = expectOk((await t.call('sessions', 'list', { tab: 'past', limit: 2 }, m!.openid)).reply);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(Date.parse(first.items[0]!.startAt)).toBeGreaterThan(Date.parse(first.items[1]!.startAt));
    const second = expectOk(
      (await t.call('sessions', 'list', { tab: 'past', limit: 100, cursor: first.nextCursor! }, m!.openid)).reply,
    );
    expect(second.items[0]!.sessionId).not.toBe(first.items[1]!.sessionId);
    const all = [...first.items, ...second.items];
    expect(all.find((r) => r.title === '往期会议1')?.myStatus).toBe('absent');
    // The meeting three days ago was before they joined: not counted against them.
    expect(all.find((r) => r.title === '往期会议3')?.myStatus).toBe('none');
  });

  it('gives a person not yet assigned an empty list, and managers their own sessions', async () => {
    expect(expectOk((await t.call('sessions', 'list', { tab: 'upcoming' }, 'o-stranger')).reply)).toEqual({
      items: [],
      nextCursor: null,
    });
    const s = await published(t, { title: '书记管理列表' });
    const mine = expectOk(
      (await t.call('sessions', 'managed', { tab: 'upcoming', limit: 100 }, 'demo-secretary')).reply,
    );
    expect(mine.items.map((r) => r.sessionId)).toContain(s.sessionId);
    const huli = expectOk(
      (await t.call('sessions', 'managed', { tab: 'upcoming', limit: 100 }, 'demo-secretary-huli')).reply,
    );
    expect(huli.items.map((r) => r.sessionId)).not.toContain(s.sessionId);
    const scoped = await t.call(
      'sessions',
      'managed',
      { tab: 'upcoming', scopeId: 'xm-siming' },
      'demo-secretary-huli',
    );
    expect(scoped.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const refused = await t.call('sessions', 'managed', { tab: 'upcoming' }, 'demo-member');
    expect(refused.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});
