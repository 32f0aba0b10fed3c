/**
 * The built bundles (cloudfunctions/dues, cloudfunctions/dues-pay-callback; `npm test` builds them
 * first), called over HTTP as the mini-program does in local mode: declare, confirm, pay in the
 * sandbox, see the receipt.
 */
import { OPENID_HEADER, ROUND_TRIPS_HEADER } from '../../../emulator/server';
import { aRegistration } from '../../helpers/registration';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { thisMonth } from '../../helpers/dues';

// Loading four ~3 MB bundles the first time takes a few seconds.
jest.setTimeout(30_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ bundles: true });
});
afterAll(() => t.close());

async function call(name: string, body: Record<string, unknown>, openid: string) {
  const res = await fetch(`${t.cloud.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify(body),
  });
  const reply = (await res.json()) as { ok: boolean; data: Record<string, unknown> & { [k: string]: never } };
  if (!reply.ok) throw new Error(`${name}.${String(body.action)}: ${JSON.stringify(reply)}`);
  return { data: reply.data as Record<string, unknown>, roundTrips: Number(res.headers.get(ROUND_TRIPS_HEADER)) };
}

it('a member pays this month through the deployed bundles and the sandbox', async () => {
  const openid = 'o-bundled-1';
  const me = (await call('member', { action: 'register', ...aRegistration() }, openid)).data;
  await call('member', { action: 'assign', memberId: me.memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary');
  const declared = (
    await call(
      'dues',
      { action: 'declareBase', category: 'salaried', baseFen: 400_000, note: '', effectiveMonth: thisMonth() },
      openid,
    )
  ).data as { profile: { pending: { id: string } } };
  await call(
    'dues',
    { action: 'reviewBase', memberId: me.memberId, declarationId: declared.profile.pending.id, decision: 'confirm' },
    'demo-secretary',
  );
  const order = (await call('dues', { action: 'pay', months: [thisMonth()] }, openid)).data as {
    orderId: string;
    totalFen: number;
  };
  expect(order.totalFen).toBe(4000);

  const paid = await fetch(`${t.cloud.url}/sandbox/pay/${order.orderId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ result: 'success' }),
  });
  expect(((await paid.json()) as { data: { callbacks: { reply: unknown }[] } }).data.callbacks[0]!.reply).toEqual({
    errcode: 0,
    errmsg: 'ok',
  });

  const status = (await call('dues', { action: 'orderStatus', orderId: order.orderId }, openid)).data;
  expect(status).toMatchObject({ state: 'paid', receipt: { receiptNo: order.orderId, totalFen: 4000 } });
  const page = (await call('dues', { action: 'myDues' }, openid)).data;
  expect(page).toMatchObject({ paidThrough: thisMonth(), thisMonth: { state: 'paid' } });
});
