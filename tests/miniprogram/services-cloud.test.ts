/**
 * services/cloud.ts: the single caller of the backend. The network is stubbed at wx.request and
 * wx.cloud; everything above it (envelope, errors, identity header) is the real code.
 */
import { backend } from '../../miniprogram/config/backend';
import {
  BAD_REPLY_MESSAGE,
  CallError,
  NETWORK_MESSAGE,
  callFunction,
  isCallError,
  showCallError,
  toCallError,
  unwrapReply,
} from '../../miniprogram/services/cloud';
import { switchDemoIdentity } from '../../miniprogram/services/demo-identity';
import { fetchOrgChildren } from '../../miniprogram/services/org';
import { fetchWhoami } from '../../miniprogram/services/user';
import { aProfile, anOrgNode, failed, ok } from './builders';
import { sentRequests, stubRequest, stubStorage } from './harness';

const configured = { ...backend };

/** Replaces wx.cloud with one whose callFunction is the given mock. */
function stubCloud(callFunction: jest.Mock): void {
  Object.assign(wx, { cloud: { callFunction, init: jest.fn() } });
}

/** The rejection of `promise`, which must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<CallError> {
  try {
    await promise;
  } catch (err) {
    if (isCallError(err)) return err;
    throw new Error(`rejected with something other than a CallError: ${String(err)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

beforeEach(() => {
  stubStorage();
});

afterEach(() => {
  Object.assign(backend, configured);
  Reflect.deleteProperty(wx, 'cloud');
  jest.restoreAllMocks();
});

describe('unwrapReply', () => {
  test('returns the data of a successful reply', () => {
    expect(unwrapReply(ok({ items: [] }))).toEqual({ items: [] });
  });

  test('accepts a reply that arrived as JSON text', () => {
    expect(unwrapReply(JSON.stringify(ok(42)))).toBe(42);
  });

  test('throws the error of a failed reply with its code, Chinese message and field', () => {
    const error = (() => {
      try {
        unwrapReply(failed('INVALID_ARGUMENT', '手机号格式不对', 'phone'));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '手机号格式不对', field: 'phone' });
  });

  test('fills in a plain Chinese message when the server sent none', () => {
    expect(() => unwrapReply({ ok: false, error: { code: 'NOT_FOUND', message: '' } })).toThrow('没有找到相关内容');
  });

  test('treats a code outside the contract as INTERNAL', () => {
    expect(() => unwrapReply({ ok: false, error: { code: 'TEAPOT', message: '壶坏了' } })).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: '壶坏了' }),
    );
  });

  test.each([
    ['nothing', undefined],
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
    ['an object without ok', { data: 1 }],
    ['ok:false without an error', { ok: false }],
  ])('turns %s into UNAVAILABLE', (_what, raw) => {
    expect(() => unwrapReply(raw)).toThrow(
      expect.objectContaining({ code: 'UNAVAILABLE', message: BAD_REPLY_MESSAGE }),
    );
  });
});

describe('callFunction in local mode', () => {
  test('posts { action, ...input } to the function on the local host as the demo person', async () => {
    const request = stubRequest(() => ({ body: ok({ items: [] }) }));

    await callFunction('org', 'children', { parentId: 'huli' });

    expect(sentRequests(request)).toEqual([
      {
        url: 'http://127.0.0.1:3000/functions/org',
        method: 'POST',
        header: { 'content-type': 'application/json', 'x-wx-openid': 'demo-member' },
        data: { action: 'children', parentId: 'huli' },
      },
    ]);
  });

  test('sends the demo person chosen on the 我的 page', async () => {
    const request = stubRequest(() => ({ body: ok(aProfile({ openid: 'demo-admin' })) }));
    switchDemoIdentity('demo-admin');

    await fetchWhoami();

    expect(sentRequests(request)[0]?.header['x-wx-openid']).toBe('demo-admin');
  });

  test('follows the configured host', async () => {
    backend.localUrl = 'http://192.168.1.20:3000';
    const request = stubRequest(() => ({ body: ok(aProfile()) }));
    await fetchWhoami();
    expect(sentRequests(request)[0]?.url).toBe('http://192.168.1.20:3000/functions/user');
  });

  test('returns the data of the reply', async () => {
    stubRequest(() => ({ body: ok(aProfile({ displayName: '王建国' })) }));
    await expect(fetchWhoami()).resolves.toMatchObject({ displayName: '王建国' });
  });

  test("a failed reply becomes a CallError even when the host's status is not 200", async () => {
    stubRequest(() => ({ status: 403, body: failed('PERMISSION_DENIED', '只有管理员可以查看') }));
    const error = await rejectionOf(fetchOrgChildren());
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', message: '只有管理员可以查看' });
  });

  test('a network failure becomes UNAVAILABLE with a Chinese message', async () => {
    stubRequest(() => ({ fail: 'request:fail connect ECONNREFUSED' }));
    const error = await rejectionOf(fetchWhoami());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(NETWORK_MESSAGE);
    expect(NETWORK_MESSAGE).toBe('网络不畅，请稍后重试');
    expect(error.detail).toContain('ECONNREFUSED');
  });

  test('wx.request throwing (e.g. a bad URL) is a network failure too', async () => {
    Object.assign(wx, {
      request: () => {
        throw new Error('invalid url');
      },
    });
    await expect(rejectionOf(fetchWhoami())).resolves.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('callFunction in cloud mode', () => {
  beforeEach(() => {
    backend.mode = 'cloud';
    backend.envId = 'prod-1a2b3c';
  });

  test('calls wx.cloud.callFunction with the name, { action, ...input } and the environment', async () => {
    const call = jest.fn().mockResolvedValue({ result: ok({ items: [anOrgNode()] }), errMsg: 'cloud.callFunction:ok' });
    stubCloud(call);
    const request = stubRequest(() => ({ fail: 'must not be called' }));

    const items = await fetchOrgChildren('huli');

    expect(call).toHaveBeenCalledWith({
      name: 'org',
      data: { action: 'children', parentId: 'huli' },
      config: { env: 'prod-1a2b3c' },
    });
    expect(items).toEqual([anOrgNode()]);
    expect(request).not.toHaveBeenCalled();
  });

  test('sends no openid: the platform supplies the caller', async () => {
    const call = jest.fn().mockResolvedValue({ result: ok(aProfile()), errMsg: 'cloud.callFunction:ok' });
    stubCloud(call);
    await fetchWhoami();
    expect(call.mock.calls[0][0].data).toEqual({ action: 'whoami' });
  });

  test('unwraps a failed reply from the function', async () => {
    stubCloud(
      jest.fn().mockResolvedValue({ result: failed('NOT_FOUND', '没有这个组织'), errMsg: 'cloud.callFunction:ok' }),
    );
    await expect(rejectionOf(fetchOrgChildren('nope'))).resolves.toMatchObject({
      code: 'NOT_FOUND',
      message: '没有这个组织',
    });
  });

  test('a platform failure becomes UNAVAILABLE with a Chinese message', async () => {
    stubCloud(
      jest.fn().mockRejectedValue({ errCode: -504002, errMsg: 'cloud.callFunction:fail functions execute fail' }),
    );
    const error = await rejectionOf(fetchWhoami());
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: NETWORK_MESSAGE });
    expect(error.detail).toContain('functions execute fail');
  });
});

describe('showing an error to the person', () => {
  test('opens a dialog with the Chinese message that stays until dismissed', async () => {
    const modal = jest.spyOn(wx, 'showModal');
    await showCallError(new CallError({ code: 'CONFLICT', message: '内容刚被别人改过，请刷新后再试' }));
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '内容刚被别人改过，请刷新后再试', showCancel: false, confirmText: '知道了' }),
    );
  });

  test('never shows a programming error to the person', () => {
    const error = toCallError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(error).toMatchObject({ code: 'INTERNAL', message: '系统出了点问题，请稍后再试' });
  });
});
