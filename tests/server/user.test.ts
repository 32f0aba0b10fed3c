import { startTestCloud, expectOk, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

describe('user.whoami', () => {
  it('tells a secretary their branch', async () => {
    const { reply } = await t.call('user', 'whoami', {}, 'demo-secretary');
    const me = expectOk(reply);
    expect(me.openid).toBe('demo-secretary');
    expect(me.isSuperAdmin).toBe(false);
    expect(me.roles).toEqual([
      { role: 'secretary', scopeId: 'xm-siming-mobile', scopeName: expect.stringContaining('思明') },
    ]);
    expect(me.memberId).toBe('m_demo-secretary');
  });

  it('tells an administrator the node they oversee', async () => {
    const me = expectOk((await t.call('user', 'whoami', {}, 'demo-admin')).reply);
    expect(me.roles).toEqual([{ role: 'admin', scopeId: 'xm-siming', scopeName: '思明区' }]);
    expect(me.memberId).toBeNull();
  });

  it('knows super administrators from configuration, not from data', async () => {
    const me = expectOk((await t.call('user', 'whoami', {}, 'demo-super')).reply);
    expect(me).toMatchObject({ isSuperAdmin: true, roles: [] });
  });

  it('shows a newcomer as not yet registered', async () => {
    const me = expectOk((await t.call('user', 'whoami', {}, 'o-newcomer-1')).reply);
    expect(me).toEqual({ openid: 'o-newcomer-1', isSuperAdmin: false, roles: [], memberId: null, displayName: null });
  });

  it('takes two database round trips whoever asks', async () => {
    for (const openid of ['demo-member', 'demo-admin', 'o-newcomer-2']) {
      const { roundTrips } = await t.call('user', 'whoami', {}, openid);
      expect(roundTrips).toBe(2);
    }
  });

  it('keeps concurrent callers apart', async () => {
    const openids = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'demo-admin' : `o-visitor-${i}`));
    const replies = await Promise.all(openids.map((o) => t.call('user', 'whoami', {}, o)));
    replies.forEach(({ reply, roundTrips }, i) => {
      expect(expectOk(reply).openid).toBe(openids[i]);
      expect(roundTrips).toBe(2);
    });
  });
});
