/**
 * The organisation desk pages (pages-admin/desk, ranking, reports, report): figures with their
 * change and definitions, periods, what needs attention, picking a node, 晾晒 with bands in words,
 * the report archive, and exports opened in WeChat's document viewer (wx.downloadFile and
 * wx.openDocument are stubbed: the edge of the world).
 */
import type { DeskFigures, FigureView, Ranking, ReportArchive, ReportView, Trend } from '../../typings/areas/desk';
import { aProfile, anAdminGrant, anOrgNode, failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type SentRequest,
} from './harness';

const fig = (over: Partial<FigureView> & Pick<FigureView, 'id' | 'name' | 'text'>): FigureView => ({
  group: 'coverage',
  value: 1,
  definition: `${over.name}的口径`,
  previous: null,
  change: null,
  better: 'higher',
  ...over,
});

const period = (key: string, label: string, closed = false) => ({ key, kind: 'month' as const, label, closed });

function someFigures(over: Partial<DeskFigures> = {}): DeskFigures {
  return {
    nodeId: 'xm-siming',
    nodeName: '思明区',
    period: period('2026-12', '2026年12月'),
    previousPeriod: period('2026-11', '2026年11月', true),
    source: 'live',
    report: null,
    asOf: '2026-12-03T12:10:00.000Z',
    activityAsOf: '2026-12-03T12:00:00.000Z',
    groups: [
      {
        group: 'coverage',
        name: '覆盖',
        figures: [
          fig({ id: 'coverage.pending', name: '待审核报到', text: '4 人', value: 4, better: 'lower' }),
          fig({ id: 'coverage.pendingOldestDays', name: '待审核最长天数', text: '9 天', value: 9, better: 'lower' }),
        ],
      },
      {
        group: 'dues',
        name: '党费',
        figures: [
          fig({
            id: 'dues.paidRate',
            group: 'dues',
            name: '交纳率',
            text: '87.5%',
            value: 875,
            previous: 900,
            change: -25,
          }),
          fig({
            id: 'dues.arrears6',
            group: 'dues',
            name: '欠交 6 个月以上',
            text: '2 人',
            value: 2,
            better: 'lower',
            previous: 3,
            change: -1,
          }),
        ],
      },
      {
        group: 'life',
        name: '组织生活',
        figures: [fig({ id: 'life.held', group: 'life', name: '开展组织生活', text: '3 场' })],
      },
    ],
    heldByKind: [{ kind: 'group', label: '党小组会', held: 3 }],
    pointsByCategory: [],
    choices: [
      { key: '2026-12', name: '本月' },
      { key: '2026-11', name: '上月' },
    ],
    ...over,
  };
}

type Handlers = Record<string, (req: SentRequest) => Answer>;

const aTrend = (): Trend => ({
  nodeId: 'xm-siming',
  nodeName: '思明区',
  figure: { id: 'life.attendanceRate', name: '参会率', definition: '', unit: '%', better: 'higher' },
  points: [
    { period: '2026-11', label: '11月', value: 850, text: '85.0%' },
    { period: '2026-12', label: '12月', value: null, text: '无数据' },
  ],
});

function stub(handlers: Handlers): jest.Mock {
  return stubRequest((req) => {
    const { action } = req.data as { action: string };
    const handler = handlers[action] ?? (action === 'trend' ? () => ({ body: ok(aTrend()) }) : undefined);
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(req);
  });
}

const sent = (request: jest.Mock) => sentRequests(request).map((r) => r.data as Record<string, unknown>);
/** The calls of one action, in order. */
const sentOf = (request: jest.Mock, action: string) => sent(request).filter((d) => d.action === action);

async function open(pagePath: string, query: Record<string, string>) {
  const page = renderPage(pagePath);
  callLifecycle(page, 'onLoad', query);
  await settle();
  return page;
}

let navigateTo: jest.Mock;
beforeEach(() => {
  jest.resetModules();
  navigateTo = jest.fn();
  Object.assign(wx, { navigateTo });
});
afterEach(() => jest.restoreAllMocks());

describe('the desk', () => {
  test('shows the figures with their change coloured by which way is better, and what needs attention', async () => {
    stub({ figures: () => ({ body: ok(someFigures()) }) });
    const page = await open('pages-admin/desk/index', { nodeId: 'xm-siming', name: encodeURIComponent('思明区') });
    expect(textOf(page, '#node-name')).toBe('思明区');
    expect(textOf(page, '#source')).toBe('统计截至 12月3日 20:00');
    const dues = page.querySelector('#group-dues')!;
    expect(textOf(dues)).toContain('交纳率87.5%');
    const changes = page.querySelectorAll('.figure__change');
    expect(textOf(changes[0]!)).toBe('比上期↓2.5%');
    expect(changes[0]!.dom!.className).toContain('figure__change--bad');
    // Fewer members six months behind is good news.
    expect(textOf(changes[1]!)).toBe('比上期↓1');
    expect(changes[1]!.dom!.className).toContain('figure__change--good');
    expect(textOf(page, '#attention')).toContain('有 4 人报到待审核，最长已等待 9 天');
    expect(textOf(page, '#attention')).toContain('2 人连续 6 个月以上未交党费');
    // A line with people behind it opens their list.
    page.querySelectorAll('.attention__line')[1]!.dispatchEvent('tap');
    await settle();
    expect((navigateTo.mock.calls[0]![0] as { url: string }).url).toBe(
      `/pages-admin/drilldown/index?nodeId=xm-siming&name=${encodeURIComponent('思明区')}&list=arrears6`,
    );
    expect(textOf(page, '#held-by-kind')).toBe('党小组会 3 场');
    // The trend's table says every month in words, under the chart.
    expect(textOf(page, '#trend-table')).toBe('11月85.0%12月无数据');
  });

  test('a trend figure tap asks for that figure’s 12 months', async () => {
    const request = stub({ figures: () => ({ body: ok(someFigures()) }) });
    const page = await open('pages-admin/desk/index', { nodeId: 'xm-siming' });
    page.querySelectorAll('.trend-option')[1]!.dispatchEvent('tap');
    await settle();
    expect(sent(request).at(-1)).toMatchObject({ action: 'trend', nodeId: 'xm-siming', figureId: 'dues.paidRate' });
  });

  test('a tap on a figure shows its definition; a period tap asks for that period', async () => {
    const request = stub({ figures: () => ({ body: ok(someFigures()) }) });
    const page = await open('pages-admin/desk/index', { nodeId: 'xm-siming' });
    page.querySelectorAll('.figure')[2]!.dispatchEvent('tap');
    await settle();
    expect(textOf(page, '#group-dues')).toContain('口径：交纳率的口径');
    page.querySelectorAll('.period-option')[1]!.dispatchEvent('tap');
    await settle();
    expect(sentOf(request, 'figures').at(-1)).toMatchObject({ nodeId: 'xm-siming', period: '2026-11' });
  });

  test('a report’s figures say so; the buttons open 晾晒 and the archive for the node', async () => {
    stub({
      figures: () => ({
        body: ok(someFigures({ source: 'report', report: { version: 2, issuedAt: '2026-12-01T01:00:00.000Z' } })),
      }),
    });
    const page = await open('pages-admin/desk/index', { nodeId: 'xm-siming', name: encodeURIComponent('思明区') });
    expect(textOf(page, '#source')).toBe('以下为已出具报表的数字（第 2 版，2026-12-01）');
    await tap(page, '#to-ranking', '.t-button');
    await tap(page, '#to-reports', '.t-button');
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/pages-admin/ranking/index?nodeId=xm-siming&name=${encodeURIComponent('思明区')}&period=2026-12`,
      `/pages-admin/reports/index?nodeId=xm-siming&name=${encodeURIComponent('思明区')}`,
    ]);
  });

  test('opened from 首页 with two administered nodes, it asks which; with one it opens it', async () => {
    const profile = aProfile({
      roles: [anAdminGrant('思明区'), { role: 'admin', scopeId: 'xm-huli', scopeName: '湖里区' }],
    });
    const request = stub({ whoami: () => ({ body: ok(profile) }), figures: () => ({ body: ok(someFigures()) }) });
    const page = await open('pages-admin/desk/index', {});
    expect(page.querySelectorAll('.node-choice')).toHaveLength(2);
    page.querySelectorAll('.node-choice')[1]!.querySelector('.t-cell')!.dispatchEvent('tap');
    await settle();
    expect(sentOf(request, 'figures').at(-1)).toMatchObject({ nodeId: 'xm-huli' });

    jest.resetModules();
    stub({
      whoami: () => ({ body: ok(aProfile({ isSuperAdmin: true, roles: [] })) }),
      children: () => ({ body: ok({ items: [anOrgNode({ id: 'xm', name: '厦门市', type: 'city' })] }) }),
      figures: () => ({ body: ok(someFigures({ nodeId: 'xm', nodeName: '厦门市' })) }),
    });
    const city = await open('pages-admin/desk/index', {});
    expect(textOf(city, '#node-name')).toBe('厦门市');
  });

  test('an error says why, and offers 重试 only when trying again can help', async () => {
    stub({ figures: () => ({ body: failed('PERMISSION_DENIED', '该组织不在您的管理范围内') }) });
    const page = await open('pages-admin/desk/index', { nodeId: 'xm-huli' });
    expect(textOf(page, '#error')).toContain('该组织不在您的管理范围内');
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});

function aRanking(over: Partial<Ranking> = {}): Ranking {
  const row = (
    nodeId: string,
    nodeName: string,
    rank: number | null,
    band: 'green' | 'red' | null,
    placesUp: number | null,
  ) => ({
    nodeId,
    nodeName,
    rank,
    tied: false,
    value: rank === null ? null : 900,
    text: rank === null ? '本期无应交党员' : '90.0%',
    previous: null,
    previousRank: null,
    placesUp,
    change: null,
    band,
  });
  return {
    nodeId: 'xm',
    nodeName: '厦门市',
    period: period('2026-11', '2026年11月', true),
    previousPeriod: period('2026-10', '2026年10月', true),
    figure: {
      id: 'composite',
      name: '综合得分',
      definition: '各项比率按权重加权平均',
      better: 'higher',
      unit: 'score',
    },
    bands: { green: 850, amber: 700, text: '绿：≥ 85.0 分；黄：≥ 70.0 分；红：低于 70.0 分' },
    weights: [{ figureId: 'dues.paidRate', name: '交纳率', weight: 2 }],
    rows: [
      row('xm-siming', '思明区', 1, 'green', 2),
      row('xm-huli', '湖里区', 2, 'red', -1),
      row('xm-x', '新区', null, null, null),
    ],
    notes: ['数值越高排名越前'],
    figureChoices: [
      { id: 'composite', name: '综合得分' },
      { id: 'dues.paidRate', name: '交纳率' },
    ],
    ...over,
  };
}

describe('晾晒', () => {
  test('rows show the place, the value, the move and the band in words; a figure tap ranks on it', async () => {
    const request = stub({ ranking: () => ({ body: ok(aRanking()) }) });
    const page = await open('pages-admin/ranking/index', {
      nodeId: 'xm',
      name: encodeURIComponent('厦门市'),
      period: '2026-11',
    });
    const rows = page.querySelectorAll('.rank-row');
    expect(rows.map((r) => textOf(r))).toEqual([
      '1思明区90.0%上升 2 名绿',
      '2湖里区90.0%下降 1 名红',
      '—新区本期无应交党员',
    ]);
    // The definition, weights and bands are folded under the figure's name until asked for.
    expect(page.querySelector('#weights')).toBeUndefined();
    expect(textOf(page, '#legend-toggle')).toContain('看口径');
    page.querySelector('#legend-toggle')!.dispatchEvent('tap');
    await settle();
    expect(textOf(page, '#weights')).toBe('权重：交纳率 ×2');
    expect(textOf(page, '#bands')).toContain('绿：≥ 85.0 分');
    // Only places with a value are drawn: 新区 has none and is in the list only.
    const option = (page.instance.data as { chartOption: { dataset: { source: [string, number][] } } }).chartOption;
    expect(option.dataset.source.map(([name]) => name)).toEqual(['湖里区', '思明区']);
    page.querySelectorAll('.figure-option')[1]!.dispatchEvent('tap');
    await settle();
    expect(sent(request).at(-1)).toMatchObject({
      action: 'ranking',
      nodeId: 'xm',
      figureId: 'dues.paidRate',
      period: '2026-11',
    });
  });

  test('a row opens that district’s desk; 导出表格 makes the file and opens it to forward', async () => {
    const request = stub({
      ranking: () => ({ body: ok(aRanking()) }),
      export: () => ({
        body: ok({
          fileId: 'cloud://x/y.xlsx',
          url: 'http://127.0.0.1/y.xlsx',
          fileName: '厦门市晾晒.xlsx',
          rows: 3,
          bytes: 100,
        }),
      }),
    });
    const downloadFile = jest.fn((o: WechatMiniprogram.DownloadFileOption) =>
      o.success?.({
        statusCode: 200,
        tempFilePath: '/tmp/y.xlsx',
        filePath: '',
        profile: {} as never,
        dataLength: 100,
        errMsg: 'ok',
      } as never),
    );
    const openDocument = jest.fn((o: WechatMiniprogram.OpenDocumentOption) => o.success?.({ errMsg: 'ok' }));
    Object.assign(wx, { downloadFile, openDocument });
    const page = await open('pages-admin/ranking/index', { nodeId: 'xm', name: '', period: '2026-11' });
    page.querySelectorAll('.rank-row')[0]!.dispatchEvent('tap');
    await settle();
    expect((navigateTo.mock.calls[0]![0] as { url: string }).url).toBe(
      `/pages-admin/desk/index?nodeId=xm-siming&name=${encodeURIComponent('思明区')}&period=2026-11`,
    );
    await tap(page, '#export', '.t-button');
    await settle(10);
    expect(sent(request).at(-1)).toMatchObject({
      action: 'export',
      nodeId: 'xm',
      what: { kind: 'ranking', figureId: 'composite', period: '2026-11' },
    });
    expect(downloadFile.mock.calls[0]![0]).toMatchObject({ url: 'http://127.0.0.1/y.xlsx' });
    expect(openDocument.mock.calls[0]![0]).toMatchObject({ filePath: '/tmp/y.xlsx', fileType: 'xlsx', showMenu: true });
  });
});

describe('报表', () => {
  const archive: ReportArchive = {
    nodeId: 'xm-siming',
    nodeName: '思明区',
    latest: [
      { kind: 'week', name: '周报', period: { ...period('2026-W48', '2026年第48周'), kind: 'week' }, report: null },
      {
        kind: 'month',
        name: '月报',
        period: period('2026-11', '2026年11月', true),
        report: {
          period: '2026-11',
          kind: 'month',
          name: '月报',
          label: '2026年11月',
          version: 2,
          issuedAt: '2026-12-01T01:00:00.000Z',
          issuedBy: '管理员更正',
          reason: '补录',
          changeCount: 3,
        },
      },
    ],
    recent: [],
  };

  test('the archive says what is issued and what is not yet; a report opens on a tap', async () => {
    stub({ reports: () => ({ body: ok(archive) }) });
    const page = await open('pages-admin/reports/index', { nodeId: 'xm-siming', name: '' });
    const entries = page.querySelectorAll('.report-entry');
    expect(textOf(entries[0]!, '.t-cell')).toContain('尚未出具');
    expect(textOf(entries[1]!, '.t-cell')).toContain('第 2 版 · 管理员更正 · 2026年12月1日 · 更正 3 处');
    expect(page.querySelector('#empty')).toBeTruthy();
    entries[0]!.querySelector('.t-cell')!.dispatchEvent('tap');
    entries[1]!.querySelector('.t-cell')!.dispatchEvent('tap');
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/pages-admin/report/index?nodeId=xm-siming&period=2026-11&version=2',
    ]);
  });

  test('a report shows what this version corrected and its children; 导出表格 exports that version', async () => {
    const view: ReportView = {
      ...archive.latest[1]!.report!,
      nodeId: 'xm-siming',
      nodeName: '思明区',
      periodView: period('2026-11', '2026年11月', true),
      versions: [1, 2],
      groups: someFigures().groups,
      heldByKind: [],
      pointsByCategory: [],
      children: [{ nodeId: 's1', nodeName: '中华街道', figures: [{ id: 'dues.paidRate', value: 900, text: '90.0%' }] }],
      changes: [{ nodeId: 's1', nodeName: '中华街道', figureName: '应交党员', beforeText: '2 人', afterText: '3 人' }],
    };
    const request = stub({
      report: () => ({ body: ok(view) }),
      export: () => ({ body: failed('INTERNAL', '服务暂时不可用') }),
    });
    const modal = jest
      .spyOn(wx, 'showModal')
      .mockImplementation(((o: WechatMiniprogram.ShowModalOption) => o.complete?.({ errMsg: 'ok' })) as never);
    const page = await open('pages-admin/report/index', { nodeId: 'xm-siming', period: '2026-11', version: '2' });
    expect(textOf(page, '#title')).toBe('思明区2026年11月月报');
    expect(textOf(page, '#changes')).toContain('中华街道 · 应交党员：2 人 → 3 人');
    expect(textOf(page, '#children')).toContain('中华街道 交纳率 90.0%');
    await tap(page, '#export', '.t-button');
    await settle(10);
    expect(sent(request).at(-1)).toMatchObject({
      action: 'export',
      what: { kind: 'report', period: '2026-11', version: 2 },
    });
    expect(modal.mock.calls[0]![0]).toMatchObject({ title: '导出没有成功', content: '服务暂时不可用' });
  });
});
