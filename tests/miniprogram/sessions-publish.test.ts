/** 发布活动 (pages-sessions/publish): the form's checks, what it sends, and the page around it. */

import { aSecretaryProfile, aSessionDetail } from '../helpers/session-replies';
import {
  emptyForm,
  fieldOfServerError,
  formFromDetail,
  toSessionInput,
  validateForm,
  type AudienceOption,
  type PublishForm,
} from '../../miniprogram/pages-sessions/publish/form';
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

const PUBLISH = 'pages-sessions/publish/index';
const NOW = new Date('2030-03-01T02:00:00.000Z'); // 10:00 Beijing, 1 March 2030
const BRANCH: AudienceOption = {
  key: 'branch:xm-siming-mobile',
  type: 'branch',
  orgId: 'xm-siming-mobile',
  label: '思明区流动党员党支部党员',
};

function aForm(overrides: Partial<PublishForm> = {}): PublishForm {
  return {
    ...emptyForm(NOW, { kind: 'branch_assembly', audienceKey: BRANCH.key }),
    title: '三月份支部党员大会',
    startDate: '2030-03-05',
    startTime: '19:30',
    endDate: '2030-03-05',
    endTime: '21:00',
    placeType: 'station',
    stationId: 'st-1',
    ...overrides,
  };
}

describe('the form', () => {
  test('defaults to tomorrow morning, Beijing time', () => {
    expect(emptyForm(NOW)).toMatchObject({
      startDate: '2030-03-02',
      startTime: '09:00',
      endDate: '2030-03-02',
      endTime: '11:00',
    });
  });

  test('accepts a complete form and sends the contract’s input with Beijing offsets', () => {
    const form = aForm({
      capacity: '30',
      agenda: ' 传达精神 ',
      links: [{ key: 'l0', title: '原文', url: 'https://www.12371.cn/a' }],
    });
    expect(validateForm(form, NOW)).toEqual({});
    expect(toSessionInput(form, BRANCH)).toEqual({
      kind: 'branch_assembly',
      title: '三月份支部党员大会',
      agenda: '传达精神',
      startAt: '2030-03-05T19:30:00+08:00',
      endAt: '2030-03-05T21:00:00+08:00',
      place: { type: 'station', stationId: 'st-1' },
      capacity: 30,
      audience: { type: 'branch', orgId: 'xm-siming-mobile' },
      materials: { links: [{ title: '原文', url: 'https://www.12371.cn/a' }] },
    });
    expect(toSessionInput(aForm({ capacity: '' }), BRANCH).capacity).toBeNull();
  });

  test.each([
    ['no kind', { kind: '' as const }, 'kind'],
    ['a one-character name', { title: '会' }, 'title'],
    ['an end before the start', { endTime: '19:00' }, 'end'],
    ['a station not chosen', { stationId: '' }, 'place'],
    ['an address too short', { placeType: 'address' as const, address: '楼' }, 'place'],
    ['online without a link', { placeType: 'online' as const }, 'onlineUrl'],
    ['a link without https', { onlineUrl: 'http://x.cn' }, 'onlineUrl'],
    ['a capacity that is not a whole number', { capacity: '3.5' }, 'capacity'],
    ['volunteer service without hours', { kind: 'volunteer' as const }, 'serviceHours'],
    ['a vote at a lecture', { kind: 'lecture' as const, hasVote: true }, 'vote'],
    ['a link without a name', { links: [{ key: 'l0', title: '', url: 'https://x.cn' }] }, 'links'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(Object.keys(validateForm(aForm(overrides), NOW))).toEqual([field]);
  });

  test('is filled from a session being edited', () => {
    const form = formFromDetail(
      aSessionDetail({ capacity: 30, startAt: '2030-03-05T11:30:00.000Z', endAt: '2030-03-05T13:00:00.000Z' }),
    );
    expect(form).toMatchObject({
      kind: 'branch_assembly',
      startDate: '2030-03-05',
      startTime: '19:30',
      endTime: '21:00',
      placeType: 'station',
      stationId: 'st-1',
      capacity: '30',
      audienceKey: 'branch:xm-siming-mobile',
    });
  });

  test('knows where the server’s complaints belong', () => {
    expect(fieldOfServerError('startAt')).toBe('start');
    expect(fieldOfServerError('place.stationId')).toBe('place');
    expect(fieldOfServerError('materials.images.0')).toBe('links');
    expect(fieldOfServerError(undefined)).toBeNull();
  });
});

describe('the page', () => {
  function server(extra: (action: string, data: Record<string, unknown>) => Answer | undefined = () => undefined) {
    return (req: SentRequest): Answer => {
      const data = req.data as Record<string, unknown> & { action: string };
      const answer = extra(data.action, data);
      if (answer) return answer;
      if (data.action === 'whoami') return { body: ok(aSecretaryProfile()) };
      if (data.action === 'get')
        return {
          body: ok({
            id: 'xm-siming-mobile',
            type: 'mobile_branch',
            name: '思明区流动党员党支部',
            parentId: 'xm-siming',
            ancestors: ['xm', 'xm-siming'],
            hasChildren: false,
          }),
        };
      if (data.action === 'detail' && req.url.endsWith('/org')) {
        return {
          body: ok({
            id: 'xm-siming',
            type: 'district',
            name: '思明区',
            parentId: 'xm',
            ancestors: ['xm'],
            hasChildren: true,
            extra: {},
            closed: false,
            branches: [],
            stations: [
              {
                id: 'st-1',
                type: 'station',
                name: '思明区流动党员服务管理站',
                parentId: 'xm-siming',
                ancestors: [],
                hasChildren: false,
                address: '湖滨南路388号',
                openingHours: '',
                contactPhone: '',
              },
            ],
          }),
        };
      }
      return { body: failed('INVALID_ARGUMENT', `unexpected ${data.action}`) };
    };
  }

  async function open(
    answer: (req: SentRequest) => Answer,
    query: Record<string, string> = {},
  ): Promise<{ page: PageComponent; request: jest.Mock }> {
    const request = stubRequest(answer);
    const page = renderPage(PUBLISH);
    callLifecycle(page, 'onLoad', query);
    await settle();
    await settle();
    await settle();
    return { page, request };
  }

  function type(page: PageComponent, id: string, value: string) {
    const node = page.querySelector(id) as unknown as {
      instance: { triggerEvent(name: string, detail: unknown): void };
    };
    node.instance.triggerEvent('change', { value });
  }

  const publishes = (request: jest.Mock) =>
    sentRequests(request).filter((r) => (r.data as { action: string }).action === 'publish');

  beforeEach(() => {
    jest.resetModules();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('offers the secretary’s branch and the stations beside it, with the kind from the to-do preset', async () => {
    const { page } = await open(server(), { kind: 'committee', branchId: 'xm-siming-mobile' });
    expect(page.querySelector('#kind-committee')!.dom!.className).toContain('chip--on');
    expect(textOf(page.querySelector('#audience-0'))).toBe('思明区流动党员党支部党员');
    expect(page.querySelector('#audience-0')!.dom!.className).toContain('chip--on');
    expect(textOf(page.querySelector('#station-0'))).toContain('湖滨南路388号');
    // The only station beside the branch is the one meant: already chosen.
    expect(page.querySelector('#station-0')!.dom!.className).toContain('station--on');
  });

  test('shows every problem in red and sends nothing', async () => {
    const { page, request } = await open(server());
    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#error-kind'))).toBe('请选择活动类型');
    expect(textOf(page.querySelector('#error-title'))).toContain('请填写活动名称');
    expect(page.querySelector('#error-place')).toBeUndefined();
    expect(textOf(page.querySelector('#error-summary'))).toBe('还有 2 处需要填写或修改，已用红字标出');
    expect(publishes(request)).toHaveLength(0);
  });

  test('publishes what was filled in, once per form even when sent twice, then opens the check-in screen', async () => {
    const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation((() => undefined) as never);
    let calls = 0;
    const { page, request } = await open(
      server((action) => {
        if (action !== 'publish') return undefined;
        calls += 1;
        return calls === 1 ? { fail: 'request:fail timeout' } : { body: ok(aSessionDetail({ sessionId: 'ses_new' })) };
      }),
    );
    jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
      opts.complete?.({
        confirm: true,
        cancel: false,
        errMsg: 'ok',
      } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    }) as typeof wx.showModal);
    page.querySelector('#kind-lecture')!.dispatchEvent('tap');
    type(page, '#input-title', '学习新党章专题党课');
    page.querySelector('#pick-start-date')!.dispatchEvent('change', { detail: { value: '2030-03-08' } });
    await settle();
    // The picked day reads as every other page writes a day, the end following the start.
    expect(textOf(page.querySelector('#start-date'))).toBe('2030年3月8日（周五）');
    expect(textOf(page.querySelector('#end-date'))).toBe('2030年3月8日（周五）');
    page.querySelector('#station-0')!.dispatchEvent('tap');
    type(page, '#input-capacity', '40');
    await settle();
    await tap(page, '#submit', '.t-button');
    await settle();
    await tap(page, '#submit', '.t-button');
    await settle();
    const sent = publishes(request).map((r) => r.data as Record<string, unknown>);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      kind: 'lecture',
      title: '学习新党章专题党课',
      startAt: '2030-03-08T09:00:00+08:00',
      endAt: '2030-03-08T11:00:00+08:00',
      place: { type: 'station', stationId: 'st-1' },
      capacity: 40,
      audience: { type: 'branch', orgId: 'xm-siming-mobile' },
    });
    // The retry carries the same request id: the server makes one session of both.
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    expect(redirect).toHaveBeenCalledWith({ url: '/pages-sessions/manage/index?id=ses_new' });
  });

  test('puts the server’s complaint under the field it is about', async () => {
    jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
      opts.complete?.({
        confirm: true,
        cancel: false,
        errMsg: 'ok',
      } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    }) as typeof wx.showModal);
    const { page } = await open(
      server((action) =>
        action === 'publish'
          ? { body: failed('INVALID_ARGUMENT', '开始时间最早只能是 30 天前', 'startAt') }
          : undefined,
      ),
    );
    page.querySelector('#kind-committee')!.dispatchEvent('tap');
    type(page, '#input-title', '支委会');
    page.querySelector('#station-0')!.dispatchEvent('tap');
    await settle();
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(textOf(page.querySelector('#error-start'))).toBe('开始时间最早只能是 30 天前');
  });

  test('tells someone with no role that only secretaries publish', async () => {
    const { page } = await open(
      server((action) => (action === 'whoami' ? { body: ok(aSecretaryProfile({ roles: [] })) } : undefined)),
    );
    expect(textOf(page.querySelector('#no-audience'))).toContain('只有支部书记或管理员可以发布活动');
  });
});
