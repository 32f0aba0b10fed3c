/** 待审核报到 (pages-secretary/pending/index): the queue of registrations, a page at a time. */
import { setClock } from '../helpers/clock';
import type { MemberRow, Page } from '../../typings';
import { failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  textOf,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';

const PENDING = 'pages-secretary/pending/index';

function aRow(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    memberId: 'm-1',
    name: '张建华',
    gender: 'male',
    state: 'pending',
    industry: 'express',
    residence: '湖里区 殿前街道',
    branchName: null,
    phoneMasked: '138****5678',
    submittedAt: '2024-05-01T02:00:00.000Z',
    ...overrides,
  };
}

function aPage(items: MemberRow[], nextCursor: string | null = null): Page<MemberRow> {
  return { items, nextCursor };
}

async function openPending(answer: (req: SentRequest) => Answer): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(PENDING);
  callLifecycle(page, 'onLoad');
  await settle();
  return { page, request };
}

function rowTexts(page: PageComponent): string[] {
  return page.querySelectorAll('.member-row').map((row) => textOf(row, '.t-cell'));
}

function reachBottom(page: PageComponent): void {
  (page.instance as unknown as { onReachBottom: () => void }).onReachBottom();
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('待审核报到', () => {
  test('lists the waiting registrations in plain Chinese, how long each has waited, with no full phone number', async () => {
    setClock(new Date('2024-05-13T09:00:00+08:00'));
    const { page, request } = await openPending(() => ({
      body: ok(aPage([aRow(), aRow({ memberId: 'm-2', name: '李秀英', gender: 'female', industry: 'food_delivery' })])),
    }));

    expect(sentRequests(request)[0]).toEqual(
      expect.objectContaining({
        url: 'http://127.0.0.1:3000/functions/member',
        data: { action: 'pendingQueue', limit: 20 },
      }),
    );
    expect(rowTexts(page)).toEqual([
      '张建华男 · 快递 · 湖里区 殿前街道2024年5月1日报到，已等 12 天',
      '李秀英女 · 外卖配送 · 湖里区 殿前街道2024年5月1日报到，已等 12 天',
    ]);
    expect(textOf(page.querySelector('#footer'))).toBe('已经到底了，共 2 条');
  });

  test('loads the next page with the cursor when scrolled to the bottom, and stops at the end', async () => {
    const { page, request } = await openPending((req) => {
      const cursor = (req.data as { cursor?: string }).cursor;
      return cursor === '20'
        ? { body: ok(aPage([aRow({ memberId: 'm-21', name: '王小兰' })])) }
        : { body: ok(aPage([aRow()], '20')) };
    });
    expect(rowTexts(page)).toHaveLength(1);
    expect(textOf(page.querySelector('#footer'))).toBe('往上滑，看更多');

    reachBottom(page);
    await settle();

    expect(sentRequests(request)[1]?.data).toEqual({ action: 'pendingQueue', cursor: '20', limit: 20 });
    expect(rowTexts(page).map((t) => t.slice(0, 3))).toEqual(['张建华', '王小兰']);
    expect(textOf(page.querySelector('#footer'))).toBe('已经到底了，共 2 条');

    reachBottom(page);
    await settle();
    expect(request).toHaveBeenCalledTimes(2);
  });

  test('a failed next page says so under the list and can be tried again', async () => {
    let calls = 0;
    const { page } = await openPending(() => {
      calls += 1;
      if (calls === 1) return { body: ok(aPage([aRow()], '20')) };
      if (calls === 2) return { fail: 'request:fail timeout' };
      return { body: ok(aPage([aRow({ memberId: 'm-21', name: '王小兰' })])) };
    });

    reachBottom(page);
    await settle();
    expect(textOf(page.querySelector('#footer'))).toContain('网络不畅，请稍后重试');
    expect(rowTexts(page)).toHaveLength(1);

    page.querySelector('#retry-more')?.querySelector('.t-button')?.dispatchEvent('tap');
    await settle();
    await settle();
    expect(rowTexts(page)).toHaveLength(2);
  });

  test('says 暂无待审核的报到 when nothing waits', async () => {
    const { page } = await openPending(() => ({ body: ok(aPage([])) }));
    expect(textOf(page.querySelector('#empty'))).toContain('暂无待审核的报到');
    expect(page.querySelectorAll('.member-row')).toHaveLength(0);
  });

  test('pull to refresh asks for the first page again', async () => {
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const { page, request } = await openPending(() => ({ body: ok(aPage([aRow()])) }));
    callLifecycle(page, 'onPullDownRefresh');
    await settle();
    expect(sentRequests(request).map((r) => r.data)).toEqual([
      { action: 'pendingQueue', limit: 20 },
      { action: 'pendingQueue', limit: 20 },
    ]);
    expect(stop).toHaveBeenCalled();
  });

  test('a secretary without the right sees the server’s reason and no retry', async () => {
    const { page } = await openPending(() => ({
      body: failed('PERMISSION_DENIED', '只有支部书记和管理员可以审核报到'),
    }));
    expect(textOf(page.querySelector('#error'))).toContain('只有支部书记和管理员可以审核报到');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  test('the second tab lists registrations sent back and not yet corrected, so they stay in sight', async () => {
    const { page, request } = await openPending((req) => {
      const { state } = req.data as { state?: string };
      return {
        body: ok(aPage(state === 'sent_back' ? [aRow({ memberId: 'm-back', name: '刘芳', state: 'sent_back' })] : [])),
      };
    });
    expect(textOf(page.querySelector('#empty'))).toContain('暂无待审核的报到');
    page.querySelector('#tab-sent_back')!.dispatchEvent('tap');
    await settle();
    expect(sentRequests(request).at(-1)?.data).toEqual({ action: 'pendingQueue', limit: 20, state: 'sent_back' });
    expect(rowTexts(page)[0]).toContain('刘芳');
    expect(textOf(page.querySelector('.list-hint'))).toContain('已退回本人修改');
    expect(page.querySelector('#tab-sent_back')!.dom!.className).toContain('chip--on');
  });

  test('tapping a registration opens it', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await openPending(() => ({ body: ok(aPage([aRow({ memberId: 'mem/7' })])) }));
    page.querySelector('.member-row')?.querySelector('.t-cell')?.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages-secretary/member/index?id=${encodeURIComponent('mem/7')}` }),
    );
  });
});
