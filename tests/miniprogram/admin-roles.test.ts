/**
 * 人员与权限 (pages-admin/roles/index): role holders at a node by name, revoking, and inviting
 * someone to a role (the card to forward, the code to scan); and 接受邀请 (pages-admin/accept/index).
 */
import type { InvitationView, RoleHolder } from '../../typings/areas/org';
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
const ACCEPT = 'pages-admin/accept/index';

function aHolder(overrides: Partial<RoleHolder> = {}): RoleHolder {
  return {
    grantId: '0123456789abcdef0123',
    name: '王建国',
    role: 'secretary',
    scopeId: 'b-1',
    scopeName: '兴隆社区流动党员党支部',
    grantedAt: '2024-05-01T02:00:00.000Z',
    ...overrides,
  };
}

function anInvitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    code: 'ABCDEFGH',
    role: 'secretary',
    scopeId: 'b-1',
    scopeName: '兴隆社区流动党员党支部',
    forName: '陈秀兰',
    invitedBy: '李组织',
    createdAt: '2026-12-04T02:00:00.000Z',
    expiresAt: '2026-12-07T02:00:00.000Z',
    state: 'open',
    acceptedName: null,
    acceptedAt: null,
    path: '/pages-admin/accept/index?code=ABCDEFGH',
    qrImage: 'data:image/png;base64,AAAA',
    ...overrides,
  };
}

type Handler = (req: SentRequest) => Answer;

function stubActions(handlers: Record<string, Handler>): jest.Mock {
  return stubRequest((req) => {
    const { action } = req.data as { action: string };
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(req);
  });
}

async function openRoles(
  handlers: Record<string, Handler>,
  scopeType = 'mobile_branch',
): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubActions({ listInvitations: () => ({ body: ok({ items: [] }) }), ...handlers });
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

async function typeInto(page: PageComponent, selector: string, value: string): Promise<void> {
  page.querySelector(selector)?.querySelector('.t-input__control')?.dispatchEvent('input', { detail: { value } });
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
  test('lists who holds which role by name and date, and never an openid', async () => {
    const { page, request } = await openRoles({
      listRoles: () => ({
        body: ok({ items: [aHolder(), aHolder({ grantId: 'fedcba9876543210fedc', name: null, role: 'admin' })] }),
      }),
    });
    expect(sentData(request)).toEqual([
      { action: 'listRoles', scopeId: 'b-1' },
      { action: 'listInvitations', scopeId: 'b-1' },
    ]);
    const holders = page.querySelectorAll('.holder').map((h) => textOf(h));
    expect(holders[0]).toContain('王建国');
    expect(holders[0]).toContain('支部书记 · 2024年5月1日授予');
    expect(holders[1]).toContain('姓名未登记');
    expect(holders[1]).toContain('管理员');
    expect(textOf(page.querySelector('.page-body'))).not.toMatch(/openid|用户编号/);
  });

  test('a branch offers 支部书记 and 管理员; another node only 管理员', async () => {
    const branch = await openRoles({ listRoles: () => ({ body: ok({ items: [] }) }) });
    expect(branch.page.querySelectorAll('.role-option').map((o) => textOf(o))).toEqual(['支部书记', '管理员']);
    jest.resetModules();
    const street = await openRoles({ listRoles: () => ({ body: ok({ items: [] }) }) }, 'street');
    expect(street.page.querySelectorAll('.role-option').map((o) => textOf(o))).toEqual(['管理员']);
  });

  test('inviting asks for the name, creates the invitation and shows its code, QR and share button', async () => {
    let made: InvitationView[] = [];
    const { page, request } = await openRoles({
      listRoles: () => ({ body: ok({ items: [] }) }),
      listInvitations: () => ({ body: ok({ items: made }) }),
      createInvitation: (req) => {
        const data = req.data as { forName: string; role: 'secretary' | 'admin' };
        made = [anInvitation({ forName: data.forName, role: data.role })];
        return { body: ok(made[0]) };
      },
    });
    await tap(page, '#invite', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('请填写对方的姓名');
    await typeInto(page, '#for-name', ' 陈秀兰 ');
    page.querySelector('#role-admin')?.dispatchEvent('tap');
    await settle();
    await tap(page, '#invite', '.t-button');
    await settle();

    expect(sentData(request).slice(2)).toEqual([
      { action: 'createInvitation', role: 'admin', scopeId: 'b-1', forName: '陈秀兰' },
      { action: 'listRoles', scopeId: 'b-1' },
      { action: 'listInvitations', scopeId: 'b-1' },
    ]);
    const card = textOf(page.querySelector('#invitation-ABCDEFGH'));
    expect(card).toContain('给 陈秀兰 · 管理员');
    expect(card).toContain('等待对方接受');
    expect(card).toContain('邀请码 ABCD EFGH');
    expect(card).toContain('12月7日 10:00 前有效');
    expect(page.querySelector('#invitation-ABCDEFGH .invitation__qr')).toBeDefined();
    expect(textOf(page.querySelector('#invitation-ABCDEFGH .share-button'), '.t-button')).toBe('发给对方');
  });

  test('the shared card opens 接受邀请 with the code, titled with who invites to what', async () => {
    const { page } = await openRoles({
      listRoles: () => ({ body: ok({ items: [] }) }),
      listInvitations: () => ({ body: ok({ items: [anInvitation()] }) }),
    });
    const share = (
      page.instance as unknown as { onShareAppMessage(o: unknown): { title: string; path: string } }
    ).onShareAppMessage({ from: 'button', target: { dataset: { code: 'ABCDEFGH' } } });
    expect(share).toEqual({
      title: '李组织邀请您担任“兴隆社区流动党员党支部”的支部书记',
      path: '/pages-admin/accept/index?code=ABCDEFGH',
    });
  });

  test('an invitation used or revoked says so, with no code and no buttons', async () => {
    const { page } = await openRoles({
      listRoles: () => ({ body: ok({ items: [] }) }),
      listInvitations: () => ({
        body: ok({
          items: [
            anInvitation({
              state: 'accepted',
              acceptedName: '陈秀兰',
              acceptedAt: '2026-12-04T02:30:00.000Z',
              qrImage: '',
            }),
            anInvitation({ code: 'JKMNPQRS', state: 'revoked', qrImage: '' }),
          ],
        }),
      }),
    });
    expect(textOf(page.querySelector('#invitation-ABCDEFGH'))).toContain('陈秀兰 已接受（12月4日 10:30）');
    expect(textOf(page.querySelector('#invitation-ABCDEFGH'))).not.toContain('邀请码');
    expect(textOf(page.querySelector('#invitation-JKMNPQRS'))).toContain('已撤销');
    expect(page.querySelectorAll('.share-button')).toHaveLength(0);
  });

  test('revoking an invitation asks first, then calls revokeInvitation', async () => {
    const modal = answerModals(true);
    let state: InvitationView['state'] = 'open';
    const { page, request } = await openRoles({
      listRoles: () => ({ body: ok({ items: [] }) }),
      listInvitations: () => ({ body: ok({ items: [anInvitation({ state })] }) }),
      revokeInvitation: () => {
        state = 'revoked';
        return { body: ok(anInvitation({ state })) };
      },
    });
    await tap(page, '#invitation-ABCDEFGH .revoke-invitation', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('给 陈秀兰 的邀请') }),
    );
    expect(sentData(request)).toContainEqual({ action: 'revokeInvitation', code: 'ABCDEFGH' });
    expect(textOf(page.querySelector('#invitation-ABCDEFGH'))).toContain('已撤销');
  });

  test('revoking a role asks first, then calls revokeRole with its grant id', async () => {
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
    expect(sentData(request)[2]).toEqual({ action: 'revokeRole', scopeId: 'b-1', grantId: '0123456789abcdef0123' });
    expect(page.querySelectorAll('.holder')).toHaveLength(0);
  });

  test('nothing is revoked when the confirmation is cancelled', async () => {
    answerModals(false);
    const { page, request } = await openRoles({ listRoles: () => ({ body: ok({ items: [aHolder()] }) }) });
    await tap(page, '.revoke-button', '.t-button');
    await settle();
    expect(sentData(request)).toHaveLength(2);
  });

  test('a refusal is shown in Chinese', async () => {
    const modal = answerModals(true);
    const { page } = await openRoles({
      listRoles: () => ({ body: ok({ items: [aHolder()] }) }),
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

describe('接受邀请', () => {
  async function openAccept(handlers: Record<string, Handler>, query: Record<string, string> = {}) {
    const request = stubActions(handlers);
    const page = renderPage(ACCEPT);
    callLifecycle(page, 'onLoad', query);
    await settle();
    return { page, request };
  }

  test('from the shared card: shows who invites to what, takes the name of someone not registered, accepts', async () => {
    const reLaunch = jest.spyOn(wx, 'reLaunch').mockImplementation((() => undefined) as never);
    const { page, request } = await openAccept(
      {
        viewInvitation: () => ({
          body: ok({ invitation: anInvitation({ qrImage: '' }), yourName: null, mayAccept: true, refusal: null }),
        }),
        acceptInvitation: () => ({ body: ok(aHolder({ name: '陈秀兰' })) }),
      },
      { code: 'ABCDEFGH' },
    );
    const offer = textOf(page.querySelector('#offer'));
    expect(offer).toContain('李组织');
    expect(offer).toContain('邀请您担任“兴隆社区流动党员党支部”的支部书记');
    expect(offer).toContain('12月7日 10:00 前有效，只能用一次');

    await tap(page, '#accept', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('请填写您的姓名');
    await typeInto(page, '#name', '陈秀兰');
    await tap(page, '#accept', '.t-button');
    await settle();
    expect(sentData(request)).toEqual([
      { action: 'viewInvitation', code: 'ABCDEFGH' },
      { action: 'acceptInvitation', code: 'ABCDEFGH', name: '陈秀兰' },
    ]);
    expect(textOf(page.querySelector('#done'))).toContain('您已是“兴隆社区流动党员党支部”的支部书记。');
    await tap(page, '#go-home', '.t-button');
    expect(reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  test('a registered member accepts under their registered name, without typing it', async () => {
    const { page, request } = await openAccept(
      {
        viewInvitation: () => ({
          body: ok({ invitation: anInvitation(), yourName: '林晓东', mayAccept: true, refusal: null }),
        }),
        acceptInvitation: () => ({ body: ok(aHolder({ name: '林晓东' })) }),
      },
      { code: 'ABCDEFGH' },
    );
    expect(textOf(page.querySelector('#your-name'))).toContain('林晓东');
    expect(page.querySelector('#name')).toBeUndefined();
    await tap(page, '#accept', '.t-button');
    await settle();
    expect(sentData(request)[1]).toEqual({ action: 'acceptInvitation', code: 'ABCDEFGH' });
  });

  test('an invitation that can no longer be accepted says why, with no button', async () => {
    const { page } = await openAccept(
      {
        viewInvitation: () => ({
          body: ok({
            invitation: anInvitation({ state: 'expired' }),
            yourName: null,
            mayAccept: false,
            refusal: '这个邀请已经过期，请向管理员要一个新的邀请',
          }),
        }),
      },
      { code: 'ABCDEFGH' },
    );
    expect(textOf(page.querySelector('#refusal'))).toBe('这个邀请已经过期，请向管理员要一个新的邀请');
    expect(page.querySelector('#accept')).toBeUndefined();
  });

  test('opened from 我的: scan the code, or type it; a wrong code is said and the way back offered', async () => {
    jest
      .spyOn(wx, 'scanCode')
      .mockImplementation((() => Promise.resolve({ result: 'LXXF-INVITE:ABCDEFGH' })) as unknown as typeof wx.scanCode);
    const { page } = await openAccept({
      viewInvitation: (req) =>
        (req.data as { code: string }).code === 'LXXF-INVITE:ABCDEFGH'
          ? { body: ok({ invitation: anInvitation(), yourName: null, mayAccept: true, refusal: null }) }
          : { body: failed('NOT_FOUND', '没有找到这个邀请，请核对邀请码') },
    });
    expect(textOf(page.querySelector('#entry'))).toContain('扫管理员手机上的邀请二维码');
    await tap(page, '#scan', '.t-button');
    await settle();
    expect(page.querySelector('#offer')).toBeDefined();

    jest.resetModules();
    const typed = await openAccept({
      viewInvitation: () => ({ body: failed('NOT_FOUND', '没有找到这个邀请，请核对邀请码') }),
    });
    await typeInto(typed.page, '#typed-code', 'abc');
    await tap(typed.page, '#open-typed', '.t-button');
    expect(textOf(typed.page.querySelector('#form-error'))).toContain('8 位');
    await typeInto(typed.page, '#typed-code', 'WXYZ 2345');
    await tap(typed.page, '#open-typed', '.t-button');
    await settle();
    expect(sentData(typed.request)).toEqual([{ action: 'viewInvitation', code: 'WXYZ2345' }]);
    expect(textOf(typed.page.querySelector('#error'))).toContain('没有找到这个邀请');
    await tap(typed.page, '#back-to-entry', '.t-button');
    expect(typed.page.querySelector('#entry')).toBeDefined();
  });
});
