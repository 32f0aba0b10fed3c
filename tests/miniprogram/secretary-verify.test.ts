/** 扫码核验活动证 (pages-secretary/verify/index): scan a certificate's QR code and say if it is valid. */
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
} from './harness';

const VERIFY = 'pages-secretary/verify/index';

/** wx.scanCode reading `result`, or failing with `errMsg`. */
function stubScan(outcome: { result: string } | { errMsg: string }): jest.SpyInstance {
  return jest.spyOn(wx, 'scanCode').mockImplementation(((opts: WechatMiniprogram.ScanCodeOption) => {
    setTimeout(() => {
      if ('result' in outcome) {
        opts.success?.({
          result: outcome.result,
          scanType: 'QR_CODE',
          charSet: 'utf8',
          path: '',
          rawData: '',
          errMsg: 'scanCode:ok',
        });
      } else {
        opts.fail?.({ errMsg: outcome.errMsg });
      }
    }, 0);
  }) as unknown as typeof wx.scanCode);
}

async function scanWith(answer: Answer): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(() => answer);
  const page = renderPage(VERIFY);
  callLifecycle(page, 'onLoad');
  await settle();
  await tap(page, '#scan', '.t-button');
  await settle();
  await settle();
  return { page, request };
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('扫码核验活动证', () => {
  test('a valid certificate shows 有效 in green with its number, masked holder and branch', async () => {
    stubScan({ result: ' signed-token-1 ' });
    const { page, request } = await scanWith({
      body: ok({
        valid: true,
        reason: null,
        number: 'XM2024000123',
        holderNameMasked: '张**',
        branchName: '湖里区快递行业党支部',
      }),
    });

    expect(sentRequests(request).map((r) => r.data)).toEqual([
      { action: 'verifyCertificate', token: 'signed-token-1' },
    ]);
    expect(textOf(page.querySelector('#verdict-word'))).toBe('有效');
    expect(page.querySelector('#verdict')?.dom?.className).toContain('verdict--valid');
    expect(textOf(page.querySelector('#cert-number'))).toBe('XM2024000123');
    expect(textOf(page.querySelector('#cert-holder'))).toBe('张**');
    expect(textOf(page.querySelector('#cert-branch'))).toBe('湖里区快递行业党支部');
    expect(textOf(page.querySelector('#scan'), '.t-button')).toBe('再扫一张');
  });

  test('an invalid certificate shows 无效 in red with the reason', async () => {
    stubScan({ result: 'signed-token-2' });
    const { page } = await scanWith({
      body: ok({
        valid: false,
        reason: '活动证已收回',
        number: 'XM2024000123',
        holderNameMasked: '张**',
        branchName: null,
      }),
    });
    expect(textOf(page.querySelector('#verdict-word'))).toBe('无效');
    expect(page.querySelector('#verdict')?.dom?.className).toContain('verdict--invalid');
    expect(textOf(page.querySelector('#verdict-reason'))).toBe('活动证已收回');
    expect(page.querySelector('#cert-branch')).toBeUndefined();
  });

  test('closing the camera changes nothing and sends nothing', async () => {
    stubScan({ errMsg: 'scanCode:fail cancel' });
    const { page, request } = await scanWith({ body: ok({}) });
    expect(request).not.toHaveBeenCalled();
    expect(page.querySelector('#intro')).toBeDefined();
    expect(page.querySelector('#error')).toBeUndefined();
  });

  test('a failure of the check is told in Chinese', async () => {
    stubScan({ result: 'token' });
    const { page } = await scanWith({ body: failed('PERMISSION_DENIED', '只有支部书记和管理员可以核验活动证') });
    expect(textOf(page.querySelector('#error'))).toContain('只有支部书记和管理员可以核验活动证');
    expect(page.querySelector('#verdict')).toBeUndefined();
  });
});
