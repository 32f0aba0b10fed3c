/**
 * 名单 (pages-admin/drilldown): the reason is asked before anything is read and sent with every
 * page; without one nothing is read; rows are masked as the server sent them; more at the bottom;
 * 导出表格 sends the list and the reason. wx.showModal, wx.downloadFile and wx.openDocument are stubbed.
 */
import type { DrilldownPage } from '../../typings/areas/desk';
import { ok } from './builders';
import { callLifecycle, renderPage, sentRequests, settle, stubRequest, tap, textOf } from './harness';
import { keysSentOnLoadMore, rowKeys, rowPaths } from './load-more';

const page1: DrilldownPage = {
  list: 'arrears3',
  title: '连续欠交党费 3 个月以上',
  rows: [
    {
      name: '王建华',
      phoneMasked: '139****0001',
      placeName: '中华街道流动党员党支部',
      detail: '连续欠交 4 个月（最早 2026年8月）',
    },
  ],
  nextCursor: 'c2',
};
const page2: DrilldownPage = { ...page1, rows: [{ ...page1.rows[0]!, name: '李秀英' }], nextCursor: null };

function answerReason(reason: string | null) {
  return jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
    setTimeout(
      () => o.success?.({ confirm: reason !== null, cancel: reason === null, content: reason ?? '', errMsg: 'ok' }),
      0,
    );
  }) as never);
}

beforeEach(() => jest.resetModules());
afterEach(() => jest.restoreAllMocks());

async function open() {
  const page = renderPage('pages-admin/drilldown/index');
  callLifecycle(page, 'onLoad', { nodeId: 'xm-siming', name: encodeURIComponent('思明区'), list: 'arrears3' });
  await settle(5);
  return page;
}

test('asks why first, sends the reason with each page, and shows the masked rows', async () => {
  answerReason('周例会前核对欠费情况');
  const request = stubRequest((req) => ({ body: ok((req.data as { cursor?: string }).cursor ? page2 : page1) }));
  const page = await open();
  expect(textOf(page, '#heading')).toBe('思明区：连续欠交党费 3 个月以上');
  expect(textOf(page, '#rows')).toContain('王建华139****0001');
  expect(textOf(page, '#privacy')).toContain('原因：周例会前核对欠费情况');
  expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(1, 1));
  expect(textOf(page, '#rows')).toContain('李秀英');
  expect(sentRequests(request).map((r) => r.data)).toEqual([
    expect.objectContaining({
      action: 'drilldown',
      nodeId: 'xm-siming',
      list: 'arrears3',
      reason: '周例会前核对欠费情况',
    }),
    expect.objectContaining({ action: 'drilldown', cursor: 'c2', reason: '周例会前核对欠费情况' }),
  ]);
});

test('without a reason nothing is read, and the page offers to give one', async () => {
  answerReason(null);
  const request = stubRequest(() => ({ body: ok(page1) }));
  const page = await open();
  expect(textOf(page, '#needs-reason')).toContain('需要写明原因');
  expect(request).not.toHaveBeenCalled();
});

test('导出表格 sends the list with the reason and opens the file', async () => {
  answerReason('报送区委组织部');
  const request = stubRequest((req) =>
    (req.data as { action: string }).action === 'export'
      ? { body: ok({ fileId: 'f', url: 'http://127.0.0.1/f.xlsx', fileName: 'f.xlsx', rows: 1, bytes: 1 }) }
      : { body: ok(page2) },
  );
  const openDocument = jest.fn((o: WechatMiniprogram.OpenDocumentOption) => o.success?.({ errMsg: 'ok' }));
  Object.assign(wx, {
    downloadFile: (o: WechatMiniprogram.DownloadFileOption) =>
      o.success?.({ statusCode: 200, tempFilePath: '/tmp/f.xlsx' } as never),
    openDocument,
  });
  const page = await open();
  await tap(page, '#export', '.t-button');
  await settle(5);
  expect(sentRequests(request).at(-1)!.data).toMatchObject({
    action: 'export',
    what: { kind: 'drilldown', list: 'arrears3', reason: '报送区委组织部' },
  });
  expect(openDocument).toHaveBeenCalledWith(expect.objectContaining({ showMenu: true }));
});
