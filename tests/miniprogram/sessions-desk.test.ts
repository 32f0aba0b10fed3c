/** The secretary's desk of sessions: the list and entries, the cadence to-do, statistics; and 我的出勤. */

import { aCadenceItem, aCadenceReport, aHistory, aSecretaryProfile, aSessionRow } from '../helpers/session-replies';
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
  type SentRequest,
} from './harness';

async function open(pagePath: string, answer: (req: SentRequest) => Answer, query: Record<string, string> = {}) {
  const request = stubRequest(answer);
  const page = renderPage(pagePath);
  callLifecycle(page, 'onLoad', query);
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

describe('书记工作 (manage-list)', () => {
  test('offers publishing, the cadence to-do of the branch, and lists the sessions managed', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page, request } = await open('pages-sessions/manage-list/index', (req) => {
      const { action } = req.data as { action: string };
      if (action === 'whoami') return { body: ok(aSecretaryProfile()) };
      return { body: ok({ items: [aSessionRow({ myStatus: null, capacity: 30, seatsTaken: 4 })], nextCursor: null }) };
    });
    expect(sentRequests(request).map((r) => r.data)).toContainEqual({ action: 'managed', tab: 'upcoming', limit: 20 });
    expect(textOf(page.querySelector('.cadence-entry'), '.t-cell')).toContain('思明区流动党员党支部');
    expect(page.querySelector('.stats-entry')).toBeFalsy();
    expect(textOf(page.querySelector('.session-row'))).toContain('已报名 4 人，共 30 个名额');
    page.querySelector('.session-row')!.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-sessions/manage/index?id=ses_1' });
    await tap(page, '#publish', '.t-button');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-sessions/publish/index' });
  });
});

describe('组织生活提醒 (cadence)', () => {
  test('puts what is still to hold first, and goes to publishing it', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const { page, request } = await open(
      'pages-sessions/cadence/index',
      () =>
        ({
          body: ok(
            aCadenceReport([
              aCadenceItem({ kind: 'committee', status: 'done', held: 1, note: null }),
              aCadenceItem({
                kind: 'lecture',
                period: 'quarter',
                periodLabel: '2030年第一季度',
                status: 'missing',
                note: '本季度还没有召开，请在 12 天内安排',
              }),
              aCadenceItem({ kind: 'group', status: 'scheduled', scheduled: 1, note: '已安排，请按时召开' }),
            ]),
          ),
        }) as Answer,
      { branchId: 'xm-siming-mobile' },
    );
    expect(sentRequests(request)[0]?.data).toEqual({ action: 'cadence', branchId: 'xm-siming-mobile' });
    expect(textOf(page.querySelector('#missing'))).toBe('还有 1 项组织生活没有召开，请及时安排');
    const items = page.querySelectorAll('.cadence-item').map((i) => textOf(i));
    expect(items[0]).toContain('党课');
    expect(items[0]).toContain('还没开');
    expect(items[0]).toContain('2030年第一季度');
    expect(items[1]).toContain('已安排');
    expect(items[2]).toContain('已召开 1 次');
    expect(page.querySelector('#publish-group')).toBeFalsy();
    await tap(page, '#publish-lecture', '.t-button');
    expect(navigate).toHaveBeenCalledWith({
      url: '/pages-sessions/publish/index?kind=lecture&branchId=xm-siming-mobile',
    });
  });

  test('is refused plainly to someone who does not run the branch', async () => {
    const { page } = await open(
      'pages-sessions/cadence/index',
      () => ({ body: failed('PERMISSION_DENIED', '该支部不在您的管理范围内') }),
      {
        branchId: 'xm-huli-mobile',
      },
    );
    expect(textOf(page.querySelector('#error'))).toContain('该支部不在您的管理范围内');
    expect(page.querySelector('#retry')).toBeFalsy();
  });
});

describe('各支部开展情况 (stats)', () => {
  test('shows totals and the branches that held nothing first', async () => {
    const { page, request } = await open(
      'pages-sessions/stats/index',
      () => ({
        body: ok({
          orgId: 'xm-siming',
          orgName: '思明区',
          fromMonth: '2030-01',
          toMonth: '2030-03',
          rows: [
            {
              branchId: 'b2',
              branchName: '莲前街道流动党员党支部',
              sessionsHeld: 0,
              attended: 0,
              expected: 0,
              ratePercent: null,
            },
            {
              branchId: 'b1',
              branchName: '思明区流动党员党支部',
              sessionsHeld: 3,
              attended: 30,
              expected: 36,
              ratePercent: 83,
            },
          ],
          totals: { sessionsHeld: 3, attended: 30, expected: 36, ratePercent: 83 },
          openSessions: { held: 1, attended: 120 },
        }),
      }),
      { orgId: 'xm-siming' },
    );
    const sent = sentRequests(request)[0]!.data as {
      action: string;
      orgId: string;
      fromMonth: string;
      toMonth: string;
    };
    expect(sent).toMatchObject({ action: 'nodeStats', orgId: 'xm-siming' });
    expect(sent.fromMonth).toMatch(/^\d{4}-01$/);
    expect(textOf(page.querySelector('#totals'))).toContain('共开会 3 次，应到 36 人次，实到 30 人次，出勤率 83%');
    const rows = page.querySelectorAll('.branch-row').map((r) => textOf(r));
    expect(rows[0]).toContain('还没有开过会');
    expect(rows[1]).toContain('出勤率 83%');
  });
});

describe('我的出勤 (my-attendance)', () => {
  test('shows this year’s rate and volunteer hours, and the records', async () => {
    const { page } = await open('pages-sessions/my-attendance/index', () => ({
      body: ok(
        aHistory({
          items: {
            items: [
              {
                sessionId: 'ses_1',
                kind: 'theme_day',
                title: '主题党日',
                startAt: '2030-03-05T11:30:00.000Z',
                status: 'attended',
                checkedInAt: '2030-03-05T11:20:00.000Z',
                points: 3,
              },
            ],
            nextCursor: null,
          },
        }),
      ),
    }));
    const summary = textOf(page.querySelector('#summary'));
    expect(summary).toContain('2030年出勤情况');
    expect(summary).toContain('您应参加 6 次');
    expect(textOf(page.querySelector('#rate'))).toBe('67%');
    expect(textOf(page.querySelector('#volunteer'))).toBe('今年志愿服务 5 小时');
    const row = textOf(page.querySelector('.history-row'));
    expect(row).toContain('已签到');
    expect(row).toContain('积分 +3');
  });

  test('explains an empty record', async () => {
    const { page } = await open('pages-sessions/my-attendance/index', () => ({
      body: ok(aHistory({ held: 0, attended: 0, leave: 0, absent: 0, ratePercent: null })),
    }));
    expect(textOf(page.querySelector('#rate'))).toBe('—');
    expect(textOf(page.querySelector('#empty'))).toContain('还没有出勤记录');
  });
});
