/**
 * 组织详情 (pages-admin/node/index) and 新增下级组织 (pages-admin/add/index): a node's branches and
 * stations, renaming, closing, and adding a child of a fitting kind.
 */
import type { OrgNodeDetail } from '../../typings/areas/org';
import { anOrgNode, failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';

const NODE = 'pages-admin/node/index';
const ADD = 'pages-admin/add/index';

function aDetail(overrides: Partial<OrgNodeDetail> = {}): OrgNodeDetail {
  return {
    ...anOrgNode({
      id: 'street-1',
      type: 'street',
      name: '殿前街道',
      parentId: 'district-1',
      ancestors: ['xm', 'district-1'],
    }),
    extra: {},
    closed: false,
    branches: [anOrgNode({ id: 'mb-1', type: 'mobile_branch', name: '殿前街道流动党员党支部', hasChildren: false })],
    stations: [
      {
        ...anOrgNode({ id: 'st-1', type: 'station', name: '殿前街道流动党员服务管理站', hasChildren: false }),
        address: '兴隆路 88 号',
        openingHours: '周一至周五 9:00-17:00',
        contactPhone: '0592-1234567',
      },
    ],
    ...overrides,
  };
}

type Handler = (req: SentRequest) => Answer;

async function open(path: string, handlers: Record<string, Handler>, query: Record<string, string>) {
  const request = stubRequest((req) => {
    const { action } = req.data as { action: string };
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(req);
  });
  const page: PageComponent = renderPage(path);
  callLifecycle(page, 'onLoad', query);
  await settle();
  return { page, request };
}

/** wx.showModal answering in turn: each entry confirms (with the typed text) or cancels. */
function answerModals(...answers: { confirm: boolean; content?: string }[]): jest.SpyInstance {
  let i = 0;
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    const answer = answers[Math.min(i, answers.length - 1)] ?? { confirm: true };
    i += 1;
    setTimeout(() => {
      opts.success?.({
        confirm: answer.confirm,
        cancel: !answer.confirm,
        content: answer.content ?? '',
        errMsg: 'showModal:ok',
      });
      opts.complete?.({ errMsg: 'showModal:ok' });
    }, 0);
  }) as unknown as typeof wx.showModal);
}

function sentData(request: jest.Mock): unknown[] {
  return sentRequests(request).map((r) => r.data);
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('组织详情', () => {
  test('shows the node with its branches and stations (address, hours, phone)', async () => {
    const { page, request } = await open(NODE, { detail: () => ({ body: ok(aDetail()) }) }, { id: 'street-1' });
    expect(sentData(request)).toEqual([{ action: 'detail', id: 'street-1' }]);
    expect(textOf(page.querySelector('#node-name'))).toBe('殿前街道');
    expect(textOf(page.querySelector('#node-type'), '.t-tag')).toBe('镇（街道）');
    expect(page.querySelectorAll('.branch-row').map((r) => textOf(r, '.t-cell'))).toEqual([
      '殿前街道流动党员党支部流动党员党支部',
    ]);
    const station = textOf(page.querySelector('.station-row'), '.t-cell');
    expect(station).toContain('地址：兴隆路 88 号');
    expect(station).toContain('开放时间：周一至周五 9:00-17:00');
    expect(station).toContain('电话：0592-1234567');
  });

  test('a home-county organisation shows its extras and the co-management agreement', async () => {
    const { page } = await open(
      NODE,
      {
        detail: () => ({
          body: ok(
            aDetail({
              type: 'home_county_org',
              name: '安溪县驻厦党委',
              extra: {
                homeProvince: '福建省',
                homeCounty: '安溪县',
                agreement: { partner: '中共安溪县委组织部', signedOn: '2021-06-01' },
              },
              branches: [],
              stations: [],
            }),
          ),
        }),
      },
      { id: 'home-1' },
    );
    expect(textOf(page.querySelector('#summary'))).toContain('家乡县（市、区）安溪县');
    expect(textOf(page.querySelector('#agreement'))).toContain('共管协议单位中共安溪县委组织部');
    expect(textOf(page.querySelector('#no-branches'))).toContain('还没有直属的党支部');
  });

  test('改名 sends the new name typed in the dialog', async () => {
    answerModals({ confirm: true, content: ' 殿前街道（新） ' });
    const { page, request } = await open(
      NODE,
      {
        detail: () => ({ body: ok(aDetail()) }),
        renameNode: () => ({ body: ok(anOrgNode({ id: 'street-1', name: '殿前街道（新）' })) }),
      },
      { id: 'street-1' },
    );
    await tap(page, '#action-rename', '.t-cell');
    await settle();
    expect(sentData(request)[1]).toEqual({ action: 'renameNode', id: 'street-1', name: '殿前街道（新）' });
    expect(textOf(page.querySelector('#node-name'))).toBe('殿前街道（新）');
  });

  test('撤销 without a reason sends nothing', async () => {
    answerModals({ confirm: true, content: ' ' }, { confirm: true });
    const { page, request } = await open(NODE, { detail: () => ({ body: ok(aDetail()) }) }, { id: 'street-1' });
    await tap(page, '#action-close', '.t-button');
    await settle();
    expect(sentData(request)).toHaveLength(1);
  });

  test('撤销 shows the server’s reason when the node cannot be closed yet', async () => {
    const modal = answerModals({ confirm: true, content: '区划调整' }, { confirm: true });
    const { page, request } = await open(
      NODE,
      {
        detail: () => ({ body: ok(aDetail()) }),
        closeNode: () => ({ body: failed('FAILED_PRECONDITION', '请先撤销或调整其下的 2 个下级组织') }),
      },
      { id: 'street-1' },
    );
    await tap(page, '#action-close', '.t-button');
    await settle();
    await settle();
    expect(modal.mock.calls[0]?.[0]).toEqual(expect.objectContaining({ editable: true, confirmText: '撤销' }));
    expect(sentData(request)[1]).toEqual({ action: 'closeNode', id: 'street-1', reason: '区划调整' });
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '暂时不能撤销', content: '请先撤销或调整其下的 2 个下级组织' }),
    );
    expect(page.querySelector('#node-closed')).toBeUndefined();
  });

  test('the management entries open the roles, import and add pages for this node', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await open(NODE, { detail: () => ({ body: ok(aDetail()) }) }, { id: 'street-1' });
    await tap(page, '#action-roles', '.t-cell');
    await tap(page, '#action-import', '.t-cell');
    await tap(page, '#action-add', '.t-cell');
    const name = encodeURIComponent('殿前街道');
    expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/pages-admin/roles/index?scopeId=street-1&scopeName=${name}&scopeType=street`,
      `/pages-admin/import/index?scopeId=street-1&scopeName=${name}`,
      `/pages-admin/add/index?parentId=street-1&parentType=street&parentName=${name}`,
    ]);
  });

  test('a branch cannot have lower nodes: no 新增下级组织', async () => {
    const { page } = await open(
      NODE,
      {
        detail: () => ({
          body: ok(aDetail({ type: 'mobile_branch', hasChildren: false, branches: [], stations: [] })),
        }),
      },
      { id: 'mb-1' },
    );
    expect(page.querySelector('#action-add')).toBeUndefined();
    expect(page.querySelector('#action-roles')).toBeDefined();
  });
});

describe('新增下级组织', () => {
  const UNDER_STREET = { parentId: 'street-1', parentType: 'street', parentName: encodeURIComponent('殿前街道') };

  test('offers only the kinds that fit under the parent', async () => {
    const { page } = await open(ADD, {}, UNDER_STREET);
    expect(page.querySelectorAll('.type-option').map((o) => textOf(o))).toEqual([
      '村（社区）',
      '流动党员党支部',
      '党支部',
      '流动党员服务管理站',
    ]);
  });

  test('a station asks for its address, hours and phone and sends them', async () => {
    const back = jest.spyOn(wx, 'navigateBack');
    const { page, request } = await open(
      ADD,
      { addNode: () => ({ body: ok(anOrgNode({ id: 'new', type: 'station', name: '兴隆服务站' })) }) },
      UNDER_STREET,
    );
    page.querySelector('#type-station')?.dispatchEvent('tap');
    await settle();
    const input = (id: string, value: string) =>
      page.querySelector(id)?.querySelector('.t-input__control')?.dispatchEvent('input', { detail: { value } });
    input('#name', '兴隆服务站');
    input('#extra-address', '兴隆路 88 号');
    input('#extra-openingHours', '每天 9:00-17:00');
    await settle();
    await tap(page, '#submit', '.t-button');
    await settle();

    expect(sentData(request)).toEqual([
      {
        action: 'addNode',
        parentId: 'street-1',
        type: 'station',
        name: '兴隆服务站',
        extra: { address: '兴隆路 88 号', openingHours: '每天 9:00-17:00' },
      },
    ]);
    expect(back).toHaveBeenCalled();
  });

  test('needs a kind and a name before sending', async () => {
    const { page, request } = await open(ADD, {}, UNDER_STREET);
    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toBe('请先选择组织类型');
    page.querySelector('#type-branch')?.dispatchEvent('tap');
    await settle();
    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('请填写名称');
    expect(request).not.toHaveBeenCalled();
  });

  test('a duplicate name is refused in Chinese', async () => {
    const modal = jest.spyOn(wx, 'showModal');
    const { page } = await open(
      ADD,
      { addNode: () => ({ body: failed('ALREADY_EXISTS', '“兴隆社区”已存在于殿前街道之下') }) },
      UNDER_STREET,
    );
    page.querySelector('#type-community')?.dispatchEvent('tap');
    await settle();
    page
      .querySelector('#name')
      ?.querySelector('.t-input__control')
      ?.dispatchEvent('input', { detail: { value: '兴隆社区' } });
    await settle();
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '“兴隆社区”已存在于殿前街道之下' }));
  });
});
