/**
 * 党员信息 (pages-secretary/member/index): a registration with its suggested branches, assignment,
 * sending back, revealing the full identifiers, and later state changes of an assigned member.
 */
import type { BranchSuggestion, MemberDetail } from '../../typings';
import { failed, ok } from './builders';
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

const MEMBER = 'pages-secretary/member/index';

function aDetail(overrides: Partial<MemberDetail> = {}): MemberDetail {
  return {
    memberId: 'm-1',
    name: '张建华',
    gender: 'male',
    state: 'pending',
    industry: 'express',
    residence: '湖里区 殿前街道 兴隆社区',
    branchName: null,
    phoneMasked: '138****5678',
    submittedAt: '2024-05-01T02:00:00.000Z',
    ethnicity: '汉族',
    birthDate: '1980-03-15',
    idCardMasked: '3****************4',
    joinedPartyOn: '2005-07-01',
    partyStatus: 'full',
    home: { orgName: '中共安溪县城厢镇委员会', province: '福建省', county: '安溪县', contactName: '陈明' },
    leftHomeOn: '2019-03',
    leftHomeReason: '外出务工',
    residenceDetail: { districtId: 'd-1', streetId: 's-1', communityId: 'c-1', address: '兴隆路 88 号' },
    employer: '顺丰速运',
    job: '快递员',
    holdsPaperCertificate: false,
    wish: 'by_industry',
    branchId: null,
    pairedWith: null,
    importedFrom: null,
    history: [],
    ...overrides,
  };
}

function aSuggestion(overrides: Partial<BranchSuggestion> = {}): BranchSuggestion {
  return {
    branchId: 'b-express',
    branchName: '湖里区快递行业党支部',
    kind: 'by_industry',
    reason: '本人从事快递，希望按行业参加组织生活',
    matchesWish: true,
    canAssign: true,
    ...overrides,
  };
}

type Handler = (req: SentRequest & { data: { action: string } & Record<string, unknown> }) => Answer;

/** Answers by action; an action with no entry fails the test loudly. */
function byAction(handlers: Record<string, Handler>): (req: SentRequest) => Answer {
  return (req) => {
    const data = req.data as { action: string } & Record<string, unknown>;
    const handler = handlers[data.action];
    if (!handler) throw new Error(`unexpected action ${data.action}`);
    return handler({ ...req, data });
  };
}

async function openMember(
  handlers: Record<string, Handler>,
  id = 'm-1',
): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(byAction(handlers));
  const page = renderPage(MEMBER);
  callLifecycle(page, 'onLoad', { id });
  await settle();
  await settle();
  return { page, request };
}

/** The label → value pairs shown on the page, or inside the part `scope` selects. */
function fields(page: PageComponent, scope = ''): Record<string, string> {
  const labels = page.querySelectorAll(`${scope} .field__label`.trim()).map((n) => textOf(n));
  const values = page.querySelectorAll(`${scope} .field__value`.trim()).map((n) => textOf(n));
  return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
}

function actions(request: jest.Mock): string[] {
  return sentRequests(request).map((r) => (r.data as { action: string }).action);
}

function lastSent(request: jest.Mock, action: string): Record<string, unknown> | undefined {
  return sentRequests(request)
    .map((r) => r.data as { action: string } & Record<string, unknown>)
    .filter((d) => d.action === action)
    .pop();
}

/** Types into the panel's reason box (t-textarea: the inner textarea carries the input event). */
async function typeReason(page: PageComponent, value: string): Promise<void> {
  page
    .querySelector('#reason')
    ?.querySelector('.t-textarea__wrapper-inner')
    ?.dispatchEvent('input', { detail: { value } });
  await settle();
}

/** wx.showModal answering as the person would: confirm or cancel. */
function answerModals(confirm: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    setTimeout(() => {
      opts.success?.({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
      opts.complete?.({ errMsg: 'showModal:ok' });
    }, 0);
  }) as unknown as typeof wx.showModal);
}

const pendingHandlers = (extra: Record<string, Handler> = {}): Record<string, Handler> => ({
  detail: () => ({ body: ok(aDetail()) }),
  suggestions: () => ({
    body: ok({
      items: [
        aSuggestion(),
        aSuggestion({
          branchId: 'b-community',
          branchName: '兴隆社区流动党员党支部',
          kind: 'near_residence',
          reason: '离本人住处最近',
          matchesWish: false,
        }),
      ],
    }),
  }),
  ...extra,
});

beforeEach(() => {
  jest.resetModules();
  stubStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('党员信息：待审核的报到', () => {
  test('shows every field in Chinese, with the 身份证号 and phone masked', async () => {
    const { page, request } = await openMember(pendingHandlers());

    expect(lastSent(request, 'detail')).toEqual({ action: 'detail', memberId: 'm-1' });
    expect(textOf(page.querySelector('#state-tag'), '.t-tag')).toBe('待审核');
    expect(fields(page, '#identity')).toEqual({
      姓名: '张建华',
      性别: '男',
      民族: '汉族',
      出生日期: '1980年3月15日',
      身份证号: '3****************4',
      手机号: '138****5678',
    });
    expect(fields(page)).toEqual(
      expect.objectContaining({
        入党日期: '2005年7月1日',
        党员类别: '正式党员',
        原所在党组织: '中共安溪县城厢镇委员会',
        老家: '福建省 安溪县',
        外出时间: '2019年3月',
        外出原因: '外出务工',
        纸质活动证: '没有',
        居住地: '湖里区 殿前街道 兴隆社区',
        详细地址: '兴隆路 88 号',
        从事行业: '快递',
        工作单位: '顺丰速运',
        本人意愿: '跟着行业参加',
        所在支部: '还没有编入支部',
        报到时间: '2024年5月1日 10:00',
      }),
    );
    expect(textOf(page)).not.toMatch(/\d{11}/);
  });

  test('lists the suggested branches with each reason, the wish marked 符合本人意愿', async () => {
    const { page } = await openMember(pendingHandlers());
    const cards = page.querySelectorAll('.suggestion').map((card) => textOf(card));
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('湖里区快递行业党支部');
    expect(cards[0]).toContain('本人从事快递，希望按行业参加组织生活');
    expect(cards[0]).toContain('符合本人意愿');
    expect(cards[1]).toContain('离本人住处最近');
    expect(cards[1]).not.toContain('符合本人意愿');
  });

  test('for a registration, the choice of branch comes first, with what it rests on, before the full record', async () => {
    const { page } = await openMember(pendingHandlers());
    const titles = page.querySelectorAll('.section-title').map((t) => textOf(t));
    expect(titles[0]).toBe('划转到哪个支部');
    expect(titles.indexOf('身份信息')).toBeGreaterThan(0);
    expect(textOf(page.querySelector('#key-facts'))).toMatch(/ · 快递$/);
    expect(page.querySelector('#management')).toBeUndefined();
  });

  test('recommends one branch: the one the secretary may assign that matches the wish, first, alone in the primary colour', async () => {
    const { page } = await openMember(
      pendingHandlers({
        suggestions: () => ({
          body: ok({
            items: [
              aSuggestion({
                branchId: 'b-refer',
                branchName: '岛内快递行业党支部',
                canAssign: false,
                matchesWish: true,
              }),
              aSuggestion({ branchId: 'b-near', branchName: '兴隆社区流动党员党支部', matchesWish: false }),
              aSuggestion({ branchId: 'b-wish', branchName: '湖里区快递行业党支部', matchesWish: true }),
            ],
          }),
        }),
      }),
    );
    const cards = page.querySelectorAll('.suggestion');
    expect(cards.map((c) => textOf(c).slice(0, 12))).toEqual([
      expect.stringContaining('湖里区快递行业党支部'),
      expect.stringContaining('岛内快递行业党支部'),
      expect.stringContaining('兴隆社区流动党员党支部'),
    ]);
    expect(textOf(cards[0]!)).toContain('推荐');
    expect(cards.slice(1).some((c) => textOf(c).includes('推荐'))).toBe(false);
    const primary = page
      .querySelectorAll('.assign-button')
      .map((b) => b.querySelector('.t-button')?.dom?.className.includes('t-button--primary'));
    expect(primary).toEqual([true, false, false]);
  });

  test('划转到此支部 asks first, then assigns to that branch and shows the member as assigned', async () => {
    const modal = answerModals(true);
    const { page, request } = await openMember(
      pendingHandlers({
        assign: (req) => ({
          body: ok(
            aDetail({ state: 'active', branchId: String(req.data.branchId), branchName: '兴隆社区流动党员党支部' }),
          ),
        }),
      }),
    );

    page.querySelectorAll('.assign-button')[1]?.querySelector('.t-button')?.dispatchEvent('tap');
    await settle();
    await settle();

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('兴隆社区流动党员党支部') }),
    );
    expect(lastSent(request, 'assign')).toEqual({ action: 'assign', memberId: 'm-1', branchId: 'b-community' });
    expect(textOf(page.querySelector('#state-tag'), '.t-tag')).toBe('已编入支部');
    expect(page.querySelectorAll('.suggestion')).toHaveLength(0);
    expect(fields(page)['所在支部']).toBe('兴隆社区流动党员党支部');
  });

  test('a branch outside the secretary’s scope is offered as 转给该支部, which refers it with the note typed', async () => {
    const modal = jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
      setTimeout(
        () => opts.success?.({ confirm: true, cancel: false, content: ' 该党员在湖里送件 ', errMsg: 'showModal:ok' }),
        0,
      );
    }) as unknown as typeof wx.showModal);
    const { page, request } = await openMember(
      pendingHandlers({
        suggestions: () => ({ body: ok({ items: [aSuggestion({ canAssign: false })] }) }),
        refer: () => ({ body: ok(aDetail()) }),
      }),
    );
    const card = page.querySelector('.suggestion');
    expect(textOf(card)).toContain('转给该支部');
    expect(textOf(card)).not.toContain('划转到此支部');
    expect(textOf(card)).toContain('不在您的管理范围内');
    page.querySelector('.assign-button')?.querySelector('.t-button')?.dispatchEvent('tap');
    await settle();
    await settle();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '转给该支部', editable: true }));
    expect(lastSent(request, 'refer')).toEqual({
      action: 'refer',
      memberId: 'm-1',
      branchId: 'b-express',
      note: '该党员在湖里送件',
    });
    expect(actions(request)).not.toContain('assign');
  });

  test('nothing is assigned when the confirmation is cancelled', async () => {
    answerModals(false);
    const { page, request } = await openMember(pendingHandlers());
    page.querySelector('.assign-button')?.querySelector('.t-button')?.dispatchEvent('tap');
    await settle();
    await settle();
    expect(actions(request)).not.toContain('assign');
  });

  test('退回修改 needs a reason: nothing is sent without one', async () => {
    const { page, request } = await openMember(pendingHandlers({ sendBack: () => ({ body: ok(aDetail()) }) }));

    await tap(page, '#send-back', '.t-button');
    expect(textOf(page.querySelector('#panel'))).toContain('退回修改');
    await tap(page, '#panel-confirm', '.t-button');

    expect(textOf(page.querySelector('#reason-error'))).toContain('请写明原因');
    expect(actions(request)).not.toContain('sendBack');
  });

  test('退回修改 with a reason sends it and shows the registration as sent back', async () => {
    const { page, request } = await openMember(
      pendingHandlers({
        sendBack: (req) => ({
          body: ok(
            aDetail({
              state: 'sent_back',
              history: [
                {
                  from: 'pending',
                  to: 'sent_back',
                  by: 'sec',
                  at: '2024-05-02T02:00:00.000Z',
                  reason: String(req.data.reason),
                },
              ],
            }),
          ),
        }),
      }),
    );

    await tap(page, '#send-back', '.t-button');
    await typeReason(page, '  居住地址请写到门牌号  ');
    await tap(page, '#panel-confirm', '.t-button');
    await settle();

    expect(lastSent(request, 'sendBack')).toEqual({
      action: 'sendBack',
      memberId: 'm-1',
      reason: '居住地址请写到门牌号',
    });
    expect(textOf(page.querySelector('#state-tag'), '.t-tag')).toBe('已退回，待本人修改');
    expect(textOf(page.querySelector('#sent-back-reason'))).toBe('退回原因：居住地址请写到门牌号');
    expect(page.querySelector('#panel')).toBeUndefined();
  });

  test('a ready-made reason can be tapped instead of typed', async () => {
    const { page, request } = await openMember(
      pendingHandlers({ sendBack: () => ({ body: ok(aDetail({ state: 'sent_back' })) }) }),
    );
    await tap(page, '#send-back', '.t-button');
    page.querySelectorAll('.quick-reason')[1]?.dispatchEvent('tap');
    await settle();
    await tap(page, '#panel-confirm', '.t-button');
    await settle();
    expect(lastSent(request, 'sendBack')?.reason).toBe('居住地址不够详细，请写到门牌号');
  });

  test('查看完整信息 asks for a reason, then shows the full values once', async () => {
    const { page, request } = await openMember(
      pendingHandlers({ reveal: () => ({ body: ok({ idCardNumber: '350524198003151234', phone: '13812345678' }) }) }),
    );
    expect(page.querySelector('#revealed')).toBeUndefined();

    await tap(page, '#reveal', '.t-button');
    await tap(page, '#panel-confirm', '.t-button');
    expect(actions(request)).not.toContain('reveal');
    expect(textOf(page.querySelector('#reason-error'))).toContain('请写明原因');

    await typeReason(page, '打电话联系本人');
    await tap(page, '#panel-confirm', '.t-button');
    await settle();

    expect(lastSent(request, 'reveal')).toEqual({ action: 'reveal', memberId: 'm-1', reason: '打电话联系本人' });
    expect(textOf(page.querySelector('#revealed-id-card'))).toBe('350524198003151234');
    expect(textOf(page.querySelector('#revealed-phone'))).toBe('13812345678');
    expect(textOf(page.querySelector('#revealed'))).toContain('仅本次显示');
    expect(page.querySelector('#reveal')).toBeUndefined();
  });

  test('PERMISSION_DENIED from the server is shown in Chinese', async () => {
    const modal = answerModals(true);
    const { page } = await openMember(
      pendingHandlers({ assign: () => ({ body: failed('PERMISSION_DENIED', '目标支部不在您的管理范围内') }) }),
    );
    page.querySelector('.assign-button')?.querySelector('.t-button')?.dispatchEvent('tap');
    await settle();
    await settle();
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '没有办成', content: '目标支部不在您的管理范围内' }),
    );
    expect(textOf(page.querySelector('#state-tag'), '.t-tag')).toBe('待审核');
  });

  test('a member outside the caller’s reach shows the reason and no retry', async () => {
    const { page } = await openMember({
      detail: () => ({ body: failed('PERMISSION_DENIED', '该党员不在您的管理范围内') }),
    });
    expect(textOf(page.querySelector('#error'))).toContain('该党员不在您的管理范围内');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  test('the desk’s own branch is offered too when it is not among the suggestions', async () => {
    stubStorage({ secretaryBranch: { id: 'b-own', name: '殿前街道流动党员党支部' } });
    const { page } = await openMember(pendingHandlers());
    const cards = page.querySelectorAll('.suggestion').map((card) => textOf(card));
    expect(cards).toHaveLength(3);
    expect(cards[2]).toContain('殿前街道流动党员党支部');
  });
});

describe('党员信息：已编入支部的党员', () => {
  const active = aDetail({
    state: 'active',
    branchId: 'b-express',
    branchName: '湖里区快递行业党支部',
    pairedWith: { name: '林志强', phone: '139****0001' },
    history: [
      {
        from: 'pending',
        to: 'active',
        by: 'sec',
        at: '2024-05-02T02:00:00.000Z',
        reason: '划转至湖里区快递行业党支部',
      },
    ],
  });

  test('shows the branch, the pairing contact (masked) and the record, without suggestions', async () => {
    const { page, request } = await openMember({ detail: () => ({ body: ok(active) }) });
    expect(actions(request)).toEqual(['detail']);
    expect(fields(page)['结对联系人']).toBe('林志强 139****0001');
    expect(textOf(page.querySelector('#history'))).toContain('待审核 → 已编入支部');
    expect(page.querySelectorAll('.suggestion')).toHaveLength(0);
    expect(page.querySelector('#send-back')).toBeUndefined();
  });

  test('状态变更 needs a state and a reason, asks first, then changes it', async () => {
    const modal = answerModals(true);
    const { page, request } = await openMember({
      detail: () => ({ body: ok(active) }),
      changeState: (req) => ({ body: ok({ ...active, state: req.data.to as MemberDetail['state'] }) }),
    });

    await tap(page, '#change-state', '.t-button');
    const options = page.querySelectorAll('.state-option').map((o) => textOf(o));
    expect(options).toEqual(['转出', '返乡', '失联']);

    await typeReason(page, '已回老家');
    await tap(page, '#panel-confirm', '.t-button');
    expect(textOf(page.querySelector('#reason-error'))).toBe('请先选择新的状态');

    page.querySelector('#state-returned_home')?.dispatchEvent('tap');
    await settle();
    await typeReason(page, '已回老家务农');
    await tap(page, '#panel-confirm', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('返乡') }));
    expect(lastSent(request, 'changeState')).toEqual({
      action: 'changeState',
      memberId: 'm-1',
      to: 'returned_home',
      reason: '已回老家务农',
    });
    expect(textOf(page.querySelector('#state-tag'), '.t-tag')).toBe('已返乡');
  });

  test('a member who left can be restored to normal', async () => {
    const { page } = await openMember({ detail: () => ({ body: ok({ ...active, state: 'lost_contact' }) }) });
    await tap(page, '#change-state', '.t-button');
    expect(page.querySelectorAll('.state-option').map((o) => textOf(o))).toEqual(['转出', '返乡', '恢复正常']);
  });

  test('结对联系 opens the branch list to pick a committee member', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await openMember({ detail: () => ({ body: ok(active) }) });
    await tap(page, '#pair', '.t-button');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/pages-secretary/members/index?branchId=b-express&pickFor=m-1&pickName=${encodeURIComponent('张建华')}`,
      }),
    );
  });
});
