/**
 * The paged-list behaviour (miniprogram/behaviors/paged-list.ts), through a page that uses it
 * (待审核报到) with only wx.request stubbed: its states, and that more rows go to the view by path
 * (`rows[n]`) without sending the rows already shown again.
 */
import type { MemberRow, Page } from '../../typings';
import { failed, ok } from './builders';
import {
  callLifecycle,
  deferred,
  renderPage,
  settle,
  stubRequest,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';

const PAGE = 'pages-secretary/pending/index';

function aRow(n: number): MemberRow {
  return {
    memberId: `m-${n}`,
    name: `党员${n}`,
    gender: 'male',
    state: 'pending',
    industry: 'express',
    residence: '湖里区 殿前街道',
    branchName: null,
    phoneMasked: '138****5678',
    submittedAt: '2024-05-01T02:00:00.000Z',
  };
}

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => aRow(from + i));
const aPage = (items: MemberRow[], nextCursor: string | null = null): Page<MemberRow> => ({ items, nextCursor });

interface Instance {
  data: { status: string; rows: unknown[]; nextCursor: string | null; loadingMore: boolean; moreError: string };
  setData: (patch: Record<string, unknown>) => void;
  onReachBottom(): void;
  onRetry(): void;
}

function open(answer: (req: SentRequest) => Answer | Promise<Answer>) {
  stubRequest(answer);
  const page = renderPage(PAGE);
  const instance = page.instance as unknown as Instance;
  const setData = jest.spyOn(instance, 'setData');
  callLifecycle(page, 'onLoad');
  return { page, instance, setData };
}

const shown = (page: PageComponent) => page.querySelectorAll('.member-row').length;
const cursorOf = (req: SentRequest) => (req.data as { cursor?: string }).cursor;

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('a paged list', () => {
  test('is loading until the first page arrives, then ready with its rows', async () => {
    const reply = deferred<Answer>();
    const { page, instance } = open(() => reply.promise);
    await settle();
    expect(instance.data.status).toBe('loading');
    expect(page.querySelector('#loading')).toBeTruthy();
    reply.resolve({ body: ok(aPage(rows(1, 3))) });
    await settle();
    expect(instance.data.status).toBe('ready');
    expect(shown(page)).toBe(3);
  });

  test('is empty when the first page has no rows', async () => {
    const { page, instance } = open(() => ({ body: ok(aPage([])) }));
    await settle();
    expect(instance.data).toMatchObject({ status: 'ready', rows: [], nextCursor: null });
    expect(page.querySelector('#empty')).toBeTruthy();
  });

  test('shows an error with 重试, and 重试 loads the first page again', async () => {
    let calls = 0;
    const { page, instance } = open(() => {
      calls += 1;
      return calls === 1 ? { fail: 'request:fail timeout' } : { body: ok(aPage(rows(1, 2))) };
    });
    await settle();
    expect(instance.data.status).toBe('error');
    expect(page.querySelector('#retry')).toBeTruthy();
    instance.onRetry();
    await settle();
    expect(instance.data.status).toBe('ready');
    expect(shown(page)).toBe(2);
  });

  test('offers no 重试 for a failure that trying again cannot fix', async () => {
    const { page } = open(() => ({ body: failed('PERMISSION_DENIED', '您没有权限进行此操作') }));
    await settle();
    expect(page.querySelector('#error')).toBeTruthy();
    expect(page.querySelector('#retry')).toBeFalsy();
  });

  test('appends the next page by path, never sending the rows already shown again', async () => {
    const { page, instance, setData } = open((req) =>
      cursorOf(req) === 'c2'
        ? { body: ok(aPage(rows(21, 5))) }
        : cursorOf(req) === 'c1'
          ? { body: ok(aPage(rows(41, 3), 'c2')) }
          : { body: ok(aPage(rows(1, 20), 'c1')) },
    );
    await settle();
    expect(shown(page)).toBe(20);
    setData.mockClear();

    instance.onReachBottom();
    await settle();
    const appended = setData.mock.calls.map(([patch]) => Object.keys(patch)).flat();
    expect(appended).not.toContain('rows');
    expect(appended.filter((k) => k.startsWith('rows['))).toEqual(['rows[20]', 'rows[21]', 'rows[22]']);
    expect(instance.data.nextCursor).toBe('c2');
    expect(shown(page)).toBe(23);

    setData.mockClear();
    instance.onReachBottom();
    await settle();
    const more = setData.mock.calls.map(([patch]) => Object.keys(patch)).flat();
    expect(more.filter((k) => k.startsWith('rows'))).toEqual([
      'rows[23]',
      'rows[24]',
      'rows[25]',
      'rows[26]',
      'rows[27]',
    ]);
    expect(shown(page)).toBe(28);
    expect(instance.data.nextCursor).toBeNull();

    // At the end nothing more is asked for.
    setData.mockClear();
    instance.onReachBottom();
    await settle();
    expect(setData).not.toHaveBeenCalled();
  });

  test('a failed next page keeps the rows and says so under the list; a refresh replaces the list', async () => {
    let calls = 0;
    const { page, instance } = open(() => {
      calls += 1;
      if (calls === 2) return { fail: 'request:fail timeout' };
      return { body: ok(aPage(rows(calls === 1 ? 1 : 100, 2), 'c1')) };
    });
    await settle();
    instance.onReachBottom();
    await settle();
    expect(instance.data.moreError).toContain('网络不畅');
    expect(shown(page)).toBe(2);
    callLifecycle(page, 'onPullDownRefresh');
    await settle();
    expect(instance.data).toMatchObject({ status: 'ready', moreError: '' });
    expect((instance.data.rows as { memberId: string }[]).map((r) => r.memberId)).toEqual(['m-100', 'm-101']);
  });
});
