/** 学习 (pages/sessions/index): the member's sessions in three tabs, change notices, the way in for secretaries. */
import type { Page, SessionRow, SessionUpdate } from '../../typings';
import { aSecretaryProfile, aSessionRow } from '../helpers/session-replies';
import { aProfile, failed, ok } from './builders';

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

const LIST = 'pages/sessions/index';

interface Backend {
  profile?: ReturnType<typeof aProfile>;
  pages?: Partial<Record<string, Page<SessionRow>>>;
  updates?: SessionUpdate[];
  fail?: Answer;
}

/** Answers each action as the server would, by name. */
function backend(b: Backend) {
  return (req: SentRequest): Answer => {
    const data = req.data as { action: string; tab?: string; cursor?: string };
    if (b.fail && req.url.endsWith('/sessions') && data.action === 'list') return b.fail;
    if (data.action === 'whoami') return { body: ok(b.profile ?? aProfile()) };
    if (data.action === 'updates') return { body: ok({ items: b.updates ?? [] }) };
    if (data.action === 'ackUpdate') return { body: ok({ acknowledged: true }) };
    if (data.action === 'list') {
      const key = `${data.tab}${data.cursor ? `:${data.cursor}` : ''}`;
      return { body: ok(b.pages?.[key] ?? { items: [], nextCursor: null }) };
    }
    return { body: failed('INVALID_ARGUMENT', `unexpected ${data.action}`) };
  };
}

async function open(b: Backend): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(backend(b));
  const page = renderPage(LIST);
  callLifecycle(page, 'onLoad');
  await settle();
  await settle();
  return { page, request };
}

const cards = (page: PageComponent) => page.querySelectorAll('.session').map((c) => textOf(c));

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('学习', () => {
  test('lists upcoming sessions with kind, time, place, places and the member’s standing', async () => {
    const { page, request } = await open({
      pages: {
        upcoming: {
          items: [
            aSessionRow({ capacity: 30, seatsTaken: 12, myStatus: 'signed_up' }),
            aSessionRow({ sessionId: 'ses_2', kind: 'volunteer', title: '社区义诊', myStatus: 'none' }),
          ],
          nextCursor: null,
        },
      },
    });
    expect(
      sentRequests(request)
        .map((r) => (r.data as { action: string }).action)
        .sort(),
    ).toEqual(['list', 'updates', 'whoami']);
    expect(sentRequests(request).find((r) => (r.data as { action: string }).action === 'list')?.data).toEqual({
      action: 'list',
      tab: 'upcoming',
      limit: 20,
    });
    const [first, second] = cards(page);
    expect(first).toContain('支部党员大会');
    expect(first).toContain('已报名');
    expect(first).toContain('三月份支部党员大会');
    expect(first).toContain('2030年3月5日（周二）19:30–21:00');
    expect(first).toContain('思明区流动党员服务管理站');
    expect(first).toContain('已报名 12 人，共 30 个名额');
    expect(second).toContain('志愿服务');
    expect(textOf(page.querySelector('#footer'))).toBe('已经到底了，共 2 个活动');
    expect(page.querySelector('#manager-entry')).toBeFalsy();
  });

  test('switches tabs and asks for that tab', async () => {
    const { page, request } = await open({
      pages: {
        mine: {
          items: [aSessionRow({ title: '我报过名的党课', kind: 'lecture', myStatus: 'attended' })],
          nextCursor: null,
        },
      },
    });
    expect(textOf(page.querySelector('#empty'))).toContain('现在还没有学习活动');
    page.querySelector('#tab-mine')!.dispatchEvent('tap');
    await settle();
    await settle();
    const lists = sentRequests(request).filter((r) => (r.data as { action: string }).action === 'list');
    expect(lists.at(-1)?.data).toEqual({ action: 'list', tab: 'mine', limit: 20 });
    expect(cards(page)[0]).toContain('已签到');
    expect(page.querySelector('#tab-mine')!.dom!.className).toContain('tab--on');
  });

  test('shows a change to a session the member signed up for, and forgets it once seen', async () => {
    const { page, request } = await open({
      updates: [
        {
          sessionId: 'ses_9',
          title: '三月份支部党员大会',
          startAt: '2030-03-06T11:30:00.000Z',
          state: 'published',
          note: '时间改为3月6日 19:30',
        },
      ],
    });
    expect(textOf(page.querySelector('#update-0'))).toContain('“三月份支部党员大会”：时间改为3月6日 19:30');
    await tap(page, '#dismiss-update-0', '.t-button');
    expect(page.querySelector('#update-0')).toBeFalsy();
    expect(sentRequests(request).map((r) => r.data)).toContainEqual({ action: 'ackUpdate', sessionId: 'ses_9' });
  });

  test('opens a session’s detail when tapped', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page } = await open({
      pages: { upcoming: { items: [aSessionRow({ sessionId: 'ses_7' })], nextCursor: null } },
    });
    page.querySelector('.session')!.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith({ url: '/pages-sessions/detail/index?id=ses_7' });
  });

  test('offers secretaries their work, and people not yet registered an explanation', async () => {
    const { page } = await open({ profile: aSecretaryProfile() });
    expect(textOf(page.querySelector('#manager-entry'))).toContain('发布活动、出示签到码');
    jest.resetModules();
    const stranger = await open({ profile: aProfile({ memberId: null }) });
    expect(textOf(stranger.page.querySelector('#unregistered'))).toContain('您还没有报到');
  });

  test('someone who has not registered is offered the way to register, not a dead end', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page } = await open({ profile: aProfile({ memberId: null }) });
    // Nothing to switch between before registering: the tabs wait until there is.
    expect(page.querySelector('#tabs')).toBeFalsy();
    await tap(page, '#go-register', '.t-button');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-member/register/index' });
  });

  test('says what went wrong and offers to try again', async () => {
    const { page } = await open({ fail: { fail: 'request:fail timeout' } });
    expect(textOf(page.querySelector('#error'))).toContain('网络不畅，请稍后重试');
    expect(page.querySelector('#retry')).toBeTruthy();
  });

  test('loads the next page at the bottom', async () => {
    const { page, request } = await open({
      pages: {
        upcoming: { items: [aSessionRow()], nextCursor: '20' },
        'upcoming:20': { items: [aSessionRow({ sessionId: 'ses_21', title: '第二页的活动' })], nextCursor: null },
      },
    });
    expect(textOf(page.querySelector('#footer'))).toBe('往上滑，看更多');
    (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await settle();
    expect(sentRequests(request).at(-1)?.data).toEqual({ action: 'list', tab: 'upcoming', cursor: '20', limit: 20 });
    expect(cards(page)).toHaveLength(2);
  });

  test('the next page goes to the view by path, without asking who is calling again', async () => {
    const many = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => aSessionRow({ sessionId: `${prefix}${i}`, title: `活动${prefix}${i}` }));
    const { page, request } = await open({
      pages: {
        upcoming: { items: many('u', 20), nextCursor: 'c1' },
        'upcoming:c1': { items: many('v', 2), nextCursor: null },
      },
    });
    expect(cards(page)).toHaveLength(20);
    expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(20, 2));
    expect(cards(page)).toHaveLength(22);
    expect(textOf(page.querySelector('#footer'))).not.toContain('往上滑');
    // Whoami and the notices come with the first page only.
    expect(sentRequests(request).filter((r) => (r.data as { action: string }).action === 'whoami')).toHaveLength(1);
  });
});
