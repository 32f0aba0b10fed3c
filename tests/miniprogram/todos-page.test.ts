/** 要办的事 (pages-member/todos/index): every to-do, grouped by whose work, fresh on each show. */
import { aTodo, failed, ok } from './builders';
import { callLifecycle, renderPage, settle, tap, textOf, type PageComponent } from './harness';
import { callsTo, stubBackend } from './member-builders';

const TODOS = 'pages-member/todos/index';

async function openTodos(): Promise<PageComponent> {
  const page = renderPage(TODOS);
  callLifecycle(page, 'onShow');
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'setTabBarBadge').mockImplementation((() => undefined) as never);
  jest.spyOn(wx, 'removeTabBarBadge').mockImplementation((() => undefined) as never);
});

afterEach(() => {
  jest.restoreAllMocks();
});

test('groups the to-dos by whose work they are, mine first, each row opening where it is done', async () => {
  stubBackend({
    'user.todos': () => ({
      body: ok({
        items: [
          aTodo({ role: 'secretary', kind: 'registrations_pending', title: '待审核报到' }),
          aTodo({ role: 'member', kind: 'dues_owed', title: '交纳党费', page: '/pages-dues/mine/index' }),
          aTodo({ role: 'admin', kind: 'claims_pending', title: '积分审批' }),
        ],
      }),
    }),
  });
  const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
  const page = await openTodos();
  expect(page.querySelectorAll('.group-title').map((t) => textOf(t))).toEqual(['我自己的事', '支部的事', '管理的事']);
  expect(textOf(page.querySelector('#total'))).toContain('共 3 件');
  const mine = page.querySelector('#group-member')!;
  expect(mine.querySelectorAll('.todo__title').map((t) => textOf(t))).toEqual(['交纳党费']);
  mine.querySelectorAll('.todo')[0]!.dispatchEvent('tap');
  await settle();
  expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-dues/mine/index' }));
  expect(wx.setTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ text: '3' }));
});

test('asks again each time it shows, so a thing done is gone', async () => {
  let items = [aTodo()];
  const request = stubBackend({ 'user.todos': () => ({ body: ok({ items }) }) });
  const page = await openTodos();
  expect(page.querySelector('#group-secretary')).toBeDefined();
  items = [];
  callLifecycle(page, 'onShow');
  await settle();
  expect(callsTo(request, 'user.todos')).toHaveLength(2);
  expect(textOf(page.querySelector('#empty'))).toContain('现在没有要办的事');
});

test('a failure says why with a retry that asks again', async () => {
  let calls = 0;
  const request = stubBackend({
    'user.todos': () => {
      calls += 1;
      return calls === 1 ? { body: failed('INTERNAL', '系统繁忙，请稍后重试') } : { body: ok({ items: [aTodo()] }) };
    },
  });
  const page = await openTodos();
  expect(textOf(page.querySelector('#error'))).toContain('系统繁忙');
  await tap(page, '#retry', '.t-button');
  expect(callsTo(request, 'user.todos')).toHaveLength(2);
  expect(page.querySelector('#group-secretary')).toBeDefined();
});
