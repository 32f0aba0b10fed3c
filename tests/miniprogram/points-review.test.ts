/**
 * 积分审核 and 积分排名 (pages-points): the secretary's queue with evidence preview, approving and
 * sending back; the ranking of the places the caller runs.
 */
import type { Reply } from '../../typings';
import { aClaimDetail, aClaimView, aRankingRow } from '../helpers/points-replies';
import { aProfile, aSecretaryGrant, anAdminGrant, failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type PageComponent,
} from './harness';

jest.setTimeout(30000);

type Route = (data: Record<string, unknown>) => Answer | Promise<Answer>;
function stubBackend(routes: Record<string, Route>): jest.Mock {
  return stubRequest((req) => {
    const data = req.data as Record<string, unknown>;
    const key = `${req.url.split('/functions/')[1]}.${String(data.action)}`;
    const route = routes[key];
    return route ? route(data) : { status: 500, body: failed('INTERNAL', `test did not expect ${key}`) };
  });
}
const answer = <T>(reply: Reply<T>): Answer => ({ body: reply });
const sent = (mock: jest.Mock, action: string) =>
  mock.mock.calls.map(([o]: [{ data: Record<string, unknown> }]) => o.data).filter((d) => d.action === action);

/** Dialogs answer as the person would: confirm (typing `content` where the dialog is editable) or cancel. */
function answerDialogs(confirm: boolean, content = ''): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    opts.success?.({
      confirm,
      cancel: !confirm,
      content,
      errMsg: 'showModal:ok',
    } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    opts.complete?.({ errMsg: 'showModal:ok' });
  }) as typeof wx.showModal);
}

async function open(path: string): Promise<PageComponent> {
  const page = renderPage(path);
  callLifecycle(page, 'onLoad');
  await settle();
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('积分审核', () => {
  const REVIEW = 'pages-points/review/index';
  const two = () => [
    aClaimDetail({
      claimId: 'c_a',
      photos: ['cloud://e.b/p1.jpg', 'cloud://e.b/p2.jpg'],
      photoUrls: ['http://h/p1.jpg', 'http://h/p2.jpg'],
    }),
    aClaimDetail({
      claimId: 'c_b',
      memberName: '张建华',
      ruleName: '公益行动',
      unit: 'time',
      quantity: 1,
      photos: [],
      photoUrls: [],
    }),
  ];

  test('shows who claimed what, when, how long, the description and the photos', async () => {
    stubBackend({ 'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })) });
    const page = await open(REVIEW);
    const cards = page.querySelectorAll('.review');
    expect(cards).toHaveLength(2);
    expect(textOf(cards[0]!)).toContain('林晓东 · 思明区流动党员党支部');
    expect(textOf(cards[0]!)).toContain('志愿服务（按小时）');
    expect(textOf(cards[0]!)).toContain('2026年3月5日 · 3 小时');
    expect(textOf(cards[0]!)).toContain('在社区帮助独居老人打扫卫生');
    expect(page.querySelectorAll('.photo')).toHaveLength(2);
    expect(textOf(cards[1]!)).toContain('没有照片');
    expect(textOf(cards[1]!)).not.toContain('小时');
  });

  test('tapping a photo opens it full screen with the claim’s other photos', async () => {
    stubBackend({ 'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })) });
    const preview = jest
      .spyOn(wx, 'previewImage')
      .mockImplementation((() => undefined) as unknown as typeof wx.previewImage);
    const page = await open(REVIEW);
    page.querySelectorAll('.photo')[1]!.dispatchEvent('tap');
    await settle();
    expect(preview).toHaveBeenCalledWith(
      expect.objectContaining({ urls: ['http://h/p1.jpg', 'http://h/p2.jpg'], current: 'http://h/p2.jpg' }),
    );
  });

  test('通过 asks first, then approves and takes the claim off the list', async () => {
    const mock = stubBackend({
      'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })),
      'points.approveClaim': (data) =>
        answer(ok(aClaimView({ claimId: String(data.claimId), state: 'approved', points: 3 }))),
    });
    const dialogs = answerDialogs(true);
    const page = await open(REVIEW);
    await tap(page, '.approve', '.t-button');
    await settle();
    expect(dialogs).toHaveBeenCalledWith(expect.objectContaining({ title: '通过申报' }));
    expect(sent(mock, 'approveClaim')).toEqual([{ action: 'approveClaim', claimId: 'c_a' }]);
    expect(page.querySelectorAll('.review')).toHaveLength(1);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过，积分 +3' }));
  });

  test('cancelling the question approves nothing', async () => {
    const mock = stubBackend({ 'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })) });
    answerDialogs(false);
    const page = await open(REVIEW);
    await tap(page, '.approve', '.t-button');
    await settle();
    expect(sent(mock, 'approveClaim')).toEqual([]);
    expect(page.querySelectorAll('.review')).toHaveLength(2);
  });

  test('退回 sends the reason the secretary typed', async () => {
    const mock = stubBackend({
      'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })),
      'points.rejectClaim': (data) => answer(ok(aClaimView({ claimId: String(data.claimId), state: 'rejected' }))),
    });
    answerDialogs(true, '  照片看不出服务内容 ');
    const page = await open(REVIEW);
    await tap(page, '.reject', '.t-button');
    await settle();
    expect(sent(mock, 'rejectClaim')).toEqual([
      { action: 'rejectClaim', claimId: 'c_a', reason: '照片看不出服务内容' },
    ]);
    expect(page.querySelectorAll('.review')).toHaveLength(1);
  });

  test('a claim someone else already decided leaves the list, and the secretary is told why', async () => {
    stubBackend({
      'points.pendingClaims': () => answer(ok({ items: two(), nextCursor: null })),
      'points.approveClaim': () => ({ body: failed('FAILED_PRECONDITION', '该申报已经审批通过，不能重复审批') }),
    });
    const dialogs = answerDialogs(true);
    const page = await open(REVIEW);
    await tap(page, '.approve', '.t-button');
    await settle();
    expect(dialogs).toHaveBeenLastCalledWith(expect.objectContaining({ content: '该申报已经审批通过，不能重复审批' }));
    expect(page.querySelectorAll('.review')).toHaveLength(1);
  });

  test('says so when nothing is waiting', async () => {
    stubBackend({ 'points.pendingClaims': () => answer(ok({ items: [], nextCursor: null })) });
    const page = await open(REVIEW);
    expect(textOf(page.querySelector('#empty'))).toContain('暂无待审核的积分申报');
  });

  test('a plain member is told plainly, with no 重试', async () => {
    stubBackend({
      'points.pendingClaims': () => ({ body: failed('PERMISSION_DENIED', '仅支部书记或管理员可以使用此功能') }),
    });
    const page = await open(REVIEW);
    expect(textOf(page.querySelector('#error'))).toContain('仅支部书记或管理员可以使用此功能');
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});

describe('积分排名', () => {
  const RANKING = 'pages-points/ranking/index';

  test('ranks the first place the caller runs, with shared ranks shown as they come', async () => {
    const mock = stubBackend({
      'user.whoami': () => answer(ok(aProfile({ roles: [aSecretaryGrant('思明区流动党员党支部')] }))),
      'points.ranking': () =>
        answer(
          ok({
            scopeId: 'branch-1',
            scopeName: '思明区流动党员党支部',
            year: 2026,
            top: 20,
            items: [
              aRankingRow({ memberId: 'a', name: '甲', points: 11 }),
              aRankingRow({ memberId: 'b', name: '乙', points: 11 }),
              aRankingRow({ rank: 3, memberId: 'c', name: '丙', points: 8, branchName: null }),
            ],
          }),
        ),
    });
    const page = await open(RANKING);
    expect(sent(mock, 'ranking')).toEqual([{ action: 'ranking', scopeId: 'branch-1', top: 20 }]);
    expect(textOf(page.querySelector('#heading'))).toBe('思明区流动党员党支部 · 2026年积分前 3 名');
    expect(page.querySelectorAll('.rank-row').map((r) => textOf(r))).toEqual([
      '1甲思明区流动党员党支部11 分',
      '1乙思明区流动党员党支部11 分',
      '3丙8 分',
    ]);
    expect(page.querySelector('#places')).toBeFalsy();
  });

  test('switches between the places the caller runs', async () => {
    const mock = stubBackend({
      'user.whoami': () =>
        answer(
          ok(aProfile({ roles: [aSecretaryGrant('某支部'), { ...anAdminGrant('思明区'), scopeId: 'xm-siming' }] })),
        ),
      'points.ranking': (data) =>
        answer(
          ok({
            scopeId: String(data.scopeId),
            scopeName: data.scopeId === 'xm-siming' ? '思明区' : '某支部',
            year: 2026,
            top: 20,
            items: [],
          }),
        ),
    });
    const page = await open(RANKING);
    expect(textOf(page.querySelector('#empty'))).toContain('今年这里还没有人获得积分');
    const places = page.querySelectorAll('.place');
    expect(places.map((p) => textOf(p, '.t-button'))).toEqual(['某支部', '思明区']);
    places[1]!.querySelector('.t-button')!.dispatchEvent('tap');
    await settle();
    await settle();
    expect(sent(mock, 'ranking').map((d) => d.scopeId)).toEqual(['branch-1', 'xm-siming']);
    expect(textOf(page.querySelector('#heading'))).toContain('思明区');
  });

  test('someone with no role is told plainly', async () => {
    stubBackend({ 'user.whoami': () => answer(ok(aProfile())) });
    const page = await open(RANKING);
    expect(textOf(page.querySelector('#error'))).toContain('只有支部书记和管理员可以查看积分排名');
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});
