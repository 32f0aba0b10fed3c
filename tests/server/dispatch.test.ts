import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

describe('function entry (dispatcher)', () => {
  it('refuses an unknown action with INVALID_ARGUMENT naming it', async () => {
    const reply = await t.callRaw('user', { action: 'dropEverything' }, 'demo-member');
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '不支持的操作：dropEverything', field: 'action' },
    });
  });

  it('refuses an event without an action', async () => {
    const reply = await t.callRaw('user', {}, 'demo-member');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a call that carries no WeChat identity', async () => {
    const reply = await t.callRaw('user', { action: 'whoami' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('never takes the caller from the event', async () => {
    const { reply } = await t.call('user', 'whoami', { openid: 'demo-admin' } as never, 'demo-member');
    // Unknown fields are stripped by validation; the identity is the context's.
    expect(reply).toMatchObject({ ok: true, data: { openid: 'demo-member' } });
  });

  it('turns bad input into INVALID_ARGUMENT with the field named in Chinese', async () => {
    const reply = await t.callRaw('org', { action: 'children', parentId: 42 }, 'demo-member');
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_ARGUMENT');
      expect(reply.error.field).toBe('parentId');
      expect(reply.error.message).toMatch(/^组织编号：/);
      expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('names the offending element of an array input', async () => {
    const reply = await t.callRaw('org', { action: 'children', types: ['district', 'castle'] }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'types.1' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/^组织类型：/);
  });
});
