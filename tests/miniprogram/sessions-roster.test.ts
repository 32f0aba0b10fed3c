/** 考勤名单 (pages-sessions/roster): figures, standings, and marking by hand with a reason. */

import { aRoster, aRosterRow } from '../helpers/session-replies';
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
import { keysSentOnLoadMore, rowKeys, rowPaths } from './load-more';

const ROSTER = 'pages-sessions/roster/index';

async function open(answer: (req: SentRequest) => Answer): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(ROSTER);
  callLifecycle(page, 'onLoad', { id: 'ses_1' });
  await settle();
  return { page, request };
}

function answerModal(content: string | null) {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    const res = {
      confirm: content !== null,
      cancel: content === null,
      content: content ?? '',
      errMsg: 'ok',
    } as WechatMiniprogram.ShowModalSuccessCallbackResult;
    opts.success?.(res);
    opts.complete?.(res);
  }) as typeof wx.showModal);
}

/** Taps 补登已到 or 登记请假 on a row (the nth on the page). */
async function tapMark(page: PageComponent, status: 'attended' | 'leave', nth = 0): Promise<void> {
  const row = (page.instance.data as { rows: { memberId: string }[] }).rows[nth];
  if (!row) throw new Error(`no row ${nth}`);
  const buttons = page.querySelectorAll(`#row-${row.memberId} .mark-${status}`);
  if (buttons.length === 0) throw new Error(`row ${nth} offers no ${status}`);
  buttons[0]!.dispatchEvent('tap');
  await settle();
}

const rows = (page: PageComponent) => page.querySelectorAll('.member-row').map((r) => textOf(r));

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('考勤名单', () => {
  test('shows the figures and each member’s standing, how they checked in and their vote', async () => {
    const { page } = await open(() => ({
      body: ok(
        aRoster(
          [
            aRosterRow({
              status: 'attended',
              checkedInAt: '2030-03-05T11:20:00.000Z',
              method: 'qr',
              points: 3,
              votingRight: 'observer_inflow',
            }),
            aRosterRow({ memberId: 'm-2', name: '李秀英', status: 'leave', reason: '住院治疗' }),
            aRosterRow({ memberId: 'm-3', name: '王小兰', status: 'absent' }),
          ],
          {
            session: { ...aRoster([]).session, hasVote: true, ended: true },
            summary: { signedUp: 0, attended: 1, leave: 1, absent: 1, expected: 3, ratePercent: 33 },
          },
        ),
      ),
    }));
    const figures = textOf(page.querySelector('#figures'));
    // 签到管理 and 考勤名单 show the same four figures in the same order.
    expect(page.querySelectorAll('.figure__label').map((l) => textOf(l))).toEqual(['已签到', '请假', '缺席', '已报名']);
    expect(figures).toContain('应到 3 人，出勤率 33%');
    expect(figures).toContain('不参加表决');
    const [a, b, c] = rows(page);
    expect(a).toContain('已签到');
    expect(a).toContain('扫码签到');
    expect(a).toContain('积分 +3');
    expect(a).toContain('列席，不参加表决（流动党员）');
    expect(b).toContain('原因：住院治疗');
    expect(c).toContain('缺席');
  });

  test('marks a member attended by hand with the reason, then shows the list afresh', async () => {
    answerModal('手机没电，现场核对');
    let marked = false;
    const { page, request } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'mark') {
        marked = true;
        return {
          body: ok(
            aRosterRow({
              status: 'attended',
              method: 'hand',
              reason: '手机没电，现场核对',
              checkedInAt: '2030-03-05T11:40:00.000Z',
            }),
          ),
        };
      }
      return {
        body: ok(
          aRoster([
            marked
              ? aRosterRow({
                  status: 'attended',
                  method: 'hand',
                  reason: '手机没电，现场核对',
                  checkedInAt: '2030-03-05T11:40:00.000Z',
                })
              : aRosterRow(),
          ]),
        ),
      };
    });
    await tapMark(page, 'attended');
    await settle();
    expect(sentRequests(request).map((r) => r.data)).toContainEqual({
      action: 'mark',
      sessionId: 'ses_1',
      memberId: 'm-1',
      status: 'attended',
      reason: '手机没电，现场核对',
    });
    expect(rows(page)[0]).toContain('书记补登');
    expect(rows(page)[0]).toContain('原因：手机没电，现场核对');
  });

  test('does nothing when the reason dialog is cancelled, and offers nothing for someone already attended', async () => {
    answerModal(null);
    const { page, request } = await open(() => ({
      body: ok(
        aRoster([
          aRosterRow(),
          aRosterRow({ memberId: 'm-2', status: 'attended', checkedInAt: '2030-03-05T11:20:00.000Z', method: 'qr' }),
        ]),
      ),
    }));
    await tapMark(page, 'leave', 0);
    expect(sentRequests(request).some((r) => (r.data as { action: string }).action === 'mark')).toBe(false);
    // The row to mark shows both buttons; the one already attended, none.
    expect(page.querySelectorAll('#row-m-1 .mark-button').map((b) => textOf(b))).toEqual(['补登已到', '登记请假']);
    expect(page.querySelectorAll('#row-m-2 .mark-button')).toHaveLength(0);
  });

  test('shows the server’s refusal of a mark', async () => {
    const modal = answerModal('家中有事');
    const { page } = await open((req) => {
      const { action } = req.data as { action: string };
      if (action === 'mark') return { body: failed('FAILED_PRECONDITION', '活动结束已超过 30 天，不能再补登') };
      return { body: ok(aRoster([aRosterRow()])) };
    });
    await tapMark(page, 'leave');
    await settle();
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '没有登记成功', content: '活动结束已超过 30 天，不能再补登' }),
    );
  });

  test('filters by standing', async () => {
    const { page, request } = await open(() => ({ body: ok(aRoster([])) }));
    page.querySelector('#filter-leave')!.dispatchEvent('tap');
    await settle();
    expect(sentRequests(request).at(-1)?.data).toEqual({
      action: 'roster',
      sessionId: 'ses_1',
      limit: 20,
      status: 'leave',
    });
    expect(textOf(page.querySelector('#empty'))).toContain('这里还没有人');
  });
});

describe('考勤名单, a page at a time', () => {
  test('the next page is appended by path, and a mark later changes only its own row', async () => {
    answerModal('家中有事');
    const first = Array.from({ length: 20 }, (_, i) => aRosterRow({ memberId: `m-${i}`, name: `党员${i}` }));
    const second = [aRosterRow({ memberId: 'm-20', name: '党员20' }), aRosterRow({ memberId: 'm-21', name: '党员21' })];
    const { page } = await open((req) => {
      const data = req.data as { action: string; cursor?: string; memberId?: string };
      if (data.action === 'mark')
        return {
          body: ok(aRosterRow({ memberId: data.memberId, name: '党员21', status: 'leave', reason: '家中有事' })),
        };
      return {
        body: ok(
          aRoster(data.cursor === 'c1' ? second : first, {
            rows: { items: data.cursor === 'c1' ? second : first, nextCursor: data.cursor === 'c1' ? null : 'c1' },
          }),
        ),
      };
    });
    expect(rows(page)).toHaveLength(20);
    expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(20, 2));
    expect(rows(page)).toHaveLength(22);

    const instance = page.instance as unknown as { setData: (p: Record<string, unknown>) => void };
    const setData = jest.spyOn(instance, 'setData');
    await tapMark(page, 'leave', 21);
    await settle();
    expect(rowKeys(setData.mock.calls.flatMap(([p]) => Object.keys(p)))).toEqual(['rows[21]']);
    expect(rows(page)).toHaveLength(22);
    expect(rows(page)[21]).toContain('原因：家中有事');
  });
});
