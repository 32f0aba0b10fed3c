/**
 * The local host survives malformed and oversized requests (issue 10, items 1 and 3): each gets a
 * coded answer with a Chinese message, and the host goes on serving.
 */
import { MAX_BODY_BYTES } from '../../emulator/http-util';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { healthz, rawRequest } from './raw-http';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
});
afterAll(() => t.close());

const HEALTHY = { status: 200, json: { ok: true, envId: 'test-env' } };
const CHINESE = /[\u4e00-\u9fff]/;

describe('a malformed path', () => {
  it.each([
    ['GET', '/storage/object/%E0%A4%A'],
    ['PUT', '/storage/upload/%E0%A4%A'],
    ['GET', '/sandbox/pay/%E0%A4%A'],
    ['POST', '/sandbox/pay/%E0%A4%A'],
  ])('%s %s answers 400 with a coded Chinese message and the host keeps serving', async (method, path) => {
    const res = await rawRequest(t.cloud.url, { method, path });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((res.json as { error: { message: string } }).error.message).toMatch(CHINESE);
    expect(await healthz(t.cloud.url)).toEqual(HEALTHY);
  });

  it('GET // is not found, and the host keeps serving', async () => {
    const res = await rawRequest(t.cloud.url, { path: '//' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } });
    expect(await healthz(t.cloud.url)).toEqual(HEALTHY);
  });

  it('a request-target that is not a path (absolute form, "*") is refused with 400', async () => {
    for (const path of ['http://127.0.0.1/healthz', '*']) {
      const res = await rawRequest(t.cloud.url, { path });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await healthz(t.cloud.url)).toEqual(HEALTHY);
  });
});

describe('a body over the limit', () => {
  const oversized = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);

  it('POST /functions/<name> answers 413 with a clear message, without resetting the connection', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'POST',
      path: '/functions/user',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-big' },
      body: oversized,
    });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请求内容超过 6 MB 的上限，请减少一次提交的内容' },
    });
    expect(await healthz(t.cloud.url)).toEqual(HEALTHY);
  });

  it('a body just under the limit is still read (and judged as JSON)', async () => {
    const res = await rawRequest(t.cloud.url, {
      method: 'POST',
      path: '/functions/user',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-big' },
      body: Buffer.alloc(MAX_BODY_BYTES, 0x78),
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请求内容不是有效的 JSON' },
    });
  });
});
