/** The member's dues pages: 我的党费, 交纳党费 (with the local pay sandbox), 交费记录, 申报交纳基数. */
import type { MyDues } from '../../typings';
import { aMyDues, aChoice, aDeclaration, aReceipt, CURRENT } from '../helpers/dues-views';
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

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** Answers calls to the `dues` function by action; anything else fails the test loudly. */
function duesBackend(answers: Record<string, (req: SentRequest) => Answer>): jest.Mock {
  return stubRequest((req) => {
    const action = (req.data as { action?: string }).action ?? '';
    const key = req.url.includes('/sandbox/pay/') ? 'sandbox' : action;
    const answer = answers[key];
    if (!answer) throw new Error(`unexpected request ${req.url} ${action}`);
    return answer(req);
  });
}

async function open(path: string, query: Record<string, string> = {}): Promise<PageComponent> {
  const page = renderPage(path);
  callLifecycle(page, 'onLoad', query);
  await settle();
  await settle();
  return page;
}

const actions = (mock: jest.Mock) =>
  sentRequests(mock).map((r) => (r.url.includes('/sandbox/') ? 'sandbox' : (r.data as { action: string }).action));

describe('我的党费', () => {
  const MINE = 'pages-dues/mine/index';

  test('shows this month, how far it is paid, the amount and how it is computed, and the arrears notice', async () => {
    const request = duesBackend({ myDues: () => ({ body: ok(aMyDues()) }) });
    const page = await open(MINE);
    expect(sentRequests(request)[0]).toMatchObject({
      url: 'http://127.0.0.1:3000/functions/dues',
      data: { action: 'myDues' },
    });
    expect(textOf(page.querySelector('#this-month'))).toBe(
      '2026年11月党费40.00元 未交 还没有交纳记录所在支部：思明区流动党员党支部',
    );
    expect(textOf(page.querySelector('#paid-through'))).toBe('还没有交纳记录');
    expect(textOf(page.querySelector('#arrears'))).toContain('欠交1个月以上您有党费未按月交纳，请及时补交。');
    expect(textOf(page.querySelector('#unpaid'))).toContain('2026年9月至2026年11月（3个月）');
    expect(textOf(page.querySelector('#unpaid'))).toContain('120.00');
    expect(textOf(page.querySelector('#how'))).toContain('按 1% 交纳：40.00 元');
    expect(page.querySelector('#pay')).toBeTruthy();
  });

  test('a member who pays at home is told so, with nothing to pay', async () => {
    duesBackend({
      myDues: () => ({
        body: ok(
          aMyDues({
            standing: 'pays_at_home',
            standingNote: '您的党费在流出地（原籍）党组织交纳。',
            choices: [],
            profile: null,
          }),
        ),
      }),
    });
    const page = await open(MINE);
    expect(textOf(page.querySelector('#standing'))).toContain('您的党费在流出地（原籍）党组织交纳。');
    expect(page.querySelector('#pay')).toBeFalsy();
  });

  test('a failure says what happened and can be tried again', async () => {
    let calls = 0;
    duesBackend({ myDues: () => (++calls === 1 ? { fail: 'request:fail timeout' } : { body: ok(aMyDues()) }) });
    const page = await open(MINE);
    expect(textOf(page.querySelector('#error'))).toContain('网络不畅');
    await tap(page, '#retry', '.t-button');
    await settle();
    expect(page.querySelector('#this-month')).toBeTruthy();
  });

  test('the buttons lead to paying, the receipts and declaring', async () => {
    duesBackend({ myDues: () => ({ body: ok(aMyDues()) }) });
    const navigate = jest
      .spyOn(wx, 'navigateTo')
      .mockImplementation((() => undefined) as unknown as typeof wx.navigateTo);
    const page = await open(MINE);
    await tap(page, '#pay', '.t-button');
    await tap(page, '#receipts', '.t-button');
    await tap(page, '#declare', '.t-button');
    expect(navigate.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/pages-dues/pay/index',
      '/pages-dues/receipts/index',
      '/pages-dues/declare/index',
    ]);
  });
});

describe('交纳党费', () => {
  const PAY = 'pages-dues/pay/index';
  const monthRows = (page: PageComponent) => page.querySelectorAll('.month-row').map((r) => textOf(r));

  test('starts with the months owed now ticked, and keeps the choice oldest first with no gaps', async () => {
    duesBackend({ myDues: () => ({ body: ok(aMyDues()) }) });
    const page = await open(PAY);
    expect(monthRows(page)).toEqual([
      '☑2026年9月补交40.00 元',
      '☑2026年10月补交40.00 元',
      '☑2026年11月本月40.00 元',
      '☐2026年12月预交40.00 元',
      '☐2027年1月预交40.00 元',
    ]);
    expect(textOf(page.querySelector('#total'))).toBe('已选 3 个月，合计 120.00元');

    // Ticking January ticks December; unticking October unticks what comes after it.
    page.querySelector('#month-2027-01')!.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('#total'))).toBe('已选 5 个月，合计 200.00元');
    page.querySelector('#month-2026-10')!.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('#total'))).toBe('已选 1 个月，合计 40.00元');
    expect(textOf(page.querySelector('#pay'), '.t-button')).toBe('微信支付 40.00 元');
  });

  test('months already paid are shown but cannot be ticked', async () => {
    duesBackend({
      myDues: () => ({
        body: ok(
          aMyDues({
            choices: [aChoice(CURRENT, 'current', { payable: false, note: '已交纳' }), aChoice('2026-12', 'ahead')],
          }),
        ),
      }),
    });
    const page = await open(PAY);
    expect(monthRows(page)[0]).toBe('—2026年11月已交纳40.00 元');
    page.querySelector(`#month-${CURRENT}`)!.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('#total'))).toBe('已选 0 个月，合计 0.00元');
  });

  test('pays in the local sandbox and shows the receipt', async () => {
    const request = duesBackend({
      myDues: () => ({ body: ok(aMyDues()) }),
      pay: (req) => {
        expect((req.data as { months: string[] }).months).toEqual(['2026-09', '2026-10', CURRENT]);
        return {
          body: ok({
            orderId: 'DF1',
            totalFen: 12_000,
            months: [],
            payment: {
              appId: 'a',
              timeStamp: '1',
              nonceStr: 'n',
              package: 'prepay_id=x',
              signType: 'MD5',
              paySign: 'S',
            },
          }),
        };
      },
      sandbox: () => ({ body: { ok: true, data: { state: 'SUCCESS', callbacks: [] } } }),
      orderStatus: () => ({
        body: ok({
          orderId: 'DF1',
          state: 'paid',
          totalFen: 12_000,
          months: ['2026-09', '2026-10', CURRENT],
          message: '党费交纳成功。',
          receipt: aReceipt({
            receiptNo: 'DF1',
            totalFen: 12_000,
            months: ['2026-09', '2026-10', CURRENT].map((month) => ({ month, amountFen: 4000 })),
          }),
        }),
      }),
    });
    const modal = jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
      o.success?.({ confirm: true, cancel: false, content: '', errMsg: 'showModal:ok' });
    }) as unknown as typeof wx.showModal);
    const page = await open(PAY);
    await tap(page, '#pay', '.t-button');
    for (let i = 0; i < 5; i += 1) await settle();

    expect(modal.mock.calls[0]![0]).toMatchObject({
      title: '模拟微信支付（本地演示）',
      content: expect.stringContaining('120.00'),
    });
    expect(actions(request)).toEqual(['myDues', 'pay', 'sandbox', 'orderStatus']);
    const sandboxCall = sentRequests(request)[2]!;
    expect(sandboxCall).toMatchObject({
      url: 'http://127.0.0.1:3000/sandbox/pay/DF1',
      method: 'POST',
      data: { result: 'success' },
    });
    expect(sandboxCall.header['x-wx-openid']).toBe('demo-member');
    expect(textOf(page.querySelector('#result'))).toContain('交纳成功');
    expect(textOf(page.querySelector('#receipt'))).toBe(
      '收据号：DF1月份：2026年9月至2026年11月（3个月）金额：120.00 元时间：2026年11月27日 12:05方式：微信支付',
    );
  });

  test('giving up at the payment step closes the order and goes back to choosing', async () => {
    const request = duesBackend({
      myDues: () => ({ body: ok(aMyDues()) }),
      pay: () => ({
        body: ok({
          orderId: 'DF2',
          totalFen: 12_000,
          months: [],
          payment: { appId: 'a', timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'MD5', paySign: 'S' },
        }),
      }),
      cancelPayment: () => ({
        body: ok({ orderId: 'DF2', state: 'closed', totalFen: 12_000, months: [], message: '', receipt: null }),
      }),
    });
    jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
      o.success?.({ confirm: false, cancel: true, content: '', errMsg: 'showModal:ok' });
    }) as unknown as typeof wx.showModal);
    const toast = jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const page = await open(PAY);
    await tap(page, '#pay', '.t-button');
    for (let i = 0; i < 4; i += 1) await settle();
    expect(actions(request)).toEqual(['myDues', 'pay', 'cancelPayment']);
    expect(toast.mock.calls[0]![0]).toMatchObject({ title: '已取消支付，没有扣款' });
    expect(page.querySelector('#result')).toBeFalsy();
    expect(textOf(page.querySelector('#pay'), '.t-button')).toBe('微信支付 120.00 元');
  });

  test('a refusal from the server is shown in a dialog, and nothing is charged', async () => {
    const request = duesBackend({
      myDues: () => ({ body: ok(aMyDues()) }),
      pay: () => ({
        body: failed(
          'INVALID_ARGUMENT',
          '请按月份顺序交纳，先交较早的月份：2026年9月 尚未交纳，须一并交纳。',
          'months',
        ),
      }),
    });
    const modal = jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
      o.complete?.({ errMsg: 'showModal:ok' });
    }) as unknown as typeof wx.showModal);
    const page = await open(PAY);
    await tap(page, '#pay', '.t-button');
    await settle();
    expect(modal.mock.calls[0]![0]).toMatchObject({
      title: '交纳没有成功',
      content: expect.stringContaining('请按月份顺序交纳'),
    });
    expect(actions(request)).toEqual(['myDues', 'pay']);
  });

  test('money received for months already paid is explained, not hidden', async () => {
    duesBackend({
      myDues: () => ({ body: ok(aMyDues()) }),
      pay: () => ({
        body: ok({
          orderId: 'DF3',
          totalFen: 4000,
          months: [],
          payment: { appId: 'a', timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'MD5', paySign: 'S' },
        }),
      }),
      sandbox: () => ({ body: { ok: true, data: {} } }),
      orderStatus: () => ({
        body: ok({
          orderId: 'DF3',
          state: 'unapplied',
          totalFen: 4000,
          months: [CURRENT],
          message: '付款已收到，但所交月份已经交过，由党支部退还给您。',
          receipt: null,
        }),
      }),
    });
    jest.spyOn(wx, 'showModal').mockImplementation(((o: WechatMiniprogram.ShowModalOption) => {
      o.success?.({ confirm: true, cancel: false, content: '', errMsg: 'showModal:ok' });
    }) as unknown as typeof wx.showModal);
    const page = await open(PAY);
    await tap(page, '#pay', '.t-button');
    for (let i = 0; i < 5; i += 1) await settle();
    expect(textOf(page.querySelector('#result'))).toContain('付款未计入党费');
    expect(textOf(page.querySelector('#result'))).toContain('由党支部退还给您');
  });
});

describe('交费记录', () => {
  test('lists receipts newest first, marking a reversed one', async () => {
    duesBackend({
      myReceipts: () => ({
        body: ok({
          items: [
            aReceipt({
              kind: 'reversal',
              paymentId: 'rev_off_1',
              channel: 'cash',
              receiptNo: 'SJ-1',
              totalFen: -4000,
              note: '录错',
              recordedBy: '陈美华',
              months: [{ month: '2026-10', amountFen: 4000 }],
            }),
            aReceipt({
              paymentId: 'off_1',
              channel: 'cash',
              receiptNo: 'SJ-1',
              totalFen: 4000,
              reversed: true,
              recordedBy: '陈美华',
              months: [{ month: '2026-10', amountFen: 4000 }],
            }),
            aReceipt(),
          ],
          nextCursor: null,
        }),
      }),
    });
    const page = await open('pages-dues/receipts/index');
    const cards = page.querySelectorAll('.receipt').map((c) => textOf(c));
    expect(cards[0]).toContain('冲正（撤销一笔收款）');
    expect(cards[0]).toContain('-40.00');
    expect(cards[1]).toContain('已冲正');
    expect(cards[1]).toContain('现金（陈美华 登记）');
    expect(cards[2]).toContain('2026年10月至2026年11月（2个月）');
    expect(textOf(page.querySelector('#footer'))).toBe('已经到底了，共 3 条');
  });

  test('says so when there is nothing yet', async () => {
    duesBackend({ myReceipts: () => ({ body: ok({ items: [], nextCursor: null }) }) });
    const page = await open('pages-dues/receipts/index');
    expect(textOf(page.querySelector('#empty'))).toContain('还没有交费记录');
  });
});

describe('申报交纳基数', () => {
  const DECLARE = 'pages-dues/declare/index';
  const typeInto = async (page: PageComponent, selector: string, value: string) => {
    page.querySelector(selector)!.querySelector('.t-input__control')!.dispatchEvent('input', { detail: { value } });
    await settle();
  };
  const firstTime: MyDues = aMyDues({
    profile: { amountFen: null, explanation: '', inForce: null, pending: null, history: [], relief: null },
  });

  test('quotes the base typed in 元 as integer fen, then sends the declaration', async () => {
    const request = duesBackend({
      myDues: () => ({ body: ok(firstTime) }),
      quote: () => ({
        body: ok({
          category: 'salaried',
          categoryLabel: '',
          amountFen: 6_751,
          rateBasisPoints: 150,
          bracketLabel: '',
          explanation: '月工资收入 4,500.50 元，适用……：67.51 元',
        }),
      }),
      declareBase: () => ({ body: ok(firstTime) }),
    });
    jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
    const back = jest
      .spyOn(wx, 'navigateBack')
      .mockImplementation((() => undefined) as unknown as typeof wx.navigateBack);
    const page = await open(DECLARE);
    page.querySelector('#category-salaried')!.dispatchEvent('tap');
    await settle();
    await typeInto(page, '#base', '4500.50');
    await tap(page, '#quote', '.t-button');
    await settle();
    expect(sentRequests(request)[1]!.data).toEqual({ action: 'quote', category: 'salaried', baseFen: 450_050 });
    expect(textOf(page.querySelector('#quote-result'))).toContain('67.51');

    await tap(page, '#submit', '.t-button');
    await settle();
    // First declaration: from the first month owed here.
    expect(sentRequests(request)[2]!.data).toEqual({
      action: 'declareBase',
      category: 'salaried',
      baseFen: 450_050,
      note: '',
      effectiveMonth: '2026-09',
    });
    expect(back).toHaveBeenCalled();
  });

  test('asks for the base before quoting, and refuses what is not an amount', async () => {
    const request = duesBackend({ myDues: () => ({ body: ok(firstTime) }) });
    const page = await open(DECLARE);
    await tap(page, '#quote', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toBe('请先选择您的情况');
    page.querySelector('#category-retiree')!.dispatchEvent('tap');
    await settle();
    await typeInto(page, '#base', '3000.123');
    await tap(page, '#quote', '.t-button');
    expect(textOf(page.querySelector('#form-error'))).toContain('请填写每月离退休费（养老金），单位是元');
    expect(actions(request)).toEqual(['myDues']);
  });

  test('a category without a base is quoted at once; the pending declaration is the starting point', async () => {
    const request = duesBackend({
      myDues: () => ({
        body: ok(
          aMyDues({
            profile: {
              amountFen: null,
              explanation: '',
              inForce: null,
              pending: aDeclaration({ category: 'farmer', baseFen: null }),
              history: [],
              relief: null,
            },
          }),
        ),
      }),
      quote: () => ({
        body: ok({
          category: 'student',
          categoryLabel: '学生',
          amountFen: 20,
          rateBasisPoints: null,
          bracketLabel: null,
          explanation: '学生中的党员每月交纳党费 0.20 元（固定标准）。',
        }),
      }),
    });
    const page = await open(DECLARE);
    expect(textOf(page.querySelector('#category-farmer'))).toContain('◉');
    expect(page.querySelector('#base')).toBeFalsy();
    page.querySelector('#category-student')!.dispatchEvent('tap');
    await settle();
    await settle();
    expect(sentRequests(request)[1]!.data).toEqual({ action: 'quote', category: 'student' });
    expect(textOf(page.querySelector('#quote-result'))).toContain('0.20');
  });
});
