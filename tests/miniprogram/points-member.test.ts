/** 我的积分, 积分规则 and 我的申报 (pages-points): what the member sees, loading, empty and error states, paging. */
import type { Reply } from '../../typings';
import { aClaimView, anEntry, aRule, aSummary } from '../helpers/points-replies';
import { failed, ok } from './builders';
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

/** Answers each call by its `points.<action>`; a call the test did not expect fails it. */
function stubPoints(routes: Record<string, Route>): jest.Mock {
  return stubRequest((req) => {
    const data = req.data as Record<string, unknown>;
    const key = `${req.url.split('/functions/')[1]}.${String(data.action)}`;
    const route = routes[key];
    return route ? route(data) : { status: 500, body: failed('INTERNAL', `test did not expect ${key}`) };
  });
}

const answer = <T>(reply: Reply<T>): Answer => ({ body: reply });
const calls = (mock: jest.Mock, action: string) =>
  mock.mock.calls.map(([o]: [{ data: Record<string, unknown> }]) => o.data).filter((d) => d.action === action);

async function open(path: string): Promise<PageComponent> {
  const page = renderPage(path);
  callLifecycle(page, 'onLoad');
  await settle();
  return page;
}

/** The framework calls onReachBottom when the person scrolls to the end. */
function reachBottom(page: PageComponent): void {
  (page.instance as unknown as { onReachBottom(): void }).onReachBottom();
}

beforeEach(() => {
  jest.resetModules();
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('我的积分', () => {
  const MY = 'pages-points/my/index';

  test('shows the totals, this year by category, and the ledger with signs, sources and approvers', async () => {
    stubPoints({
      'points.summary': () => answer(ok(aSummary({ pendingClaims: 2 }))),
      'points.ledger': () =>
        answer(
          ok({
            items: [
              anEntry({
                points: -3,
                ruleName: '参加党课',
                reason: '冲正：考勤记错了人（原记录：参加党课）',
                reversalOf: 'e_x',
                approvedBy: '支部书记',
                source: { type: 'attendance', id: 'a' },
              }),
              anEntry({ reversed: true }),
            ],
            nextCursor: null,
          }),
        ),
    });
    const page = await open(MY);
    expect(textOf(page.querySelector('#year-total'))).toBe('11');
    expect(textOf(page.querySelector('#lifetime-total'))).toBe('23');
    expect(textOf(page.querySelector('#totals'))).toContain('2026年积分');
    expect(page.querySelectorAll('.category-row').map((r) => textOf(r, '.t-cell'))).toEqual([
      '报到亮身份+5 分',
      '组织生活+6 分',
    ]);
    expect(textOf(page.querySelector('#open-claims'), '.t-cell')).toContain('2 条等待审核');
    const entries = page.querySelectorAll('.entry').map((e) => textOf(e));
    expect(entries[0]).toContain('参加党课-3');
    expect(entries[0]).toContain('冲正：考勤记错了人');
    expect(entries[0]).toContain('2026年3月5日 · 组织生活考勤 · 支部书记');
    expect(entries[0]).toContain('冲正记录');
    expect(entries[1]).toContain('+3');
    expect(entries[1]).toContain('已冲正');
    expect(textOf(page.querySelector('#footer'))).toBe('已经到底了，共 2 条');
  });

  test('loads the next page of the ledger at the bottom, with the cursor', async () => {
    const backend = stubPoints({
      'points.summary': () => answer(ok(aSummary())),
      'points.ledger': (data) =>
        answer(
          ok(
            data.cursor === '20'
              ? { items: [anEntry({ ruleName: '按时交纳党费' })], nextCursor: null }
              : { items: Array.from({ length: 20 }, () => anEntry()), nextCursor: '20' },
          ),
        ),
    });
    const page = await open(MY);
    expect(page.querySelectorAll('.entry')).toHaveLength(20);
    expect(textOf(page.querySelector('#footer'))).toBe('往上滑，看更多');
    reachBottom(page);
    await settle();
    expect(calls(backend, 'ledger')).toEqual([{ action: 'ledger' }, { action: 'ledger', cursor: '20' }]);
    expect(page.querySelectorAll('.entry')).toHaveLength(21);
    expect(textOf(page.querySelectorAll('.entry')[20]!)).toContain('按时交纳党费');
  });

  test('a failed next page says so under the list and tries again', async () => {
    let second = 0;
    stubPoints({
      'points.summary': () => answer(ok(aSummary())),
      'points.ledger': (data) => {
        if (!data.cursor) return answer(ok({ items: [anEntry()], nextCursor: '1' }));
        second += 1;
        return second === 1
          ? { status: 500, body: failed('UNAVAILABLE', '网络不畅，请稍后重试') }
          : answer(ok({ items: [anEntry()], nextCursor: null }));
      },
    });
    const page = await open(MY);
    reachBottom(page);
    await settle();
    expect(textOf(page.querySelector('#footer'))).toContain('网络不畅，请稍后重试');
    await tap(page, '#retry-more', '.t-button');
    await settle();
    expect(page.querySelectorAll('.entry')).toHaveLength(2);
  });

  test('says so when there are no points yet', async () => {
    stubPoints({
      'points.summary': () => answer(ok(aSummary({ yearTotal: 0, lifetimeTotal: 0, byCategory: [] }))),
      'points.ledger': () => answer(ok({ items: [], nextCursor: null })),
    });
    const page = await open(MY);
    expect(textOf(page.querySelector('#no-categories'))).toBe('今年还没有积分');
    expect(textOf(page.querySelector('#empty'))).toContain('还没有积分记录');
  });

  test('shows the server’s message for someone not registered, without a useless 重试', async () => {
    stubPoints({
      'points.summary': () => ({ body: failed('NOT_FOUND', '您还没有报到，报到后即可积累积分') }),
      'points.ledger': () => answer(ok({ items: [], nextCursor: null })),
    });
    const page = await open(MY);
    expect(textOf(page.querySelector('#error'))).toContain('您还没有报到，报到后即可积累积分');
    expect(page.querySelector('#retry')).toBeFalsy();
  });

  test('loading, then an error with 重试 that loads again', async () => {
    let n = 0;
    stubPoints({
      'points.summary': () =>
        ++n === 1 ? { status: 500, body: failed('INTERNAL', '系统出了点问题，请稍后再试') } : answer(ok(aSummary())),
      'points.ledger': () => answer(ok({ items: [], nextCursor: null })),
    });
    const page = renderPage(MY);
    callLifecycle(page, 'onLoad');
    expect(page.querySelector('#loading')).toBeTruthy();
    await settle();
    expect(textOf(page.querySelector('#error'))).toContain('系统出了点问题');
    await tap(page, '#retry', '.t-button');
    await settle();
    expect(textOf(page.querySelector('#year-total'))).toBe('11');
  });

  test('opens the claim form, the rules and the claims', async () => {
    stubPoints({
      'points.summary': () => answer(ok(aSummary())),
      'points.ledger': () => answer(ok({ items: [], nextCursor: null })),
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await open(MY);
    await tap(page, '#open-claim', '.t-button');
    await tap(page, '#open-rules', '.t-button');
    await tap(page, '#open-claims', '.t-cell');
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual([
      '/pages-points/claim/index',
      '/pages-points/rules/index',
      '/pages-points/claims/index',
    ]);
  });
});

describe('积分规则', () => {
  test('lists the items by category with their value, caps, approver and whether they can be claimed', async () => {
    stubPoints({
      'points.rules': () =>
        answer(
          ok({
            items: [
              aRule({
                code: 'attendance.theme_day',
                name: '参加主题党日活动',
                category: 'organisational_life',
                points: 3,
                caps: { day: 3, month: 3, year: 36 },
                approval: 'automatic',
                claimable: false,
                description: '',
              }),
              aRule(),
              aRule({
                code: 'deduction.no_report',
                name: '未按规定报告流动情况',
                category: 'deduction',
                points: -3,
                caps: { day: null, month: null, year: 6 },
                claimable: false,
                description: '',
              }),
            ],
          }),
        ),
    });
    const page = await open('pages-points/rules/index');
    expect(page.querySelectorAll('.section-title').map((s) => textOf(s))).toEqual(['组织生活', '公益', '履责扣分']);
    const rules = page.querySelectorAll('.rule').map((r) => textOf(r));
    expect(rules[0]).toBe('参加主题党日活动每次 +3 分每天最多 3 分，每月最多 3 分，每年最多 36 分系统自动记分');
    expect(rules[1]).toContain('支部书记审核');
    expect(rules[1]).toContain('可申报');
    expect(rules[2]).toContain('每次扣 3 分');
    expect(rules[2]).not.toContain('可申报');
  });
});

describe('我的申报', () => {
  test('shows each claim’s state: waiting, approved with points (and a cap note), sent back with the reason', async () => {
    stubPoints({
      'points.myClaims': () =>
        answer(
          ok({
            items: [
              aClaimView(),
              aClaimView({ state: 'approved', points: 3, decisionNote: null }),
              aClaimView({ state: 'approved', points: 0, decisionNote: '已达该项目每日积分上限，本次不计分' }),
              aClaimView({ state: 'rejected', decisionNote: '照片看不出服务内容', unit: 'time', ruleName: '公益行动' }),
            ],
            nextCursor: null,
          }),
        ),
    });
    const page = await open('pages-points/claims/index');
    const rows = page.querySelectorAll('.claim').map((c) => textOf(c));
    expect(rows[0]).toContain('等待审核');
    expect(rows[0]).toContain('2026年3月5日 · 3 小时');
    expect(rows[1]).toContain('已通过');
    expect(rows[1]).toContain('积分 +3');
    expect(rows[2]).toContain('本次未加分（已达该项目每日积分上限，本次不计分）');
    expect(rows[3]).toContain('已退回');
    expect(rows[3]).toContain('退回原因：照片看不出服务内容');
    expect(rows[3]).not.toContain('小时');
  });

  test('with none yet, offers to make one', async () => {
    stubPoints({ 'points.myClaims': () => answer(ok({ items: [], nextCursor: null })) });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await open('pages-points/claims/index');
    expect(textOf(page.querySelector('#empty'))).toContain('您还没有申报过积分');
    await tap(page, '#new-claim', '.t-button');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-points/claim/index' }));
  });
});
