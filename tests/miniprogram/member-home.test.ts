/** 首页 (pages/home/index): where the membership stands, from member.me, on every show. */
import { aProfile, aTodo, anAdminGrant, failed, ok } from './builders';
import { callLifecycle, deferred, renderPage, settle, tap, textOf, type Answer, type PageComponent } from './harness';
import { aMembership, anActiveMembership, callsTo, stubBackend } from './member-builders';

const HOME = 'pages/home/index';

/** Opens 首页 as the framework does: onLoad, then onShow. */
async function openHome(): Promise<PageComponent> {
  const page = renderPage(HOME);
  callLifecycle(page, 'onLoad');
  callLifecycle(page, 'onShow');
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('首页 membership card', () => {
  test('asks member.me on show, alongside whoami', async () => {
    const request = stubBackend({ 'member.me': () => ({ body: ok(aMembership()) }) });
    await openHome();
    expect(callsTo(request, 'user.whoami')).toEqual([{ action: 'whoami' }]);
    expect(callsTo(request, 'member.me')).toEqual([{ action: 'me' }]);
  });

  test('not registered (null): a 未报到 card with a big 去报到 button that opens the form', async () => {
    stubBackend({
      'user.whoami': () => ({ body: ok(aProfile({ memberId: null, displayName: null })) }),
      'member.me': () => ({ body: ok(null) }),
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openHome();

    expect(textOf(page.querySelector('#unregistered'))).toContain('您还没有报到');
    expect(textOf(page.querySelector('#go-register'), '.t-button')).toBe('去报到');
    await tap(page, '#go-register', '.t-button');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-member/register/index' }));
  });

  test('while member.me is on its way, a registered person sees it loading, not 未报到', async () => {
    const reply = deferred<Answer>();
    stubBackend({ 'member.me': () => reply.promise });
    const page = await openHome();

    expect(textOf(page.querySelector('#member-loading'))).toContain('正在查看您的报到情况');
    expect(page.querySelector('#unregistered')).toBeUndefined();

    reply.resolve({ body: ok(aMembership()) });
    await settle();
    expect(page.querySelector('#member-loading')).toBeUndefined();
    expect(page.querySelector('#member-pending')).toBeDefined();
  });

  test('pending: 审核中, with the day it was submitted', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ submittedAt: '2026-11-20T02:00:00.000Z' })) }) });
    const page = await openHome();

    const card = textOf(page.querySelector('#member-pending'));
    expect(card).toContain('报到信息审核中');
    expect(card).toContain('审核中');
    expect(card).toContain('您在11月20日提交的报到信息，正在等待支部审核');
    expect(page.querySelector('#member-active')).toBeUndefined();
  });

  test('sent back: the reason, and 修改后重新提交 opens the form to resubmit', async () => {
    stubBackend({
      'member.me': () => ({
        body: ok(aMembership({ state: 'sent_back', sentBackReason: '入党日期与档案不符，请核对' })),
      }),
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openHome();

    expect(textOf(page.querySelector('#sent-back-reason'))).toBe('支部的意见：入党日期与档案不符，请核对');
    await tap(page, '#resubmit', '.t-button');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-member/register/index' }));
  });

  test('active: the branch, the paired contact with a call button, and the certificate and branch tiles', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => undefined as never);
    const page = await openHome();

    expect(textOf(page.querySelector('#branch-name'))).toBe('兴隆社区流动党员党支部');
    expect(textOf(page.querySelector('#paired-contact'))).toContain('张丽');
    await tap(page, '#call-contact', '.t-button');
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '13900001111' }));

    expect(textOf(page.querySelector('#certificate-state'))).toBe('电子活动证：有效');
    expect(textOf(page.querySelector('#task-certificate'))).toBe('活动证');
    expect(textOf(page.querySelector('#task-branch'))).toBe('我的支部');
  });

  test('the role tiles still work next to the membership card', async () => {
    stubBackend({
      'user.whoami': () => ({
        body: ok(aProfile({ roles: [{ role: 'secretary', scopeId: 'branch-1', scopeName: '兴隆社区党支部' }] })),
      }),
      'member.me': () => ({ body: ok(anActiveMembership()) }),
    });
    const page = await openHome();
    expect(textOf(page.querySelector('#roles'))).toBe('支部书记');
    expect(page.querySelector('#task-secretary')).toBeDefined();
    expect(page.querySelector('#task-dues')).toBeDefined();
    expect(page.querySelector('#member-active')).toBeDefined();
  });

  test('a later state (returned home) is said in plain words', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'returned_home' })) }) });
    const page = await openHome();
    const card = textOf(page.querySelector('#member-inactive'));
    expect(card).toContain('已返乡');
    expect(card).toContain('请到老家的党组织参加组织生活');
  });

  test('if member.me fails, only its card says so, with a retry that asks again', async () => {
    let calls = 0;
    const request = stubBackend({
      'member.me': () => {
        calls += 1;
        return calls === 1
          ? { status: 500, body: failed('INTERNAL', '系统出了点问题，请稍后再试') }
          : { body: ok(aMembership()) };
      },
    });
    const page = await openHome();

    expect(textOf(page.querySelector('#greeting'))).toBe('李红梅，您好');
    expect(textOf(page.querySelector('#member-error'))).toContain('系统出了点问题，请稍后再试');

    await tap(page, '#member-retry', '.t-button');
    await settle();
    expect(callsTo(request, 'member.me')).toHaveLength(2);
    expect(page.querySelector('#member-error')).toBeUndefined();
    expect(page.querySelector('#member-pending')).toBeDefined();
  });

  test('showing the page again (back from 报到) asks again, so the new state appears', async () => {
    let state: 'none' | 'pending' = 'none';
    stubBackend({
      'user.whoami': () => ({ body: ok(aProfile({ memberId: null })) }),
      'member.me': () => ({ body: ok(state === 'none' ? null : aMembership()) }),
    });
    const page = await openHome();
    expect(page.querySelector('#unregistered')).toBeDefined();

    state = 'pending';
    callLifecycle(page, 'onShow');
    await settle();
    expect(page.querySelector('#unregistered')).toBeUndefined();
    expect(page.querySelector('#member-pending')).toBeDefined();
  });
});

describe('首页 desk', () => {
  test('the to-do strip comes from one user.todos call, late work marked, each row opening its page', async () => {
    const request = stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'user.todos': () => ({
        body: ok({
          items: [
            aTodo({
              role: 'member',
              kind: 'dues_owed',
              count: 3,
              title: '交纳党费',
              text: '补交党费：已连续 3 个月以上未交纳。',
              page: '/pages-dues/mine/index',
              priority: 'high',
            }),
            aTodo({
              role: 'member',
              kind: 'dues_no_base',
              count: 1,
              title: '申报党费基数',
              text: '请申报每月收入。',
              page: '/pages-dues/declare/index',
            }),
          ],
        }),
      }),
    });
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const page = await openHome();
    expect(callsTo(request, 'user.todos')).toEqual([{ action: 'todos' }]);

    const list = page.querySelector('#todos')!;
    const texts = (selector: string) => list.querySelectorAll(selector).map((n) => textOf(n));
    expect(texts('.todo__title')).toEqual(['交纳党费', '申报党费基数']);
    expect(texts('.todo__text')[0]).toBe('补交党费：已连续 3 个月以上未交纳。');
    // The count of the one that has more than one; the late one marked, the other not.
    expect(texts('.todo__count')).toEqual(['3 个月']);
    expect(texts('.todo--late .todo__title')).toEqual(['交纳党费']);
    expect(list.querySelectorAll('.todo__late')).toHaveLength(1);
    const rows = list.querySelectorAll('.todo');
    rows[0]!.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-dues/mine/index' }));
  });

  test('the strip holds three, the rest on 要办的事; the tab badge counts them all', async () => {
    const items = Array.from({ length: 5 }, (_, i) => aTodo({ title: `第${i + 1}件`, count: 1 }));
    stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'user.todos': () => ({ body: ok({ items }) }),
    });
    const badge = jest.spyOn(wx, 'setTabBarBadge').mockImplementation((() => undefined) as never);
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const page = await openHome();
    expect(page.querySelector('#todos')!.querySelectorAll('.todo')).toHaveLength(3);
    expect(textOf(page.querySelector('#todo-more'))).toBe('还有 2 件，全部查看');
    expect(badge).toHaveBeenCalledWith(expect.objectContaining({ index: 0, text: '5' }));
    page.querySelector('#todo-more')!.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-member/todos/index' }));
  });

  test('with nothing to do, the badge goes', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const remove = jest.spyOn(wx, 'removeTabBarBadge').mockImplementation((() => undefined) as never);
    const page = await openHome();
    expect(textOf(page.querySelector('#todo-empty'))).toBe('现在没有要办的事');
    expect(remove).toHaveBeenCalledWith(expect.objectContaining({ index: 0 }));
  });

  test('nothing to do is said so; a failed strip says why and asks again, leaving the page usable', async () => {
    let calls = 0;
    const request = stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'user.todos': () => {
        calls += 1;
        return calls === 1 ? { fail: 'request:fail timeout' } : { body: ok({ items: [] }) };
      },
    });
    const page = await openHome();
    expect(textOf(page.querySelector('#todo-error'))).toContain('网络不畅');
    expect(page.querySelector('#member-active')).toBeDefined();
    await tap(page, '#todo-retry', '.t-button');
    await settle();
    expect(callsTo(request, 'user.todos')).toHaveLength(2);
    expect(textOf(page.querySelector('#todo-empty'))).toBe('现在没有要办的事');
  });

  test('a member’s tiles open their pages; 学习活动 is a tab and switches to it', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const switchTab = jest.spyOn(wx, 'switchTab').mockImplementation((() => undefined) as never);
    const page = await openHome();
    expect(page.querySelectorAll('#tasks .task').map((t) => textOf(t))).toEqual([
      '学习活动',
      '交党费',
      '我的积分',
      '活动证',
      '我的支部',
    ]);
    page.querySelector('#task-study')!.dispatchEvent('tap');
    await settle();
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/sessions/index' }));
    page.querySelector('#task-dues')!.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-dues/mine/index' }));
  });

  test('a registration still under review has no member tiles yet', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership()) }) });
    const page = await openHome();
    expect(page.querySelector('#tasks')).toBeUndefined();
    expect(page.querySelector('#member-pending')).toBeDefined();
  });

  test('a visitor with no role is led to 报到 only, with no 党员 tag and no strip', async () => {
    stubBackend({ 'user.whoami': () => ({ body: ok(aProfile({ memberId: null, displayName: null })) }) });
    const page = await openHome();
    expect(page.querySelector('#roles')).toBeUndefined();
    expect(textOf(page.querySelector('#go-register'), '.t-button')).toBe('去报到');
    expect(page.querySelector('#todo-title')).toBeUndefined();
    expect(page.querySelector('#tasks')).toBeUndefined();
  });

  test('an administrator who has not registered gets the desk first, and 报到 only as a quiet offer at the end', async () => {
    stubBackend({
      'user.whoami': () => ({
        body: ok(aProfile({ memberId: null, displayName: null, roles: [anAdminGrant('思明区')] })),
      }),
      'user.todos': () => ({ body: ok({ items: [aTodo({ role: 'admin' })] }) }),
    });
    const page = await openHome();
    expect(page.querySelector('#unregistered')).toBeUndefined();
    expect(
      page
        .querySelector('#todos')!
        .querySelectorAll('.todo__text')
        .map((r) => textOf(r)),
    ).toEqual(['3 条报到等您审核。']);
    expect(page.querySelectorAll('#tasks .task').map((t) => textOf(t))).toEqual(['组织部工作台', '组织管理']);
    expect(textOf(page.querySelector('#manager-register'))).toContain('如果您也是');
  });
});
