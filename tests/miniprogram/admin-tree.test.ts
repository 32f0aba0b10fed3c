/** 组织管理 (pages-admin/index/index) as the way into a node's management. */
import { anOrgNode, ok } from './builders';
import { callLifecycle, renderPage, settle, stubRequest, tap, textOf, type PageComponent } from './harness';

const TREE = 'pages-admin/index/index';

async function openTree(query: Record<string, string> = {}): Promise<PageComponent> {
  const page = renderPage(TREE);
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

describe('组织管理：进入组织详情', () => {
  test('a node without children opens its management page', async () => {
    stubRequest(() => ({
      body: ok({
        items: [anOrgNode({ id: 'mb-1', type: 'mobile_branch', name: '流动党员党支部', hasChildren: false })],
      }),
    }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openTree({ parentId: 'street-1', name: encodeURIComponent('殿前街道') });
    await tap(page, '.org-node', '.t-cell');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-admin/node/index?id=mb-1' }));
  });

  test('the list of a node starts with 管理 for that node itself', async () => {
    stubRequest(() => ({ body: ok({ items: [] }) }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openTree({ parentId: 'street-1', name: encodeURIComponent('殿前街道') });
    expect(textOf(page.querySelector('#manage-parent'), '.t-cell')).toContain('管理殿前街道');
    await tap(page, '#manage-parent', '.t-cell');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-admin/node/index?id=street-1' }));
  });

  test('the top level has no such entry', async () => {
    stubRequest(() => ({ body: ok({ items: [anOrgNode()] }) }));
    const page = await openTree();
    expect(page.querySelector('#manage-parent')).toBeUndefined();
  });
});
