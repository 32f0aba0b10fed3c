/** 人员与权限 (pages-admin/roles/index): role holders at a node, granting and revoking. */
import type { RoleHolder } from '../../typings/areas/org';
import { failed, ok } from './builders';
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

const ROLES = 'pages-admin/roles/index';

function aHolder(overrides: Partial<RoleHolder> = {}): RoleHolder {
  return {
    openid: 'oAbc123456789',
    name: '王建国',
    role: 'secretary',
    scopeId: 'b-1',
    scopeName: '兴隆社区流动党员党支部',
    grantedBy: 'demo-admin',
    grantedAt: '2024-05-01T02:00:00.000Z',
    ...overrides,
  };
}

type Handler = (req: SentRequest) => Answer;

async function openRoles(
  handlers: Record<string, Handler>,
  scopeType = 'mobile_branch',
): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest((req) => {
    const { action } = req.data as { action: string };
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(req);
  });
  const page = renderPage(ROLES);
  callLifecycle(page, 'onLoad', { scopeId: 'b-1', scopeName: encodeURIComponent('兴隆社区流动党员党支部'), scopeType });
  await settle();
  return { page, request };
}

function answerModals(confirm: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    setTimeout(() => {
      opts.success?.({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
      opts.complete?.({ errMsg: 'showModal:ok' });
    }, 0);
  }) as unknown as typeof wx.showModal);
}

async function typeOpenid(page: PageComponent, value: string): Promise<void> {
  page.querySelector('#openid')?.querySelector('.t-input__control')?.dispatchEvent('input', { detail: { value } });
  await settle();
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

describe('人员与权限', () => {
  test('lists who holds which role, with their openid and the date', async () => {
    const { page, request } = await openRoles({
      listRoles: () => ({
        body: ok({ items: [aHolder(), aHolder({ openid: 'oXyz987654321', name: null, role: 'admin' })] }),
      }),
    });
    expect(sentData(request)).toEqual([{ action: 'listRoles', scopeId: 'b-1' }]);
    const holders = page.querySelectorAll('.holder').map((h) => textOf(h));
    expect(holders[0]).toContain('王建国');
    expect(holders[0]).toContain('支部书记 · 2024年5月1日授予');
    expect(holders[0]).toContain('用户编号：oAbc123456789');
    expect(holders[1]).toContain('还没有报到');
    expect(holders[1]).toContain('管理员');
  });

  test('shows the openid field with help on where to find it', async () => {
    const { page } = await openRoles({ listRoles: () => ({ body: ok({ items: [] }) }) });
    expect(textOf(page.querySelector('#empty'))).toContain('还没有设置书记或管理员');
    expect(textOf(page.querySelector('#openid'), '.t-input')).toContain('用户编号');
    expect(textOf(page.querySelector('#openid-help'))).toContain('“我的”页面复制');
  });

  test('a branch offers 支部书记 and 管理员; another node only 管理员', async () => {
    const branch = await openRoles({ listRoles: () => ({ body: ok({ items: [] }) }) });
    expect(branch.page.querySelectorAll('.role-option').map((o) => textOf(o))).toEqual(['支部书记', '管理员']);
    jest.resetModules();
    const street = await openRoles({ listRoles: () => ({ body: ok({ items: [] }) }) }, 'street');
    expect(street.page.querySelectorAll('.role-option').map((o) => textOf(o))).toEqual(['管理员']);
  });

  test('granting checks the openid, asks first, calls grantRole and shows the new holder', async () => {
    answerModals(true);
    let granted = false;
    const { page, request } = await openRoles({
      listRoles: () => ({ body: ok({ items: granted ? [aHolder({ openid: 'oNew1234567', name: '陈秀兰' })] : [] }) }),
      grantRole: (req) => {
        granted = true;
        const data = req.data as { openid: string; role: 'secretary' | 'admin'; scopeId: string };
        return { body: ok(aHolder({ openid: data.openid, role: data.role, name: '陈秀兰' })) };
      },
    });

    await tap(page, '#grant', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('请填写对方的用户编号');

    await typeOpenid(page, 'ab c');
    await tap(page, '#grant', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('格式不对');
    expect(sentData(request)).toHaveLength(1);

    await typeOpenid(page, ' oNew1234567 ');
    await tap(page, '#grant', '.t-button');
    await settle();

    expect(sentData(request)).toEqual([
      { action: 'listRoles', scopeId: 'b-1' },
      { action: 'grantRole', openid: 'oNew1234567', role: 'secretary', scopeId: 'b-1' },
      { action: 'listRoles', scopeId: 'b-1' },
    ]);
    expect(page.querySelectorAll('.holder').map((h) => textOf(h))[0]).toContain('陈秀兰');
  });

  test('granting 管理员 sends that role', async () => {
    answerModals(true);
    const { page, request } = await openRoles({
      listRoles: () => ({ body: ok({ items: [] }) }),
      grantRole: () => ({ body: ok(aHolder({ role: 'admin' })) }),
    });
    page.querySelector('#role-admin')?.dispatchEvent('tap');
    await settle();
    await typeOpenid(page, 'oNew1234567');
    await tap(page, '#grant', '.t-button');
    await settle();
    expect(sentData(request)[1]).toEqual({ action: 'grantRole', openid: 'oNew1234567', role: 'admin', scopeId: 'b-1' });
  });

  test('revoking asks first, then calls revokeRole for that holder', async () => {
    const modal = answerModals(true);
    let revoked = false;
    const { page, request } = await openRoles({
      listRoles: () => ({ body: ok({ items: revoked ? [] : [aHolder()] }) }),
      revokeRole: () => {
        revoked = true;
        return { body: ok({ revoked: true }) };
      },
    });
    await tap(page, '.revoke-button', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('确定撤销 王建国 的支部书记') }),
    );
    expect(sentData(request)[1]).toEqual({
      action: 'revokeRole',
      openid: 'oAbc123456789',
      role: 'secretary',
      scopeId: 'b-1',
    });
    expect(page.querySelectorAll('.holder')).toHaveLength(0);
  });

  test('nothing is revoked when the confirmation is cancelled', async () => {
    answerModals(false);
    const { page, request } = await openRoles({ listRoles: () => ({ body: ok({ items: [aHolder()] }) }) });
    await tap(page, '.revoke-button', '.t-button');
    await settle();
    expect(sentData(request)).toHaveLength(1);
  });

  test('a refusal is shown in Chinese', async () => {
    const modal = answerModals(true);
    const { page } = await openRoles({
      listRoles: () => ({ body: ok({ items: [aHolder({ openid: 'demo-admin' })] }) }),
      revokeRole: () => ({ body: failed('FAILED_PRECONDITION', '不能撤销自己的角色，请由上级管理员操作') }),
    });
    await tap(page, '.revoke-button', '.t-button');
    await settle();
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: '不能撤销自己的角色，请由上级管理员操作' }),
    );
  });

  test('without the right to see the node, says why with no retry', async () => {
    const { page } = await openRoles({
      listRoles: () => ({ body: failed('PERMISSION_DENIED', '您不是该组织的管理员') }),
    });
    expect(textOf(page.querySelector('#error'))).toContain('您不是该组织的管理员');
    expect(page.querySelector('#retry')).toBeUndefined();
  });
});
