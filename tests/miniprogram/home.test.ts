/** 首页 (pages/home/index): who the caller is, in each state of the whoami call. */
import { aProfile, aSecretaryGrant, anAdminGrant, failed, ok } from './builders';
import {
  callLifecycle,
  deferred,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type PageComponent,
} from './harness';

const HOME = 'pages/home/index';

async function openHome(): Promise<PageComponent> {
  const page = renderPage(HOME);
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

describe('首页', () => {
  test('shows a loading state until whoami answers, then the greeting and the roles', async () => {
    const reply = deferred<Answer>();
    stubRequest(() => reply.promise);

    const page = await openHome();
    expect(textOf(page.querySelector('#loading'))).toContain('正在加载');
    expect(page.querySelector('#welcome')).toBeUndefined();

    reply.resolve({ body: ok(aProfile({ displayName: '王建国', roles: [aSecretaryGrant('湖里区快递行业党支部')] })) });
    await settle();

    expect(page.querySelector('#loading')).toBeUndefined();
    expect(textOf(page.querySelector('#greeting'))).toBe('王建国，您好');
    expect(textOf(page.querySelector('#roles'))).toBe('支部书记');
    expect(textOf(page.querySelector('.scope-line'))).toBe('支部书记：湖里区快递行业党支部');
  });

  test('asks the user function for whoami', async () => {
    const request = stubRequest(() => ({ body: ok(aProfile()) }));
    await openHome();
    expect(sentRequests(request)).toEqual([
      expect.objectContaining({
        url: 'http://127.0.0.1:3000/functions/user',
        method: 'POST',
        data: { action: 'whoami' },
      }),
    ]);
  });

  test('a secretary has the 书记工作台 tiles and not the administrator’s', async () => {
    stubRequest(() => ({ body: ok(aProfile({ roles: [aSecretaryGrant()] })) }));
    const page = await openHome();
    expect(textOf(page.querySelector('#task-secretary'))).toBe('书记工作台');
    expect(textOf(page.querySelector('#task-pending'))).toBe('审核报到');
    expect(page.querySelector('#task-orgs')).toBeUndefined();
  });

  test('a plain member is shown as 党员 and has no work tiles', async () => {
    stubRequest(() => ({ body: ok(aProfile({ roles: [] })) }));
    const page = await openHome();
    expect(textOf(page.querySelector('#roles'))).toBe('党员');
    expect(page.querySelector('#task-secretary')).toBeUndefined();
    expect(page.querySelector('#task-orgs')).toBeUndefined();
    expect(page.querySelector('#unregistered')).toBeUndefined();
  });

  test('an administrator has 组织部工作台 and 组织管理', async () => {
    stubRequest(() => ({ body: ok(aProfile({ roles: [anAdminGrant()] })) }));
    const page = await openHome();
    expect(textOf(page.querySelector('#task-desk'))).toBe('组织部工作台');
    expect(textOf(page.querySelector('#task-orgs'))).toBe('组织管理');
    expect(page.querySelector('#task-secretary')).toBeUndefined();
  });

  test('a super administrator has both sets of tiles', async () => {
    stubRequest(() => ({ body: ok(aProfile({ isSuperAdmin: true })) }));
    const page = await openHome();
    expect(textOf(page.querySelector('#roles'))).toBe('超级管理员');
    expect(page.querySelector('#task-secretary')).toBeDefined();
    expect(page.querySelector('#task-desk')).toBeDefined();
  });

  test('someone who has not registered (未报到) is told how to start, and is not called 党员', async () => {
    stubRequest(() => ({ body: ok(aProfile({ memberId: null, displayName: null })) }));
    const page = await openHome();
    expect(textOf(page.querySelector('#greeting'))).toBe('您好');
    expect(page.querySelector('#roles')).toBeUndefined();
    expect(textOf(page.querySelector('#unregistered'))).toContain('都可以在这里报到');
  });

  test('on a network failure shows a Chinese message and a retry that calls again', async () => {
    let calls = 0;
    const request = stubRequest(() => {
      calls += 1;
      return calls === 1 ? { fail: 'request:fail timeout' } : { body: ok(aProfile({ displayName: '王建国' })) };
    });

    const page = await openHome();
    expect(textOf(page.querySelector('#error'))).toContain('网络不畅，请稍后重试');

    await tap(page, '#retry', '.t-button');
    await settle();

    expect(request).toHaveBeenCalledTimes(2);
    expect(page.querySelector('#error')).toBeUndefined();
    expect(textOf(page.querySelector('#greeting'))).toBe('王建国，您好');
  });

  test("shows the server's own message, with no retry when retrying cannot help", async () => {
    stubRequest(() => ({ status: 200, body: failed('PERMISSION_DENIED', '您的账号已停用，请联系组织') }));
    const page = await openHome();
    expect(textOf(page.querySelector('#error'))).toContain('您的账号已停用，请联系组织');
    expect(page.querySelector('#retry')).toBeUndefined();
  });
});
