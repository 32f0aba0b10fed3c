/** The secretary's dues pages: 支部党费 (board), 确认交纳基数, 登记线下收款. */
import { aBoard, aMemberDues, aPendingBase, aReceipt, CURRENT } from '../helpers/dues-views';
import { aProfile, aSecretaryGrant, failed, ok } from './builders';
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
import { keysSentOnLoadMore, rowKeys, rowPaths } from './load-more';

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

function backend(answers: Record<string, (req: SentRequest) => Answer>): jest.Mock {
  return stubRequest((req) => {
    const action = (req.data as { action?: string }).action ?? '';
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected request ${req.url} ${action}`);
    return answer(req);
  });
}

async function open(path: string, query: Record<string, string> = {}): Promise<PageComponent> {
  const page = renderPage(path);
  callLifecycle(page, 'onLoad', query);
  for (let i = 0; i < 4; i += 1) await settle();
  return page;
}

const payloads = (mock: jest.Mock) => sentRequests(mock).map((r) => r.data as Record<string, unknown>);

function answerModal(confirm: boolean, content = ''): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
    o.success?.({ confirm, cancel: !confirm, content, errMsg: 'showModal:ok' });
    o.complete?.({ errMsg: 'showModal:ok' });
  }) as unknown as typeof wx.showModal);
}

/** The board names its branch in the bar; the simulator has no bar. */
function quietTitle(): jest.SpyInstance {
  return jest
    .spyOn(wx, 'setNavigationBarTitle')
    .mockImplementation((() => undefined) as unknown as typeof wx.setNavigationBarTitle);
}

describe('支部党费', () => {
  const BOARD = 'pages-dues/board/index';
  const collection = {
    items: [
      {
        memberId: 'm1',
        name: '甲一',
        month: CURRENT,
        amountFen: 4000,
        state: 'due' as const,
        channel: null,
        receiptNo: null,
        paidAt: null,
      },
      {
        memberId: 'm3',
        name: '乙三',
        month: CURRENT,
        amountFen: 4000,
        state: 'paid' as const,
        channel: 'wxpay' as const,
        receiptNo: 'DF1',
        paidAt: '2026-11-02T02:00:00.000Z',
      },
    ],
    nextCursor: null,
  };

  test('shows this month’s figures, the arrears bands, the review list and the collection list', async () => {
    const request = backend({
      branchBoard: () => ({ body: ok(aBoard()) }),
      collectionList: () => ({ body: ok(collection) }),
    });
    quietTitle();
    const page = await open(BOARD, { branchId: 'xm-siming-mobile', branchName: '思明区流动党员党支部' });
    expect(payloads(request)).toEqual([
      { action: 'branchBoard', branchId: 'xm-siming-mobile' },
      { action: 'collectionList', branchId: 'xm-siming-mobile', month: CURRENT, limit: 20 },
    ]);
    // The branch is named on the page: '…党支部党费' is too long for WeChat's bar, which says 支部党费.
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '支部党费' });
    expect(textOf(page.querySelector('#totals'))).toBe(
      '思明区流动党员党支部2026年11月收缴情况应交 5 人：已交 2 人，未交 3 人免交 1 人应收 110.20 元，已收 60.00 元',
    );
    expect(textOf(page.querySelector('#bands'))).toBe(
      '欠交1个月以上：1 人 连续欠交3个月以上：1 人 连续欠交5个月：0 人 连续欠交6个月以上：1 人',
    );
    expect(textOf(page.querySelector('#review'))).toContain('丁七：2026年4月至2026年10月（7个月）');
    const rows = page.querySelectorAll('.arrears-row').map((r) => textOf(r));
    expect(rows[0]).toContain('丁七 · 连续欠交6个月以上');
    expect(rows[0]).toContain('待办：已列入审查名单');
    expect(rows[2]).toBe('甲一 · 欠交1个月以上未交：2026年10月，共 40.00 元点此登记线下收款');
    expect(textOf(page.querySelector('#collection'))).toContain('乙三微信支付 2026年11月2日 10:00');
    expect(textOf(page.querySelector('#bases'), '.t-button')).toBe('有 2 份交纳基数等待确认');
  });

  test('without a branch in the link, works on the caller’s own branch', async () => {
    const request = backend({
      whoami: () => ({ body: ok(aProfile({ roles: [aSecretaryGrant('湖里区流动党员党支部')] })) }),
      branchBoard: () => ({ body: ok(aBoard({ branchId: 'branch-1' })) }),
      collectionList: () => ({ body: ok({ items: [], nextCursor: null }) }),
    });
    quietTitle();
    await open(BOARD);
    expect(payloads(request)[1]).toEqual({ action: 'branchBoard', branchId: 'branch-1' });
  });

  test('someone who is not a secretary is told where this belongs, without a retry', async () => {
    backend({ whoami: () => ({ body: ok(aProfile()) }) });
    const page = await open(BOARD);
    expect(textOf(page.querySelector('#error'))).toContain('请从书记工作台进入');
    expect(page.querySelector('#retry')).toBeFalsy();
  });

  test('names who has no confirmed base, so an empty arrears list does not read as all paid', async () => {
    backend({
      branchBoard: () => ({
        body: ok(
          aBoard({
            rows: [],
            reviewMemberIds: [],
            noBase: [
              { memberId: 'm8', name: '辛未定', declared: true },
              { memberId: 'm9', name: '壬未报', declared: false },
            ],
          }),
        ),
      }),
      collectionList: () => ({ body: ok({ items: [], nextCursor: null }) }),
    });
    quietTitle();
    const navigate = jest
      .spyOn(wx, 'navigateTo')
      .mockImplementation((() => undefined) as unknown as typeof wx.navigateTo);
    const page = await open(BOARD, { branchId: 'xm-siming-mobile' });
    expect(textOf(page.querySelector('#no-base'))).toContain('还没有确认交纳基数：2 人');
    expect(textOf(page.querySelector('#no-base-m8'))).toBe('辛未定已申报，等您确认');
    expect(textOf(page.querySelector('#no-base-m9'))).toBe('壬未报还没有申报');
    expect(textOf(page.querySelector('#no-arrears'))).toBe('已确认基数的党员都没有欠交。');
    page.querySelector('#no-base-m9')!.dispatchEvent('tap');
    await settle();
    expect(navigate.mock.calls[0]![0]).toMatchObject({ url: '/pages-dues/offline/index?memberId=m9' });
  });

  test('with everyone’s base confirmed and nobody behind, says so plainly', async () => {
    backend({
      branchBoard: () => ({ body: ok(aBoard({ rows: [], reviewMemberIds: [] })) }),
      collectionList: () => ({ body: ok({ items: [], nextCursor: null }) }),
    });
    quietTitle();
    const page = await open(BOARD, { branchId: 'xm-siming-mobile' });
    expect(page.querySelector('#no-base')).toBeFalsy();
    expect(textOf(page.querySelector('#no-arrears'))).toBe('没有欠交党费的党员。');
  });

  test('a member’s row opens the offline payment page for them', async () => {
    backend({ branchBoard: () => ({ body: ok(aBoard()) }), collectionList: () => ({ body: ok(collection) }) });
    quietTitle();
    const navigate = jest
      .spyOn(wx, 'navigateTo')
      .mockImplementation((() => undefined) as unknown as typeof wx.navigateTo);
    const page = await open(BOARD, { branchId: 'xm-siming-mobile' });
    page.querySelector('#arrears-m3')!.dispatchEvent('tap');
    await settle();
    expect(navigate.mock.calls[0]![0]).toMatchObject({ url: '/pages-dues/offline/index?memberId=m3' });
  });

  test('more of the collection list is appended by path; the board is asked for once', async () => {
    const entries = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...collection.items[0]!,
        memberId: `m_${from + i}`,
        name: `党员${from + i}`,
      }));
    const request = backend({
      branchBoard: () => ({ body: ok(aBoard()) }),
      collectionList: (req) =>
        (req.data as { cursor?: string }).cursor === 'c1'
          ? { body: ok({ items: entries(20, 4), nextCursor: null }) }
          : { body: ok({ items: entries(0, 20), nextCursor: 'c1' }) },
    });
    quietTitle();
    const page = await open(BOARD, { branchId: 'xm-siming-mobile' });
    expect(page.querySelectorAll('#collection .month-row')).toHaveLength(20);
    expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(20, 4));
    expect(page.querySelectorAll('#collection .month-row')).toHaveLength(24);
    expect(page.querySelectorAll('.arrears-row')).toHaveLength(3);
    expect(payloads(request).map((p) => p.action)).toEqual(['branchBoard', 'collectionList', 'collectionList']);
    expect(payloads(request)[2]).toMatchObject({ month: CURRENT, cursor: 'c1' });
  });

  test('a refusal from the server shows as the error', async () => {
    backend({ branchBoard: () => ({ body: failed('PERMISSION_DENIED', '该支部不在您的管理范围内') }) });
    const page = await open(BOARD, { branchId: 'xm-huli-mobile' });
    expect(textOf(page.querySelector('#error'))).toContain('该支部不在您的管理范围内');
  });
});

describe('确认交纳基数', () => {
  const BASES = 'pages-dues/bases/index';
  const typeInto = async (page: PageComponent, selector: string, value: string) => {
    page.querySelector(selector)!.querySelector('.t-input__control')!.dispatchEvent('input', { detail: { value } });
    await settle();
  };

  test('shows each declaration with what it gives, and confirms one as declared', async () => {
    const request = backend({
      pendingBases: () => ({ body: ok({ items: [aPendingBase()], nextCursor: null }) }),
      reviewBase: () => ({ body: ok(aMemberDues()) }),
    });
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(BASES, { branchId: 'xm-siming-mobile' });
    const card = textOf(page.querySelector('#base-m_o1'));
    expect(card).toContain('申报：每月税后工资 5,500.00 元');
    expect(card).toContain('按此计算每月 82.50元');
    await tap(page, '.open-confirm', '.t-button');
    await tap(page, '#decide', '.t-button');
    await settle();
    expect(payloads(request)[1]).toEqual({
      action: 'reviewBase',
      memberId: 'm_o1',
      declarationId: 'd1',
      decision: 'confirm',
    });
    expect(textOf(page.querySelector('#empty'))).toContain('没有等待确认的交纳基数');
  });

  test('a correction needs the new base and the reason', async () => {
    const request = backend({
      pendingBases: () => ({ body: ok({ items: [aPendingBase()], nextCursor: null }) }),
      reviewBase: () => ({ body: ok(aMemberDues()) }),
    });
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(BASES, { branchId: 'xm-siming-mobile' });
    await tap(page, '.open-correct', '.t-button');
    await tap(page, '#decide', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toBe('请填写核实后的每月税后工资（元）');
    await typeInto(page, '#base', '5200');
    await tap(page, '#decide', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toBe('请写明更正的原因');
    await typeInto(page, '#reason', '以工资条为准');
    await tap(page, '#decide', '.t-button');
    await settle();
    expect(payloads(request)[1]).toEqual({
      action: 'reviewBase',
      memberId: 'm_o1',
      declarationId: 'd1',
      decision: 'correct',
      baseFen: 520_000,
      reason: '以工资条为准',
    });
  });

  test('a farmer’s amount is set by the branch, within 0.2 to 1 元', async () => {
    const request = backend({
      pendingBases: () => ({
        body: ok({
          items: [
            aPendingBase({
              declaration: { ...aPendingBase().declaration, category: 'farmer', categoryLabel: '农民', baseFen: null },
              quote: {
                category: 'farmer',
                categoryLabel: '农民',
                amountFen: null,
                rateBasisPoints: null,
                bracketLabel: null,
                explanation: '由党支部确定',
              },
            }),
          ],
          nextCursor: null,
        }),
      }),
      reviewBase: () => ({ body: ok(aMemberDues()) }),
    });
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(BASES, { branchId: 'xm-siming-mobile' });
    await tap(page, '.open-confirm', '.t-button');
    await typeInto(page, '#farmer', '1.5');
    await tap(page, '#decide', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('0.20 元至 1.00 元');
    await typeInto(page, '#farmer', '0.5');
    await tap(page, '#decide', '.t-button');
    await settle();
    expect(payloads(request)[1]).toMatchObject({ decision: 'confirm', farmerAmountFen: 50 });
  });
  test('more declarations are appended by path, and a decided one leaves the list', async () => {
    const bases = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => aPendingBase({ memberId: `m_${from + i}`, name: `党员${from + i}` }));
    backend({
      pendingBases: (req) =>
        (req.data as { cursor?: string }).cursor === 'c1'
          ? { body: ok({ items: bases(20, 3), nextCursor: null }) }
          : { body: ok({ items: bases(0, 20), nextCursor: 'c1' }) },
      reviewBase: () => ({ body: ok(aMemberDues()) }),
    });
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(BASES, { branchId: 'xm-siming-mobile' });
    expect(page.querySelectorAll('.base-card')).toHaveLength(20);
    expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(20, 3));
    expect(page.querySelectorAll('.base-card')).toHaveLength(23);
    expect(textOf(page.querySelector('#footer'))).toContain('已经到底了');
    await tap(page, '#base-m_22 .open-confirm', '.t-button');
    await tap(page, '#decide', '.t-button');
    await settle();
    expect(page.querySelectorAll('.base-card')).toHaveLength(22);
    expect(page.querySelector('#base-m_22')).toBeFalsy();
  });
});

describe('登记线下收款', () => {
  const OFFLINE = 'pages-dues/offline/index';

  test('offers owed months of any age and months ahead, oldest first, with the total', async () => {
    backend({ memberDues: () => ({ body: ok(aMemberDues()) }) });
    const page = await open(OFFLINE, { memberId: 'm_o1' });
    expect(page.querySelectorAll('#months .month-row').map((r) => textOf(r))).toEqual([
      '☐2026年3月欠交40.00 元',
      '☐2026年10月欠交40.00 元',
      '☐2026年11月本月40.00 元',
      '☐2026年12月预交40.00 元',
    ]);
    page.querySelector('#month-2026-10')!.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('#total'))).toBe('已选 2 个月，应收合计 80.00元');
    page.querySelector('#paid-on')!.dispatchEvent('change', { detail: { value: '2026-11-27' } });
    await settle();
    expect(textOf(page.querySelector('#paid-on-text'))).toMatch(/^(2026年)?11月27日（周五）$/);
  });

  test('a member with no confirmed base gets the way to confirm one, not a form that can only record 0 元', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const zero = (m: string) => ({
      month: m,
      amountFen: 0,
      standardFen: 0,
      state: 'due' as const,
      reliefNote: null,
      paid: null,
    });
    backend({
      memberDues: () => ({ body: ok(aMemberDues({ profile: null, months: [zero(CURRENT)], choices: [] })) }),
    });
    const page = await open(OFFLINE, { memberId: 'm_o1' });
    expect(textOf(page.querySelector('#no-base'))).toContain('交纳基数还没有确认');
    expect(page.querySelector('#months')).toBeFalsy();
    expect(page.querySelector('#submit')).toBeFalsy();
    await tap(page, '#open-bases', '.t-button');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-dues/bases/index' });
  });

  test('records cash with the receipt number after the secretary confirms the amount', async () => {
    const request = backend({
      memberDues: () => ({ body: ok(aMemberDues()) }),
      recordOffline: () => ({ body: ok(aReceipt({ channel: 'cash', totalFen: 4000 })) }),
    });
    const modal = answerModal(true);
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(OFFLINE, { memberId: 'm_o1' });
    page.querySelector('#month-2026-03')!.dispatchEvent('tap');
    await settle();
    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toBe('请填写收据编号');
    page
      .querySelector('#receipt-no')!
      .querySelector('.t-input__control')!
      .dispatchEvent('input', { detail: { value: 'SJ-0012' } });
    await settle();
    await tap(page, '#submit', '.t-button');
    for (let i = 0; i < 3; i += 1) await settle();
    expect(modal.mock.calls[0]![0]).toMatchObject({ content: expect.stringContaining('应收 40.00 元') });
    const sent = payloads(request)[1]!;
    expect(sent).toMatchObject({
      action: 'recordOffline',
      memberId: 'm_o1',
      months: ['2026-03'],
      channel: 'cash',
      receiptNo: 'SJ-0012',
      totalFen: 4000,
    });
    expect(sent.paidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(payloads(request)[2]).toEqual({ action: 'memberDues', memberId: 'm_o1' });
  });

  test('a receipt number used before is shown next to the form', async () => {
    backend({
      memberDues: () => ({ body: ok(aMemberDues()) }),
      recordOffline: () => ({ body: failed('ALREADY_EXISTS', '收据编号 SJ-1 已经登记过，请核对收据编号') }),
    });
    answerModal(true);
    const page = await open(OFFLINE, { memberId: 'm_o1' });
    page.querySelector('#month-2026-03')!.dispatchEvent('tap');
    page
      .querySelector('#receipt-no')!
      .querySelector('.t-input__control')!
      .dispatchEvent('input', { detail: { value: 'SJ-1' } });
    await settle();
    await tap(page, '#submit', '.t-button');
    for (let i = 0; i < 3; i += 1) await settle();
    expect(textOf(page.querySelector('#form-error'))).toBe('收据编号 SJ-1 已经登记过，请核对收据编号');
  });

  test('冲正 asks for the reason and sends the reversal', async () => {
    const request = backend({
      memberDues: () => ({
        body: ok(
          aMemberDues({
            receipts: [
              aReceipt({ paymentId: 'off_b_SJ-9', channel: 'cash', receiptNo: 'SJ-9', recordedBy: '陈美华' }),
              aReceipt(),
            ],
          }),
        ),
      }),
      reverseOffline: () => ({ body: ok(aReceipt({ kind: 'reversal', totalFen: -8000 })) }),
    });
    answerModal(true, '收据金额录错');
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(OFFLINE, { memberId: 'm_o1' });
    // Only the offline payment can be reversed here; the WeChat one cannot.
    expect(page.querySelectorAll('.reverse')).toHaveLength(1);
    await tap(page, '.reverse', '.t-button');
    await settle();
    expect(payloads(request)[1]).toEqual({ action: 'reverseOffline', paymentId: 'off_b_SJ-9', reason: '收据金额录错' });
  });
});
