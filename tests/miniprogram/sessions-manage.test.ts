/** 签到管理 (pages-sessions/manage): the rotating code, large, refreshed when the server says; figures; cancelling. */

import { aCheckinCode, aRoster, aSessionDetail } from '../helpers/session-replies';
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

const MANAGE = 'pages-sessions/manage/index';

async function open(answer: (req: SentRequest) => Answer): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(MANAGE);
  callLifecycle(page, 'onLoad', { id: 'ses_1' });
  await settle();
  await settle();
  return { page, request };
}

const actionsOf = (request: jest.Mock) => sentRequests(request).map((r) => (r.data as { action: string }).action);

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'setKeepScreenOn').mockImplementation((() => undefined) as never);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('签到管理', () => {
  test('shows the code as a large image with the figures, and keeps the screen on', async () => {
    const { page } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'detail') return { body: ok(aSessionDetail({ canManage: true })) };
      if (action === 'checkinCode') return { body: ok(aCheckinCode()) };
      if (action === 'roster')
        return {
          body: ok(
            aRoster([], {
              summary: { signedUp: 5, attended: 3, leave: 1, absent: null, expected: 12, ratePercent: null },
            }),
          ),
        };
      return { body: failed('INVALID_ARGUMENT', action) };
    });
    // The built-in <image> keeps its src as a property: the page binds it to the code's picture.
    expect(page.querySelector('#qr')?.dom?.className).toContain('qr');
    expect(page.data.qrImage).toBe('data:image/png;base64,AAAA');
    expect(textOf(page.querySelector('#code'))).toContain('点“扫码签到”');
    expect(textOf(page.querySelector('#timer'))).toBe('签到码 21 秒后自动更换，请保持本页面打开');
    expect(textOf(page.querySelector('#figures'))).toContain('3已签到');
    // 签到管理 and 考勤名单 show the same four figures in the same order.
    expect(page.querySelectorAll('.figure__label').map((l) => textOf(l))).toEqual(['已签到', '请假', '缺席', '已报名']);
    expect(textOf(page.querySelector('#figures'))).toContain('1请假');
    expect(wx.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true });
  });

  test('fetches the next code when the server’s window turns, and stops when the page is hidden', async () => {
    const timers = jest.spyOn(global, 'setTimeout');
    let codes = 0;
    const { page, request } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'detail') return { body: ok(aSessionDetail({ canManage: true })) };
      if (action === 'roster') return { body: ok(aRoster([])) };
      codes += 1;
      return { body: ok(aCheckinCode({ qrImage: `data:image/png;base64,CODE${codes}` })) };
    });
    // Scheduled by the server's clock: refreshAt − serverTime, plus a little grace.
    const scheduled = timers.mock.calls.find(([, ms]) => ms === 20_300);
    expect(scheduled).toBeDefined();
    (scheduled![0] as () => void)();
    await settle();
    await settle();
    expect(actionsOf(request).filter((a) => a === 'checkinCode')).toHaveLength(2);
    expect(page.data.qrImage).toBe('data:image/png;base64,CODE2');

    const cleared = jest.spyOn(global, 'clearTimeout');
    (page.instance as unknown as { onHide(): void }).onHide();
    expect(cleared).toHaveBeenCalled();
  });

  test('says when check-in has not opened yet, with a way to try again', async () => {
    const { page, request } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'detail') return { body: ok(aSessionDetail({ canManage: true })) };
      if (action === 'roster') return { body: ok(aRoster([])) };
      return { body: failed('FAILED_PRECONDITION', '签到还没有开始。活动开始前 30 分钟（3月5日 19:00）起可以签到') };
    });
    expect(textOf(page.querySelector('#code-message'))).toBe(
      '签到还没有开始。活动开始前 30 分钟（3月5日 19:00）起可以签到',
    );
    expect(page.querySelector('#qr')).toBeFalsy();
    await tap(page, '#refresh-code', '.t-button');
    await settle();
    expect(actionsOf(request).filter((a) => a === 'checkinCode')).toHaveLength(2);
  });

  test('cancels the session after confirming and asking the reason', async () => {
    let cancelled = false;
    jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
      const res = {
        confirm: true,
        cancel: false,
        content: opts.editable ? '场地临时被占用' : '',
        errMsg: 'ok',
      } as WechatMiniprogram.ShowModalSuccessCallbackResult;
      opts.success?.(res);
      opts.complete?.(res);
    }) as typeof wx.showModal);
    const { page, request } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'detail') {
        return {
          body: ok(
            aSessionDetail({
              canManage: true,
              ...(cancelled ? { state: 'cancelled' as const, cancelReason: '场地临时被占用' } : {}),
            }),
          ),
        };
      }
      if (action === 'cancel') {
        cancelled = true;
        return { body: ok(aSessionDetail({ state: 'cancelled', cancelReason: '场地临时被占用' })) };
      }
      if (action === 'roster') return { body: ok(aRoster([])) };
      return { body: ok(aCheckinCode()) };
    });
    await tap(page, '#cancel', '.t-button');
    await settle();
    await settle();
    expect(sentRequests(request).map((r) => r.data)).toContainEqual({
      action: 'cancel',
      sessionId: 'ses_1',
      reason: '场地临时被占用',
    });
    expect(textOf(page.querySelector('#code-message'))).toBe('活动已取消：场地临时被占用');
    expect(page.querySelector('#cancel')).toBeFalsy();
  });
});
