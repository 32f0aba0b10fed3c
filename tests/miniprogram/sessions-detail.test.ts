/** 活动详情 (pages-sessions/detail): sign up, leave with a reason, scan to check in, vote rights. */
import type { SessionDetail } from '../../typings';

import { aSessionDetail } from '../helpers/session-replies';
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

const DETAIL = 'pages-sessions/detail/index';

/** Records WeChat dialogs and answers them (confirm by default). */
function stubModal(confirm = true): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    const res = {
      confirm,
      cancel: !confirm,
      content: '',
      errMsg: 'showModal:ok',
    } as WechatMiniprogram.ShowModalSuccessCallbackResult;
    opts.success?.(res);
    opts.complete?.(res);
  }) as typeof wx.showModal);
}

async function open(
  answer: (req: SentRequest) => Answer,
  id = 'ses_1',
): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(DETAIL);
  callLifecycle(page, 'onLoad', { id });
  await settle();
  return { page, request };
}

/** Answers `detail` with each of `details` in turn (the page reloads after every action). */
function sequence(details: SessionDetail[], others: Record<string, Answer> = {}) {
  let n = 0;
  return (req: SentRequest): Answer => {
    const { action } = req.data as { action: string };
    if (action === 'detail') return { body: ok(details[Math.min(n++, details.length - 1)]) };
    return others[action] ?? { body: failed('INVALID_ARGUMENT', `unexpected ${action}`) };
  };
}

const actions = (request: jest.Mock) => sentRequests(request).map((r) => r.data as Record<string, unknown>);

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('活动详情', () => {
  test('shows what, when, where and who, with the agenda', async () => {
    const { page } = await open(sequence([aSessionDetail({ capacity: 30, seatsTaken: 8 })]));
    const summary = textOf(page.querySelector('#summary'));
    expect(summary).toContain('三月份支部党员大会');
    expect(summary).toContain('2030年3月5日（周二）19:30–21:00');
    expect(summary).toContain('思明区流动党员服务管理站 湖滨南路388号');
    expect(summary).toContain('思明区流动党员党支部党员');
    expect(textOf(page.querySelector('#seats'))).toContain('共 30 个名额，已报名 8 人');
    expect(textOf(page.querySelector('#agenda'))).toContain('传达上级精神');
    expect(textOf(page.querySelector('#checkin-hint'))).toContain('扫码签到从 2030年3月5日（周二）19:00 开始');
    expect(page.querySelector('#scan')).toBeFalsy();
  });

  test('signs up, then says so and offers to cancel', async () => {
    const modal = stubModal();
    const { page, request } = await open(
      sequence(
        [
          aSessionDetail(),
          aSessionDetail({ myStatus: 'signed_up', canSignUp: false, canCancelSignUp: true, seatsTaken: 1 }),
        ],
        {
          signUp: {
            body: ok({
              sessionId: 'ses_1',
              status: 'signed_up',
              seatsTaken: 1,
              capacity: null,
              leaveReason: null,
              checkedInAt: null,
            }),
          },
        },
      ),
    );
    await tap(page, '#sign-up', '.t-button');
    await settle();
    expect(actions(request)).toContainEqual({ action: 'signUp', sessionId: 'ses_1' });
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '报名成功。' }));
    expect(textOf(page.querySelector('#my-status'), '.t-tag')).toBe('已报名');
    expect(page.querySelector('#cancel-sign-up')).toBeTruthy();
    expect(page.querySelector('#sign-up')).toBeFalsy();
  });

  test('shows the server’s reason when the places are gone', async () => {
    const modal = stubModal();
    const { page } = await open(
      sequence([aSessionDetail()], {
        signUp: { body: failed('RESOURCE_EXHAUSTED', '名额已满（共 30 个），下次请早点报名') },
      }),
    );
    await tap(page, '#sign-up', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '没有报上名', content: '名额已满（共 30 个），下次请早点报名' }),
    );
  });

  test('asks leave with a ready-made reason, and refuses an empty one without calling', async () => {
    stubModal();
    const { page, request } = await open(
      sequence(
        [aSessionDetail(), aSessionDetail({ myStatus: 'leave', myLeaveReason: '外出务工回不来', canAskLeave: false })],
        {
          askLeave: {
            body: ok({
              sessionId: 'ses_1',
              status: 'leave',
              seatsTaken: 0,
              capacity: null,
              leaveReason: '外出务工回不来',
              checkedInAt: null,
            }),
          },
        },
      ),
    );
    await tap(page, '#ask-leave', '.t-button');
    expect(page.querySelector('#leave-form')).toBeTruthy();
    await tap(page, '#submit-leave', '.t-button');
    expect(textOf(page.querySelector('#leave-error'))).toContain('请写明请假原因');
    expect(actions(request).some((a) => a.action === 'askLeave')).toBe(false);

    page.querySelector('#reason-0')!.dispatchEvent('tap');
    await settle();
    await tap(page, '#submit-leave', '.t-button');
    await settle();
    expect(actions(request)).toContainEqual({ action: 'askLeave', sessionId: 'ses_1', reason: '外出务工回不来' });
    expect(textOf(page.querySelector('#leave'))).toBe('您已请假。原因：外出务工回不来');
  });

  test('scans the secretary’s code and checks in, telling the points and the voting note', async () => {
    const modal = stubModal();
    const scan = jest.spyOn(wx, 'scanCode').mockImplementation(((opts: WechatMiniprogram.ScanCodeOption) => {
      opts.success?.({
        result: 'signed.token',
        scanType: 'QR_CODE',
        charSet: 'utf-8',
        path: '',
        rawData: '',
        errMsg: 'scanCode:ok',
      });
    }) as typeof wx.scanCode);
    const { page, request } = await open(
      sequence(
        [
          aSessionDetail({ canCheckIn: true, hasVote: true, myVotingRight: 'observer_inflow' }),
          aSessionDetail({
            myStatus: 'attended',
            canCheckIn: false,
            myCheckedInAt: '2030-03-05T11:20:00.000Z',
            hasVote: true,
            myVotingRight: 'observer_inflow',
          }),
        ],
        {
          checkIn: {
            body: ok({
              sessionId: 'ses_1',
              title: '三月份支部党员大会',
              checkedInAt: '2030-03-05T11:20:00.000Z',
              alreadyCheckedIn: false,
              points: 3,
              pointsNote: null,
              votingRight: 'observer_inflow',
            }),
          },
        },
      ),
    );
    expect(textOf(page.querySelector('#voting'))).toBe('本次会议有表决事项。您：列席，不参加表决（流动党员）');
    await tap(page, '#scan', '.t-button');
    await settle();
    expect(scan).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }));
    expect(actions(request)).toContainEqual({ action: 'checkIn', token: 'signed.token' });
    const told = modal.mock.calls.at(-1)![0] as WechatMiniprogram.ShowModalOption;
    expect(told.content).toContain('签到成功');
    expect(told.content).toContain('积分 +3');
    expect(told.content).toContain('不参加表决');
    expect(textOf(page.querySelector('#checked-in'))).toBe('您已于 2030年3月5日（周二）19:20 签到');
  });

  test('tells the member plainly when the code is stale, and does nothing when the scan is cancelled', async () => {
    const modal = stubModal();
    let scans = 0;
    jest.spyOn(wx, 'scanCode').mockImplementation(((opts: WechatMiniprogram.ScanCodeOption) => {
      scans += 1;
      if (scans === 1) opts.fail?.({ errMsg: 'scanCode:fail cancel' });
      else
        opts.success?.({
          result: 'old.token',
          scanType: 'QR_CODE',
          charSet: 'utf-8',
          path: '',
          rawData: '',
          errMsg: 'scanCode:ok',
        });
    }) as typeof wx.scanCode);
    const { page, request } = await open(
      sequence([aSessionDetail({ canCheckIn: true })], {
        checkIn: {
          body: failed('FAILED_PRECONDITION', '签到码已经过期（每 30 秒换一次）。请扫描书记手机上现在显示的签到码'),
        },
      }),
    );
    const dialogs = modal.mock.calls.length;
    await tap(page, '#scan', '.t-button');
    expect(actions(request).some((a) => a.action === 'checkIn')).toBe(false);
    expect(modal.mock.calls.length).toBe(dialogs);
    await tap(page, '#scan', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '签到没有成功',
        content: '签到码已经过期（每 30 秒换一次）。请扫描书记手机上现在显示的签到码',
      }),
    );
  });

  test('shows a cancelled session with its reason and no actions', async () => {
    const { page } = await open(
      sequence([
        aSessionDetail({ state: 'cancelled', cancelReason: '台风预警', canSignUp: false, canAskLeave: false }),
      ]),
    );
    expect(textOf(page.querySelector('#cancelled'))).toBe('这个活动已经取消。原因：台风预警');
    expect(page.querySelector('#actions')).toBeFalsy();
  });

  test('offers the secretary the check-in screen', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page } = await open(
      sequence([aSessionDetail({ canManage: true, myStatus: null, canSignUp: false, canAskLeave: false })]),
    );
    await tap(page, '#manage', '.t-button');
    expect(navigate).toHaveBeenCalledWith({ url: '/pages-sessions/manage/index?id=ses_1' });
  });

  test('says when the session cannot be seen, without a pointless retry', async () => {
    const { page } = await open(() => ({ body: failed('PERMISSION_DENIED', '这个活动不面向您所在的支部') }));
    expect(textOf(page.querySelector('#error'))).toContain('这个活动不面向您所在的支部');
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});
