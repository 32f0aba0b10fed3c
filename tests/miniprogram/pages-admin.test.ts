/** 组织管理 (pages-admin/index/index): the organisation nodes under a parent. */
import { anOrgNode, failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  tap,
  textOf,
  type PageComponent,
} from './harness';

const ADMIN = 'pages-admin/index/index';

async function openAdmin(query: Record<string, string> = {}): Promise<PageComponent> {
  const page = renderPage(ADMIN);
  callLifecycle(page, 'onLoad', query);
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('组织管理', () => {
  test('lists the top-level nodes with their kind in Chinese', async () => {
    const request = stubRequest(() => ({
      body: ok({
        items: [
          anOrgNode({ id: 'huli', name: '湖里区', type: 'district' }),
          anOrgNode({ id: 'express', name: '快递行业党委', type: 'industry_committee', hasChildren: false }),
        ],
      }),
    }));

    const page = await openAdmin();

    expect(sentRequests(request)).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:3000/functions/org', data: { action: 'children' } }),
    ]);
    expect(textOf(page.querySelector('#heading'))).toBe('全部组织');
    const rows = page.querySelectorAll('.org-node').map((row) => textOf(row, '.t-cell'));
    expect(rows).toEqual(['湖里区区', '快递行业党委行业党委']);
  });

  test('says so when there is nothing under the node', async () => {
    stubRequest(() => ({ body: ok({ items: [] }) }));
    const page = await openAdmin();
    expect(textOf(page.querySelector('#empty'))).toContain('这里还没有下级组织');
    expect(page.querySelectorAll('.org-node')).toHaveLength(0);
  });

  test('shows the error in Chinese and loads again on 重试', async () => {
    let calls = 0;
    const request = stubRequest(() => {
      calls += 1;
      return calls === 1
        ? { status: 500, body: failed('INTERNAL', '系统出了点问题，请稍后再试') }
        : { body: ok({ items: [anOrgNode({ name: '思明区' })] }) };
    });

    const page = await openAdmin();
    expect(textOf(page.querySelector('#error'))).toContain('系统出了点问题，请稍后再试');

    await tap(page, '#retry', '.t-button');
    await settle();

    expect(request).toHaveBeenCalledTimes(2);
    expect(page.querySelectorAll('.org-node').map((row) => textOf(row, '.t-cell'))).toEqual(['思明区区']);
  });

  test('opened for a node, asks for its children and names it in the heading', async () => {
    const request = stubRequest(() => ({ body: ok({ items: [anOrgNode({ name: '殿前街道', type: 'street' })] }) }));
    const setTitle = jest.spyOn(wx, 'setNavigationBarTitle');

    const page = await openAdmin({ parentId: 'huli', name: encodeURIComponent('湖里区') });

    expect(sentRequests(request)[0]?.data).toEqual({ action: 'children', parentId: 'huli' });
    expect(textOf(page.querySelector('#heading'))).toBe('湖里区的下级组织');
    expect(setTitle).toHaveBeenCalledWith(expect.objectContaining({ title: '湖里区' }));
  });

  test('tapping a node that has children opens its children', async () => {
    stubRequest(() => ({ body: ok({ items: [anOrgNode({ id: 'huli', name: '湖里区', hasChildren: true })] }) }));
    const navigate = jest.spyOn(wx, 'navigateTo');

    const page = await openAdmin();
    await tap(page, '.org-node', '.t-cell');

    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages-admin/index/index?parentId=huli&name=${encodeURIComponent('湖里区')}` }),
    );
  });
});
