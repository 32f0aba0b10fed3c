/** 我的支部 (pages-member/my-branch/index): branch, secretary and the service station. */
import { ok } from './builders';
import { callLifecycle, renderPage, settle, tap, textOf, type PageComponent } from './harness';
import { aMembership, anActiveMembership, aStation, stubBackend } from './member-builders';

const MY_BRANCH = 'pages-member/my-branch/index';

async function openMyBranch(): Promise<PageComponent> {
  const page = renderPage(MY_BRANCH);
  callLifecycle(page, 'onLoad');
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('我的支部', () => {
  test('shows the branch, its secretary and the station with address, hours and phone', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const page = await openMyBranch();

    expect(textOf(page.querySelector('#branch-name'))).toBe('兴隆社区流动党员党支部');
    expect(textOf(page.querySelector('#secretary'))).toBe('支部书记：陈志强');
    expect(textOf(page.querySelector('#station-name'), '.t-cell')).toContain('殿前街道流动党员服务管理站');
    expect(textOf(page.querySelector('#station-address'), '.t-cell')).toContain('厦门市湖里区殿前街道兴隆路1号');
    expect(textOf(page.querySelector('#station-hours'), '.t-cell')).toContain('周一至周五');
    expect(textOf(page.querySelector('#station-phone'), '.t-cell')).toContain('0592-1234567');
  });

  test('tapping the phone calls the station; tapping the address copies it', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => undefined as never);
    const copy = jest.spyOn(wx, 'setClipboardData').mockImplementation(() => undefined as never);
    const page = await openMyBranch();

    await tap(page, '#station-phone', '.t-cell');
    expect(call).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '0592-1234567' }));
    await tap(page, '#station-address', '.t-cell');
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: '厦门市湖里区殿前街道兴隆路1号' }));
  });

  test('without a station or a recorded secretary, says so plainly', async () => {
    stubBackend({
      'member.me': () => ({
        body: ok(
          anActiveMembership({
            branch: { id: 'b', name: '快递行业党支部', secretaryName: null, station: null },
          }),
        ),
      }),
    });
    const page = await openMyBranch();
    expect(textOf(page.querySelector('#secretary'))).toBe('支部书记：暂未登记');
    expect(textOf(page.querySelector('#no-station'))).toContain('附近暂时没有登记服务站');
  });

  test('a station without a phone offers no call', async () => {
    stubBackend({
      'member.me': () => ({
        body: ok(
          anActiveMembership({
            branch: {
              id: 'b',
              name: '快递行业党支部',
              secretaryName: '陈志强',
              station: aStation({ contactPhone: '' }),
            },
          }),
        ),
      }),
    });
    const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => undefined as never);
    const page = await openMyBranch();
    expect(textOf(page.querySelector('#station-phone'), '.t-cell')).toContain('暂未登记');
    await tap(page, '#station-phone', '.t-cell');
    expect(call).not.toHaveBeenCalled();
  });

  test('before assignment: explains when the branch will show', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'pending' })) }) });
    const page = await openMyBranch();
    expect(textOf(page.querySelector('#no-branch'))).toContain('编入党支部后，这里会显示您的支部');
  });

  test('not registered: offers 去报到', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(null) }) });
    const page = await openMyBranch();
    expect(page.querySelector('#go-register')).toBeDefined();
  });
});
