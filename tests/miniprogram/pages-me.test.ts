/** 我的 (pages/me/index): the activity certificate card for where the person stands, and the demo identity switch. */
import type { MyMembership } from '../../typings';
import { ok } from './builders';
import {
  callLifecycle,
  renderPage,
  settle,
  stubRequest,
  stubStorage,
  tap,
  textOf,
  type PageComponent,
} from './harness';
import { aMembership, anActiveMembership } from './member-builders';

const ME = 'pages/me/index';

async function openMe(membership: MyMembership | null = anActiveMembership()): Promise<PageComponent> {
  stubRequest(() => ({ body: ok(membership) }));
  const page = renderPage(ME);
  callLifecycle(page, 'onLoad');
  callLifecycle(page, 'onShow');
  await settle();
  await settle();
  return page;
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('我的', () => {
  test('an assigned member is offered the certificate and their own entries', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const page = await openMe();
    expect(textOf(page.querySelector('#id-card'))).toContain('流动党员电子活动证');
    expect(textOf(page.querySelector('#certificate-text'))).toContain('出示给支部书记扫码核验');
    expect(page.querySelector('#dues-entry')).toBeTruthy();
    await tap(page, '#open-certificate', '.t-button');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-member/certificate/index' });
  });

  test('someone not registered is told to register, not to open a certificate, and sees no member entries', async () => {
    stubStorage();
    const navigate = jest.spyOn(wx, 'navigateTo').mockImplementation((() => undefined) as never);
    const page = await openMe(null);
    expect(textOf(page.querySelector('#certificate-text'))).toContain('您还没有报到');
    expect(textOf(page.querySelector('#open-certificate'), '.t-button')).toBe('去报到');
    expect(page.querySelector('#dues-entry')).toBeFalsy();
    await tap(page, '#open-certificate', '.t-button');
    expect(navigate).toHaveBeenLastCalledWith({ url: '/pages-member/register/index' });
  });

  test('a registration under review waits: no button, only what happens next', async () => {
    stubStorage();
    const page = await openMe(aMembership({ state: 'pending' }));
    expect(textOf(page.querySelector('#certificate-text'))).toContain('正在审核');
    expect(page.querySelector('#open-certificate')).toBeFalsy();
  });

  test('in local mode offers the three demo people, the configured one marked as current', async () => {
    stubStorage();
    const page = await openMe();
    expect(textOf(page.querySelector('#current-identity'), '.t-tag')).toBe('普通党员');
    const buttons = page.querySelectorAll('.identity-button').map((b) => textOf(b, '.t-button'));
    expect(buttons).toEqual(['✓ 普通党员', '支部书记', '管理员']);
  });

  test('switching remembers the choice and starts again from 首页 as that person', async () => {
    const store = stubStorage();
    const relaunch = jest.spyOn(wx, 'reLaunch');

    const page = await openMe();
    await tap(page, '#identity-demo-admin', '.t-button');

    expect(store.get('demoOpenid')).toBe('demo-admin');
    expect(relaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
    expect(textOf(page.querySelector('#current-identity'), '.t-tag')).toBe('管理员');
  });

  test('tapping the current person changes nothing', async () => {
    const store = stubStorage({ demoOpenid: 'demo-secretary' });
    const relaunch = jest.spyOn(wx, 'reLaunch');

    const page = await openMe();
    await tap(page, '#identity-demo-secretary', '.t-button');

    expect(store.get('demoOpenid')).toBe('demo-secretary');
    expect(relaunch).not.toHaveBeenCalled();
  });
});
