import * as tcb from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { OPENID_HEADER, ROUND_TRIPS_HEADER } from '../../emulator/server';

// The built bundles in cloudfunctions/ (npm test builds them first), called over HTTP as the
// mini-program does in local mode.
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ bundles: true });
});
afterAll(() => t.close());

const post = (path: string, body: unknown, openid?: string) =>
  fetch(`${t.cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { [OPENID_HEADER]: openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('local host /functions/<name>', () => {
  it('runs the deployed bundle as the caller named in the header', async () => {
    const res = await post('/functions/user', { action: 'whoami' }, 'demo-secretary');
    expect(res.status).toBe(200);
    expect(res.headers.get(ROUND_TRIPS_HEADER)).toBe('2');
    const reply = await res.json();
    expect(reply).toMatchObject({ ok: true, data: { openid: 'demo-secretary', roles: [{ role: 'secretary' }] } });
  });

  it('keeps many concurrent callers apart', async () => {
    const openids = Array.from({ length: 60 }, (_, i) => `o-concurrent-${i}`);
    const replies = await Promise.all(
      openids.map((o) => post('/functions/user', { action: 'whoami' }, o).then((r) => r.json())),
    );
    expect(replies.map((r) => r.data.openid)).toEqual(openids);
  });

  it('answers an unknown function and bad JSON with coded errors', async () => {
    const missing = await post('/functions/nothing', { action: 'x' }, 'demo-member');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await post('/functions/user', '{not json', 'demo-member');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('lets a function be invoked through the SDK (functions.invokeFunction)', async () => {
    const app = tcb.init({ env: t.cloud.envId, secretId: 'x', secretKey: 'x', serviceUrl: t.cloud.adminUrl });
    const res = await app.callFunction({ name: 'org', data: { action: 'get', id: 'xm' } });
    // A call from the server side carries no WeChat user, so the function refuses it.
    expect(res.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
