/**
 * A web page open in the developer's browser cannot drive the local host (issue 10, item 2): no
 * foreign Host header (DNS rebinding), no cross-origin reads of /functions, no CORS-simple writes
 * to /admin. WeChat DevTools, the real SDK and curl keep working.
 */
import * as tcb from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { healthz, rawRequest, type RawResponse } from './raw-http';

let t: TestCloud;
let port: string;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  port = new URL(t.cloud.url).port;
});
afterAll(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;
const DEVTOOLS_REFERER = 'https://servicewechat.com/touristappid/devtools/page-frame.html';

const whoami = (headers: Record<string, string>) =>
  rawRequest(t.cloud.url, {
    method: 'POST',
    path: '/functions/user',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-admin', ...headers },
    body: JSON.stringify({ action: 'whoami' }),
  });

const openidOf = (res: RawResponse) => (res.json as { data?: { openid?: string } }).data?.openid;

describe('Host header', () => {
  it.each(['127.0.0.1', `127.0.0.1:${'PORT'}`, 'localhost', `localhost:${'PORT'}`, `[::1]:${'PORT'}`, 'LOCALHOST'])(
    'serves %s',
    async (host) => {
      const res = await whoami({ host: host.replace('PORT', port) });
      expect(res.status).toBe(200);
      expect(openidOf(res)).toBe('demo-admin');
    },
  );

  it.each(['evil.example', `evil.example:${'PORT'}`, `127.0.0.1.evil.example:${'PORT'}`, `localhost.evil.example`])(
    'refuses %s (a DNS-rebound name) with 403 and a Chinese message',
    async (host) => {
      const res = await whoami({ host: host.replace('PORT', port) });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      expect((res.json as { error: { message: string } }).error.message).toMatch(CHINESE);
      expect(openidOf(res)).toBeUndefined();
    },
  );

  it('refuses a foreign Host on /admin too', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'POST',
      path: '/admin',
      headers: { host: 'evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.calculateDocument', collectionName: 'roles', query: '{}' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('/functions from a browser page', () => {
  it('refuses a request from another origin, and sends no CORS header that would let it read a reply', async () => {
    const res = await whoami({ origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a page on another localhost port as well', async () => {
    const res = await whoami({ origin: 'http://localhost:5173', referer: 'http://localhost:5173/' });
    expect(res.status).toBe(403);
  });

  it('answers a preflight from another origin without allowing it', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'OPTIONS',
      path: '/functions/user',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-wx-openid',
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('serves WeChat DevTools: its Referer is https://servicewechat.com/<appid>/devtools/page-frame.html', async () => {
    const plain = await whoami({ referer: DEVTOOLS_REFERER });
    expect(plain.status).toBe(200);
    expect(openidOf(plain)).toBe('demo-admin');
    // Should the simulator add an Origin of its own, the WeChat Referer still identifies it.
    const withOrigin = await whoami({ referer: DEVTOOLS_REFERER, origin: 'http://127.0.0.1:9974' });
    expect(withOrigin.status).toBe(200);
    expect(withOrigin.headers['access-control-allow-origin']).toBe('http://127.0.0.1:9974');
  });

  it('serves the servicewechat.com origin and callers with no Origin at all (the phone, curl, scripts)', async () => {
    expect((await whoami({ origin: 'https://servicewechat.com' })).status).toBe(200);
    expect((await whoami({})).status).toBe(200);
  });
});

describe('/admin', () => {
  const insertRole = JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'roles',
    data: [
      JSON.stringify({ _id: 'superAdmin:xm:o-attacker', role: 'superAdmin', scopeId: 'xm', openid: 'o-attacker' }),
    ],
  });

  it('refuses a text/plain body (a CORS-simple request a page can send blind) and writes nothing', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'POST',
      path: '/admin',
      headers: { 'content-type': 'text/plain' },
      body: insertRole,
    });
    expect(res.status).toBe(415);
    expect((res.json as { message: string }).message).toMatch(CHINESE);
    const found = await t.db.collection('roles').where({ openid: 'o-attacker' }).count();
    expect(found.total).toBe(0);
  });

  it('refuses any request that carries an Origin, and never answers with CORS headers', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'POST',
      path: '/admin',
      headers: { 'content-type': 'application/json', origin: 'https://servicewechat.com' },
      body: insertRole,
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await rawRequest(t.cloud.url, {
      method: 'OPTIONS',
      path: '/admin',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await t.db.collection('roles').where({ openid: 'o-attacker' }).count()).total).toBe(0);
  });

  it('keeps serving the real SDK: JSON actions, function calls, uploads and multipart WeChat Pay calls', async () => {
    const app = tcb.init({ env: t.cloud.envId, secretId: 'x', secretKey: 'x', serviceUrl: t.cloud.adminUrl });
    await app.database().collection('audit_log').add({ note: 'sdk' });
    expect((await app.database().collection('audit_log').where({ note: 'sdk' }).count()).total).toBe(1);
    const called = await app.callFunction({ name: 'user', data: { action: 'whoami' } });
    expect(called.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { fileID } = await app.uploadFile({ cloudPath: 'docs/sdk.txt', fileContent: Buffer.from('sdk') });
    expect(fileID).toMatch(/docs\/sdk\.txt$/);
    const paid = (await app.callWxPayApi({
      apiName: 'queryOrder',
      requestData: Buffer.from(JSON.stringify({ out_trade_no: 'T-none' })),
      apiOptions: Buffer.alloc(0),
    })) as Buffer;
    expect(JSON.parse(paid.toString('utf8'))).toMatchObject({ return_code: 'SUCCESS' });
    expect(await healthz(t.cloud.url)).toMatchObject({ status: 200 });
  });
});
