/** 我的 (pages/me/index): the activity certificate placeholder and the demo identity switch. */
import { callLifecycle, renderPage, settle, stubStorage, tap, textOf, type PageComponent } from './harness';

const ME = 'pages/me/index';

async function openMe(): Promise<PageComponent> {
  const page = renderPage(ME);
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

describe('我的', () => {
  test('shows the activity certificate placeholder', async () => {
    stubStorage();
    const page = await openMe();
    expect(textOf(page.querySelector('#id-card'))).toContain('流动党员电子活动证');
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
