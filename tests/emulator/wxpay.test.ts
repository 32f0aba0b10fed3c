/**
 * The local host's WeChat Pay sandbox, spoken to by the unmodified SDKs: node-sdk's
 * `app.callWxPayApi` (multipart `wx.wxPayApi`, snake_case JSON bytes, raw bytes back) and
 * wx-server-sdk's `cloud.cloudPay.*` (which converts case both ways on top of it).
 */
import * as tcb from '@cloudbase/node-sdk';
import cloud from 'wx-server-sdk';
import { SANDBOX_SUB_MCH_ID, parseMultipart } from '../../emulator/platform/wxpay';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
let app: ReturnType<typeof tcb.init>;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  app = tcb.init({ env: t.cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: t.cloud.adminUrl });
});
afterAll(() => t.close());

let serial = 0;
const tradeNo = () => `T${Date.now()}${++serial}`;

function anOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    function_name: 'dues-pay-callback',
    env_id: 'test-env',
    sub_mch_id: SANDBOX_SUB_MCH_ID,
    nonce_str: 'n0nce',
    body: '交纳党费 2026-11',
    out_trade_no: tradeNo(),
    total_fee: 4000,
    spbill_create_ip: '127.0.0.1',
    trade_type: 'JSAPI',
    ...overrides,
  };
}

/** One call as the dues adapter makes it; the reply is raw bytes of snake_case JSON. */
async function callPay(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>> {
  const raw = (await app.callWxPayApi({
    apiName,
    requestData: Buffer.from(JSON.stringify(requestData)),
    apiOptions: Buffer.alloc(0),
  })) as unknown;
  expect(Buffer.isBuffer(raw)).toBe(true);
  return JSON.parse((raw as Buffer).toString('utf8')) as Record<string, unknown>;
}

async function sandbox(outTradeNo: string, body: Record<string, unknown>) {
  const res = await fetch(`${t.cloud.url}/sandbox/pay/${outTradeNo}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-payer' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean; data: Record<string, unknown> } };
}

describe('unifiedOrder', () => {
  it('answers with raw bytes: the v2 fields and the payment object for wx.requestPayment', async () => {
    const reply = await callPay('unifiedOrder', anOrder());
    expect(reply).toMatchObject({
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      trade_type: 'JSAPI',
      sub_mch_id: SANDBOX_SUB_MCH_ID,
    });
    const payment = reply.payment as Record<string, string>;
    expect(Object.keys(payment).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(payment.package).toBe(`prepay_id=${String(reply.prepay_id)}`);
    expect(payment.timeStamp).toMatch(/^\d{10}$/);
    expect(payment.paySign).toMatch(/^[0-9A-F]{32}$/);
  });

  it.each([
    [{ total_fee: 0 }, 'total_fee'],
    [{ total_fee: 1.5 }, 'total_fee'],
    [{ out_trade_no: 'has space' }, 'out_trade_no'],
    [{ out_trade_no: 'x'.repeat(33) }, 'out_trade_no'],
    [{ body: '长'.repeat(129) }, 'body'],
    [{ nonce_str: 'n'.repeat(33) }, 'nonce_str'],
    [{ sub_mch_id: '' }, 'sub_mch_id'],
    [{ env_id: 'other-env' }, 'env_id'],
    [{ function_name: 'no-such-function' }, '回调云函数'],
    [{ trade_type: 'NATIVE' }, 'trade_type'],
  ])('refuses %j with return_code FAIL', async (overrides, words) => {
    const reply = await callPay('unifiedOrder', anOrder(overrides));
    expect(reply.return_code).toBe('FAIL');
    expect(String(reply.return_msg)).toContain(words);
  });

  it('a retried order keeps its prepay id; the same number for a different order is refused', async () => {
    const order = anOrder();
    const first = await callPay('unifiedOrder', order);
    const again = await callPay('unifiedOrder', order);
    expect(again.prepay_id).toBe(first.prepay_id);
    const reused = await callPay('unifiedOrder', { ...order, total_fee: 5000 });
    expect(reused).toMatchObject({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'INVALID_REQUEST' });
  });
});

describe('queryOrder, closeOrder and paying in the sandbox', () => {
  it('NOTPAY until paid; then SUCCESS with the transaction; the callback gets the camelCased notify', async () => {
    const order = anOrder();
    await callPay('unifiedOrder', order);
    expect(
      await callPay('queryOrder', { sub_mch_id: SANDBOX_SUB_MCH_ID, out_trade_no: order.out_trade_no, nonce_str: 'q' }),
    ).toMatchObject({
      result_code: 'SUCCESS',
      trade_state: 'NOTPAY',
      total_fee: 4000,
    });
    const paid = await sandbox(String(order.out_trade_no), { result: 'success' });
    expect(paid.status).toBe(200);
    const event = paid.json.data.event as Record<string, unknown>;
    expect(event).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      subMchId: SANDBOX_SUB_MCH_ID,
      subOpenid: 'o-payer',
      totalFee: 4000,
      cashFee: 4000,
      outTradeNo: order.out_trade_no,
      tradeType: 'JSAPI',
    });
    expect(String(event.timeEnd)).toMatch(/^\d{14}$/);
    // The callback function (no such order in the dues area) acknowledges, as the platform requires:
    // the order looked up, then the hour's counter of unknown orders bumped (made, the first time).
    expect(paid.json.data.callbacks).toEqual([{ reply: { errcode: 0, errmsg: 'ok' }, roundTrips: 3 }]);
    expect(
      await callPay('queryOrder', { sub_mch_id: SANDBOX_SUB_MCH_ID, out_trade_no: order.out_trade_no, nonce_str: 'q' }),
    ).toMatchObject({
      trade_state: 'SUCCESS',
      transaction_id: event.transactionId,
      time_end: event.timeEnd,
    });
    expect(
      await callPay('closeOrder', { sub_mch_id: SANDBOX_SUB_MCH_ID, out_trade_no: order.out_trade_no, nonce_str: 'c' }),
    ).toMatchObject({
      result_code: 'FAIL',
      err_code: 'ORDERPAID',
    });
  });

  it('a closed order cannot be paid; an unknown one does not exist', async () => {
    const order = anOrder();
    await callPay('unifiedOrder', order);
    expect(
      await callPay('closeOrder', { sub_mch_id: SANDBOX_SUB_MCH_ID, out_trade_no: order.out_trade_no, nonce_str: 'c' }),
    ).toMatchObject({
      result_code: 'SUCCESS',
    });
    expect((await sandbox(String(order.out_trade_no), { result: 'success' })).status).toBe(409);
    expect(
      await callPay('queryOrder', { sub_mch_id: SANDBOX_SUB_MCH_ID, out_trade_no: 'nope', nonce_str: 'q' }),
    ).toMatchObject({
      result_code: 'FAIL',
      err_code: 'ORDERNOTEXIST',
    });
    expect((await sandbox('nope', { result: 'success' })).status).toBe(404);
  });

  it('a failed payment sends no callback', async () => {
    const order = anOrder();
    await callPay('unifiedOrder', order);
    const failed = await sandbox(String(order.out_trade_no), { result: 'fail' });
    expect(failed.json.data).toMatchObject({ state: 'PAYERROR', callbacks: [] });
  });

  it('an unknown apiName is a platform error, which the SDK throws', async () => {
    await expect(
      app.callWxPayApi({ apiName: 'refundEverything', requestData: Buffer.from('{}'), apiOptions: Buffer.alloc(0) }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('wx-server-sdk cloudPay against the same sandbox', () => {
  it('unifiedOrder and queryOrder in camelCase', async () => {
    cloud.init({ env: 'test-env', secretId: 'local', secretKey: 'local', serviceUrl: t.cloud.adminUrl } as Parameters<
      typeof cloud.init
    >[0]);
    const outTradeNo = tradeNo();
    const pay = (cloud as unknown as { cloudPay: unknown }).cloudPay as Record<
      string,
      (data: Record<string, unknown>) => Promise<Record<string, unknown>>
    >;
    const res = await pay.unifiedOrder!({
      functionName: 'dues-pay-callback',
      envId: 'test-env',
      subMchId: SANDBOX_SUB_MCH_ID,
      nonceStr: 'abc',
      body: '交纳党费',
      outTradeNo,
      totalFee: 20,
      spbillCreateIp: '127.0.0.1',
      tradeType: 'JSAPI',
    });
    expect(res).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' });
    expect((res.payment as Record<string, string>).package).toMatch(/^prepay_id=/);
    const q = await pay.queryOrder!({ subMchId: SANDBOX_SUB_MCH_ID, outTradeNo, nonceStr: 'q' });
    expect(q).toMatchObject({ tradeState: 'NOTPAY', totalFee: 20 });
  });
});

describe('parseMultipart', () => {
  it('reads fields, including binary ones, by the boundary', () => {
    const b = 'XyZ';
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="apiName"\r\n\r\nqueryOrder\r\n`),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from([0x7b, 0x0d, 0x0a, 0x7d]),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const fields = parseMultipart(body, `multipart/form-data; boundary=${b}`);
    expect(fields.get('apiName')!.toString()).toBe('queryOrder');
    expect([...fields.get('requestData')!]).toEqual([0x7b, 0x0d, 0x0a, 0x7d]);
  });
});
