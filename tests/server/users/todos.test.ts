/**
 * `user.todos`: each kind appears when there is something to do and goes when it is done, for the
 * member, the secretary and the administrator, in their scope only, in a bounded number of round trips.
 */
import { COLLECTIONS } from '../../../database/collections';
import type { TodoItem } from '../../../typings/areas/user';
import { aConfirmedBase, aMemberWhoOwesHere, aMonthRecord, monthsAgo } from '../../helpers/dues';
import { restoreClock, setShanghaiClock } from '../../helpers/clock';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { shanghaiMonth } from '../../../server/domain/shanghai-day';
import { aRegistration } from '../../helpers/registration';
import { inMinutes, published } from '../../helpers/sessions';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

async function todosOf(openid: string, branchId?: string): Promise<TodoItem[]> {
  return expectOk((await t.call('user', 'todos', branchId ? { branchId } : {}, openid)).reply).items;
}
const kinds = (items: TodoItem[]) => items.map((i) => i.kind);
const find = (items: TodoItem[], kind: TodoItem['kind']) => items.find((i) => i.kind === kind);

let serial = 0;
async function aPendingRegistration(): Promise<{ openid: string; memberId: string }> {
  const openid = `o-todo-${++serial}`;
  const me = expectOk((await t.call('member', 'register', aRegistration({ name: '王立新' }), openid)).reply);
  return { openid, memberId: me.memberId };
}

describe('user.todos for a member', () => {
  it('has nothing for someone who has not registered, and reads little to say so', async () => {
    const { reply, roundTrips } = await t.call('user', 'todos', {}, 'o-todo-visitor');
    expect(expectOk(reply).items).toEqual([]);
    expect(roundTrips).toBeLessThanOrEqual(6);
  });

  it('asks a member whose registration was sent back to correct it, with the branch reason', async () => {
    const { openid, memberId } = await aPendingRegistration();
    expect(kinds(await todosOf(openid))).toEqual([]);
    expectOk(
      (await t.call('member', 'sendBack', { memberId, reason: '请补充流出地党组织联系人电话' }, 'demo-super')).reply,
    );
    const sentBack = find(await todosOf(openid), 'registration_sent_back');
    expect(sentBack).toMatchObject({
      role: 'member',
      priority: 'high',
      page: '/pages-member/register/index',
      text: expect.stringContaining('请补充流出地党组织联系人电话'),
    });
  });

  it('asks a member who owes here to declare a base, then to pay once the branch confirms it', async () => {
    const who = await aMemberWhoOwesHere(t, { name: '赵德胜' });
    const before = await todosOf(who.openid);
    expect(find(before, 'dues_no_base')).toMatchObject({ page: '/pages-dues/declare/index', priority: 'normal' });
    expect(find(before, 'dues_owed')).toBeUndefined();

    await aConfirmedBase(t, who, { effectiveMonth: undefined });
    // The member's dues page makes the owed months' records, as the monthly job does.
    expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    const after = await todosOf(who.openid);
    expect(find(after, 'dues_no_base')).toBeUndefined();
    const owed = find(after, 'dues_owed')!;
    expect(owed.count).toBeGreaterThan(0);
    expect(owed.page).toBe('/pages-dues/mine/index');
    expect(owed.text).toMatch(/元|党费/);
  });

  it('reminds a member of a session signed up for that starts within a day, and forgets it when cancelled', async () => {
    const member = 'demo-member';
    const session = await published(t, { title: '今晚的主题党日', startAt: inMinutes(120), endAt: inMinutes(240) });
    expectOk((await t.call('sessions', 'signUp', { sessionId: session.sessionId }, member)).reply);
    const soon = find(await todosOf(member), 'session_soon');
    expect(soon).toMatchObject({
      count: 1,
      priority: 'high',
      page: `/pages-sessions/detail/index?id=${encodeURIComponent(session.sessionId)}`,
      text: expect.stringContaining('今晚的主题党日'),
    });
    expect(soon!.due).toBe(new Date(session.startAt).toISOString());
    expectOk(
      (
        await t.call(
          'sessions',
          'cancel',
          { sessionId: session.sessionId, reason: '场地临时不能使用' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(find(await todosOf(member), 'session_soon')).toBeUndefined();
  });
});

describe('user.todos for managers', () => {
  it('tells the secretary how many registrations wait and how long the oldest has, late after a week', async () => {
    const before = find(await todosOf('demo-secretary'), 'registrations_pending')?.count ?? 0;
    const { memberId } = await aPendingRegistration();
    const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000);
    await t.db.collection(COLLECTIONS.members).doc(memberId).update({ submittedAt: nineDaysAgo });
    const pending = find(await todosOf('demo-secretary'), 'registrations_pending')!;
    expect(pending).toMatchObject({
      role: 'secretary',
      count: before + 1,
      priority: 'high',
      page: '/pages-secretary/pending/index',
    });
    expect(pending.text).toContain('最久的已等 9 天');
    // Late work comes first.
    const items = await todosOf('demo-secretary');
    expect(items[0]!.priority).toBe('high');
  });

  it('shows an administrator the registrations of their district and nobody else their queue', async () => {
    const admin = find(await todosOf('demo-admin'), 'registrations_pending');
    expect(admin).toMatchObject({ role: 'admin' });
    expect(admin!.count).toBeGreaterThan(0);
    // The 湖里 secretary's catchment does not hold registrations made in 思明.
    const huli = find(await todosOf('demo-secretary-huli'), 'registrations_pending');
    expect(huli?.count ?? 0).toBeLessThan(admin!.count);
    // A member with no role has no queues.
    expect(kinds(await todosOf('demo-member')).filter((k) => k.endsWith('_pending'))).toEqual([]);
  });

  it('lists the branch dues work: members with no base and bases waiting, on 首页 and on the branch desk', async () => {
    const who = await aMemberWhoOwesHere(t, { name: '钱卫东' });
    const noBase = find(await todosOf('demo-secretary', 'xm-siming-mobile'), 'members_no_base')!;
    expect(noBase.page).toMatch(/^\/pages-dues\/board\/index\?branchId=xm-siming-mobile&branchName=%E6%80%9D/);
    const countBefore = noBase.count;
    expectOk(
      (
        await t.call(
          'dues',
          'declareBase',
          { category: 'salaried', baseFen: 400_000, note: '', effectiveMonth: new Date().toISOString().slice(0, 7) },
          who.openid,
        )
      ).reply,
    );
    const desk = await todosOf('demo-secretary', 'xm-siming-mobile');
    expect(find(desk, 'bases_pending')).toMatchObject({
      role: 'secretary',
      page: expect.stringMatching(/^\/pages-dues\/bases\/index\?branchId=xm-siming-mobile/),
    });
    // Declared but not confirmed: still no base, so still on the list.
    expect(find(desk, 'members_no_base')!.count).toBe(countBefore);
    // The branch desk carries the branch's work only, not the secretary's own dues.
    expect(desk.every((i) => i.role !== 'member')).toBe(true);
    expect(kinds(await todosOf('demo-secretary'))).toEqual(
      expect.arrayContaining(['bases_pending', 'members_no_base']),
    );
  });

  it('asks for a talk with members behind on dues, and names the sessions the cadence still needs', async () => {
    const months = [1, 2, 3, 4, 5].map((n) => monthsAgo(n));
    await t.db
      .collection(COLLECTIONS.duesMonths)
      .add([
        ...months.map((m) => aMonthRecord({ memberId: 'm-todo-five', name: '孙五月' }, m)),
        ...months.slice(0, 3).map((m) => aMonthRecord({ memberId: 'm-todo-three', name: '周三月' }, m)),
      ]);
    const desk = await todosOf('demo-secretary', 'xm-siming-mobile');
    expect(find(desk, 'members_arrears')).toMatchObject({
      count: 2,
      priority: 'high',
      text: expect.stringContaining('其中 1 名 5 个月以上'),
    });
    const missing = find(desk, 'sessions_missing')!;
    expect(missing.count).toBeGreaterThan(0);
    expect(missing.text).toMatch(/还缺 \d+ 项组织生活：/);
    expect(missing.page).toMatch(/^\/pages-sessions\/cadence\/index\?branchId=xm-siming-mobile/);
  });

  it('reminds a member whose certificate is past its yearly review', async () => {
    const who = await aMemberWhoOwesHere(t, { name: '吴年审' });
    expect(find(await todosOf(who.openid), 'certificate_review')).toBeUndefined();
    await t.db
      .collection(COLLECTIONS.certificates)
      .where({ memberId: who.memberId })
      .update({ reviewDueOn: '2020-01-01' });
    expect(find(await todosOf(who.openid), 'certificate_review')).toMatchObject({
      page: '/pages-member/certificate/index',
    });
  });

  it('tells an administrator, in the second half of the month, how many branches below have held nothing', async () => {
    const month = shanghaiMonth(new Date());
    const summary = (branchId: string, orgPath: string[], held: number) => ({
      _id: `${branchId}@${month}`,
      branchId,
      branchName: branchId,
      orgPath,
      month,
      final: false,
      life: { held },
      computedAt: new Date(),
    });
    try {
      setShanghaiClock('10:00', `${month}-25`);
      const before = find(await todosOf('demo-admin'), 'branches_idle')?.count ?? 0;
      await t.db
        .collection(COLLECTIONS.deskBranchMonths)
        .add([
          summary('b-idle-1', ['xm', 'xm-siming', 'b-idle-1'], 0),
          summary('b-idle-2', ['xm', 'xm-siming', 'xm-siming-binhai', 'b-idle-2'], 0),
          summary('b-busy', ['xm', 'xm-siming', 'b-busy'], 2),
          summary('b-huli-idle', ['xm', 'xm-huli', 'b-huli-idle'], 0),
        ]);
      const idle = find(await todosOf('demo-admin'), 'branches_idle')!;
      expect(idle).toMatchObject({
        role: 'admin',
        count: before + 2,
        priority: 'high',
        page: '/pages-admin/desk/index',
      });
      expect(idle.due).toMatch(new RegExp(`^${month}-\\d{2}$`));
      // Early in the month it is too soon to chase anyone.
      setShanghaiClock('10:00', `${month}-05`);
      expect(find(await todosOf('demo-admin'), 'branches_idle')).toBeUndefined();
    } finally {
      restoreClock();
    }
  });

  it('refuses the branch desk of a branch the caller does not run', async () => {
    const { reply } = await t.call('user', 'todos', { branchId: 'xm-siming-mobile' }, 'demo-secretary-huli');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const member = await t.call('user', 'todos', { branchId: 'xm-siming-mobile' }, 'demo-member');
    expect(member.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const missing = await t.call('user', 'todos', { branchId: 'no-such-branch' }, 'demo-secretary');
    expect(missing.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reads in a fixed number of round trips per role, however much is waiting', async () => {
    // Own records up to 7 (grants, member, certificate, dues profile, months, sessions soon and
    // whether they are still on; fewer for someone who has not registered); the shared queues 4 (a
    // count and the oldest, twice); an administrator's idle branches 1; each branch run 7 (bases
    // waiting, members, their certificates and profiles, the arrears, the cadence's sessions, the
    // full members).
    const budget = { 'demo-member': 7, 'demo-admin': 12, 'demo-super': 12, 'demo-secretary': 18 };
    for (const [openid, most] of Object.entries(budget)) {
      const { reply, roundTrips } = await t.call('user', 'todos', {}, openid);
      expectOk(reply);
      expect(roundTrips).toBeLessThanOrEqual(most);
    }
  });
});
