/**
 * 书记工作台 (pages-secretary/index/index) and 选择支部 (pages-secretary/branch/index): the desk's
 * entries, the branch it works on, and choosing another.
 */
import { aProfile, aSecretaryGrant, aTodo, anAdminGrant, anOrgNode, failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  stubStorage,
  tap,
  textOf,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';

const DESK = 'pages-secretary/index/index';
const PICKER = 'pages-secretary/branch/index';

type Handler = (req: SentRequest) => Answer;

function byAction(handlers: Record<string, Handler>): (req: SentRequest) => Answer {
  return (req) => {
    const { action } = req.data as { action: string };
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(req);
  };
}

async function open(path: string, handlers: Record<string, Handler>, query: Record<string, string> = {}) {
  const request = stubRequest(byAction(handlers));
  const page: PageComponent = renderPage(path);
  callLifecycle(page, 'onLoad', query);
  await settle();
  await settle();
  return { page, request };
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('书记工作台', () => {
  test('a secretary of one branch works on it, with what waits behind each entry', async () => {
    const store = stubStorage();
    const { page, request } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [aSecretaryGrant('湖里区快递行业党支部')] })) }),
      todos: () => ({
        body: ok({
          items: [
            aTodo({ count: 3 }),
            aTodo({ kind: 'claims_pending', count: 2 }),
            aTodo({ kind: 'bases_pending', count: 1 }),
            aTodo({ kind: 'members_no_base', count: 2 }),
            aTodo({ kind: 'members_arrears', count: 1 }),
            aTodo({ kind: 'sessions_missing', count: 2 }),
          ],
        }),
      }),
    });
    // One call for every count, for the branch on the desk.
    expect(sentRequests(request).map((r) => r.data)).toEqual([
      { action: 'whoami' },
      { action: 'todos', branchId: 'branch-1' },
    ]);
    expect(textOf(page.querySelector('#entry-points'), '.t-cell__note')).toBe('2 条');
    expect(textOf(page.querySelector('#entry-dues'), '.t-cell__note')).toBe('4 件');
    expect(textOf(page.querySelector('#entry-cadence'), '.t-cell__note')).toBe('2 项');
    expect(textOf(page.querySelector('#entry-sessions'), '.t-cell__note')).toBe('');

    expect(textOf(page.querySelector('#branch-name'))).toBe('当前支部：湖里区快递行业党支部');
    expect(page.querySelector('#choose-branch')).toBeUndefined();
    expect(textOf(page.querySelector('#entry-pending'), '.t-cell')).toContain('待审核报到');
    expect(textOf(page.querySelector('#entry-pending'), '.t-cell__note')).toBe('3 条');
    expect(textOf(page.querySelector('#entry-members'), '.t-cell')).toContain('本支部党员');
    expect(textOf(page.querySelector('#entry-verify'), '.t-cell')).toContain('扫码核验活动证');
    expect(store.get('secretaryBranch')).toEqual({ id: 'branch-1', name: '湖里区快递行业党支部' });
  });

  test('积分排名, which only secretaries and administrators may read, is reached from the desk', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [aSecretaryGrant('湖里区快递行业党支部')] })) }),
      todos: () => ({ body: ok({ items: [] }) }),
    });
    await tap(page, '#entry-ranking', '.t-cell');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/pages-points/ranking/index' }));
  });

  test('本支部党员 opens the branch list of the current branch', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [aSecretaryGrant('快递党支部')] })) }),
      todos: () => ({ body: ok({ items: [] }) }),
    });
    await tap(page, '#entry-members', '.t-cell');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/pages-secretary/members/index?branchId=branch-1&branchName=${encodeURIComponent('快递党支部')}`,
      }),
    );
  });

  test('an administrator without a chosen branch is asked to choose one', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [anAdminGrant()] })) }),
      todos: () => ({ body: ok({ items: [] }) }),
    });
    expect(textOf(page.querySelector('#no-branch'))).toContain('还没有选择支部');
    await tap(page, '#entry-members', '.t-cell');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-secretary/branch/index?depth=1' }));
  });

  test('a branch chosen earlier is used, and can be changed', async () => {
    stubStorage({ secretaryBranch: { id: 'b-9', name: '兴隆社区流动党员党支部' } });
    const { page } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [anAdminGrant()] })) }),
      todos: () => ({ body: ok({ items: [] }) }),
    });
    expect(textOf(page.querySelector('#branch-name'))).toBe('当前支部：兴隆社区流动党员党支部');
    expect(textOf(page.querySelector('#choose-branch'), '.t-button')).toBe('更换支部');
  });

  test('when whoami fails the desk says why and offers 重试', async () => {
    stubStorage();
    const { page } = await open(DESK, { whoami: () => ({ fail: 'request:fail timeout' }) });
    expect(textOf(page.querySelector('#error'))).toContain('网络不畅，请稍后重试');
    expect(page.querySelector('#retry')).toBeDefined();
  });

  test('when only the count fails, the desk still works', async () => {
    stubStorage();
    const { page } = await open(DESK, {
      whoami: () => ({ body: ok(aProfile({ roles: [aSecretaryGrant()] })) }),
      todos: () => ({ body: failed('INTERNAL', '系统出了点问题') }),
    });
    expect(page.querySelector('#error')).toBeUndefined();
    expect(textOf(page.querySelector('#entry-pending'), '.t-cell__note')).toBe('');
  });
});

describe('选择支部', () => {
  test('offers the caller’s own branches and the nodes they administer', async () => {
    stubStorage();
    const { page } = await open(PICKER, {
      whoami: () => ({
        body: ok(aProfile({ roles: [aSecretaryGrant('快递党支部'), anAdminGrant('湖里区委组织部')] })),
      }),
    });
    expect(page.querySelectorAll('.branch-choice').map((c) => textOf(c, '.t-cell__title-text'))).toEqual([
      '快递党支部',
    ]);
    expect(page.querySelectorAll('.node-choice').map((c) => textOf(c, '.t-cell__title-text'))).toEqual([
      '湖里区委组织部',
    ]);
  });

  test('under a node, branches are offered and lower nodes can be opened', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page, request } = await open(
      PICKER,
      {
        children: () => ({
          body: ok({
            items: [
              anOrgNode({ id: 'st-1', name: '殿前街道', type: 'street' }),
              anOrgNode({ id: 'mb-1', name: '湖里区流动党员党支部', type: 'mobile_branch', hasChildren: false }),
              anOrgNode({ id: 'sta-1', name: '服务站', type: 'station', hasChildren: false }),
            ],
          }),
        }),
      },
      { parentId: 'district-1', name: encodeURIComponent('湖里区'), depth: '2' },
    );
    expect(sentRequests(request)[0]?.data).toEqual({ action: 'children', parentId: 'district-1' });
    expect(page.querySelectorAll('.branch-choice').map((c) => textOf(c, '.t-cell__title-text'))).toEqual([
      '湖里区流动党员党支部',
    ]);
    await tap(page, '.node-choice', '.t-cell');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/pages-secretary/branch/index?parentId=st-1&name=${encodeURIComponent('殿前街道')}&depth=3`,
      }),
    );
  });

  test('choosing a branch remembers it and goes back to the desk', async () => {
    const store = stubStorage();
    const back = jest.spyOn(wx, 'navigateBack');
    const { page } = await open(
      PICKER,
      {
        children: () => ({
          body: ok({ items: [anOrgNode({ id: 'mb-1', name: '流动党员党支部', type: 'mobile_branch' })] }),
        }),
      },
      { parentId: 'district-1', depth: '2' },
    );
    await tap(page, '.branch-choice', '.t-cell');
    expect(store.get('secretaryBranch')).toEqual({ id: 'mb-1', name: '流动党员党支部' });
    expect(back).toHaveBeenCalledWith(expect.objectContaining({ delta: 2 }));
  });
});
