import { aRegistration } from '../helpers/registration';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { OPENID_HEADER } from '../../emulator/server';

// Issue "Members", done when: through the local host, as the demo identities, the whole path works
// with the deployed bundles, over HTTP as the mini-program calls it in local mode.
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ bundles: true });
});
afterAll(() => t.close());

async function call(name: string, openid: string, body: Record<string, unknown>) {
  const res = await fetch(`${t.cloud.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify(body),
  });
  const reply = await res.json();
  if (!reply.ok)
    throw new Error(`${name}.${String(body.action)} as ${openid}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

it('register → right queue → suggestions match the wish → assign → certificate verifies; 湖里 sees nothing', async () => {
  const newcomer = 'o-e2e-courier';
  const mine = await call('member', newcomer, { action: 'register', ...aRegistration({ wish: 'by_industry' }) });
  expect(mine.state).toBe('pending');

  const queue = await call('member', 'demo-secretary', { action: 'pendingQueue' });
  expect(queue.items.map((r: { memberId: string }) => r.memberId)).toContain(mine.memberId);
  const otherQueue = await call('member', 'demo-secretary-huli', { action: 'pendingQueue' });
  expect(otherQueue.items.map((r: { memberId: string }) => r.memberId)).not.toContain(mine.memberId);

  const { items } = await call('member', 'demo-secretary', { action: 'suggestions', memberId: mine.memberId });
  expect(items[0]).toMatchObject({ kind: 'by_industry', matchesWish: true });
  expect(items[0].reason).toContain('快递');

  await expect(
    call('member', 'demo-secretary-huli', { action: 'assign', memberId: mine.memberId, branchId: 'xm-huli-mobile' }),
  ).rejects.toThrow('PERMISSION_DENIED');

  await call('member', 'demo-secretary', { action: 'assign', memberId: mine.memberId, branchId: 'xm-siming-mobile' });
  const home = await call('member', newcomer, { action: 'me' });
  expect(home).toMatchObject({
    state: 'active',
    branch: { name: '思明区流动党员党支部' },
    certificate: { state: 'valid' },
  });

  const check = await call('member', 'demo-secretary', {
    action: 'verifyCertificate',
    token: home.certificate.qrToken,
  });
  expect(check).toMatchObject({ valid: true, branchName: '思明区流动党员党支部', holderNameMasked: '张**' });
});
