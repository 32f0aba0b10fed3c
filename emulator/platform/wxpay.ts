/**
 * The local host's WeChat Pay sandbox. It answers `wx.wxPayApi` as CloudBase does
 * (cloudbase-platform-apis.md): multipart/form-data with `apiName` = unifiedOrder | queryOrder |
 * closeOrder and `requestData` = snake_case JSON bytes; the reply is the v2 fields as JSON bytes
 * with content-type application/octet-stream (node-sdk would JSON-parse only the exact
 * `application/json; charset=utf-8`, which wx-server-sdk treats as an error), and unifiedOrder's
 * reply carries the `payment` object for `wx.requestPayment`.
 *
 * Nobody pays by themselves here, so a payment is made on request, as the person at the phone
 * would: `POST /sandbox/pay/<outTradeNo>` with `{ result: 'success' | 'fail', repeat?, parallel?,
 * delayMs?, totalFee? }`. On success the sandbox invokes the callback function named in the order
 * (through the function host, with no WeChat user, as the platform does) with the notify fields
 * camelCased as the event, `repeat` times (default 1; 0 loses the notification; at once with
 * `parallel`), after `delayMs`, and with a forged `totalFee` when asked. The reply carries the
 * notify event and each callback's answer. `fail` sends no callback, as WeChat Pay sends none for unpaid orders.
 * `GET /sandbox/pay/<outTradeNo>` shows the order as the sandbox holds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { PlatformReply } from '../admin';
import { BodyTooLargeError, decodePathPart, readBody, sendBodyTooLarge, sendError, sendJson } from '../http-util';
import type { PlatformModuleFactory } from './module';

/** The merchant number the sandbox answers for; set as WXPAY_SUB_MCH_ID for functions the local host runs. */
export const SANDBOX_SUB_MCH_ID = '1900000109';
/** The mini-program's appid locally (the function host uses the same). */
export const SANDBOX_APP_ID = 'wx-local-app';
export const SANDBOX_ROUTE = '/sandbox/pay/';

type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR';

interface SandboxOrder {
  outTradeNo: string;
  functionName: string;
  subMchId: string;
  body: string;
  totalFee: number;
  attach: string | null;
  prepayId: string;
  state: TradeState;
  transactionId: string | null;
  timeEnd: string | null;
  payer: string | null;
  /** The request as sent, to tell a retried unified order from a reused out-trade number. */
  fingerprint: string;
}

/** One callback the sandbox made, and what the function answered. */
export interface SandboxCallback {
  reply: unknown;
  roundTrips: number;
}

/** Split a multipart/form-data body into its fields (bytes), by the boundary in the content-type. */
export function parseMultipart(body: Buffer, contentType: string | undefined): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const fields = new Map<string, Buffer>();
  if (!boundary) return fields;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // A part: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name) fields.set(name, part.subarray(split + 4));
    }
    start = next;
  }
  return fields;
}

const OCTET = { 'content-type': 'application/octet-stream' };

/** A v2 reply: snake_case JSON as raw bytes, the way the platform frames `wx.*` replies. */
function wxReply(fields: Record<string, unknown>): PlatformReply {
  return { status: 200, headers: OCTET, body: Buffer.from(JSON.stringify(fields)) };
}

/** A platform error (not a WeChat Pay answer): `{code, message}` as JSON. */
function platformError(code: string, message: string): PlatformReply {
  return { status: 200, body: { code, message, requestId: randomBytes(8).toString('hex') } };
}

const fail = (return_msg: string) => wxReply({ return_code: 'FAIL', return_msg });
const bizFail = (err_code: string, err_code_des: string, extra: Record<string, unknown> = {}) =>
  wxReply({ return_code: 'SUCCESS', return_msg: 'OK', result_code: 'FAIL', err_code, err_code_des, ...extra });

const OUT_TRADE_NO = /^[0-9A-Za-z_-]{1,32}$/;
const nonce = () => randomBytes(12).toString('hex');

/** yyyyMMddHHmmss in Asia/Shanghai, as WeChat Pay writes times. */
function wxTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const payRequestSchema = z.object({
  result: z.enum(['success', 'fail']),
  repeat: z.number().int().min(0).max(20).optional(),
  parallel: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  totalFee: z.number().int().min(0).optional(),
});

export const wxpayModule: PlatformModuleFactory = (ctx) => {
  // Functions the local host runs pay through this sandbox as their merchant.
  process.env.WXPAY_SUB_MCH_ID ??= SANDBOX_SUB_MCH_ID;
  const orders = new Map<string, SandboxOrder>();
  const pending = new Set<NodeJS.Timeout>();
  let serial = 0;

  function unifiedOrder(req: Record<string, unknown>): PlatformReply {
    const missing = [
      'function_name',
      'env_id',
      'sub_mch_id',
      'nonce_str',
      'body',
      'out_trade_no',
      'total_fee',
      'spbill_create_ip',
    ].filter((k) => req[k] === undefined || req[k] === '');
    if (missing.length > 0) return fail(`缺少参数 ${missing.join(',')}`);
    const outTradeNo = String(req.out_trade_no);
    const totalFee = req.total_fee;
    if (!OUT_TRADE_NO.test(outTradeNo)) return fail('out_trade_no 须为 32 位以内的数字、字母、_ 或 -');
    if (typeof totalFee !== 'number' || !Number.isSafeInteger(totalFee) || totalFee < 1)
      return fail('total_fee 须为正整数（分）');
    if (String(req.nonce_str).length > 32) return fail('nonce_str 超过 32 位');
    if (String(req.body).length > 128) return fail('body 超过 128 个字符');
    if ((req.trade_type ?? 'JSAPI') !== 'JSAPI') return fail('trade_type 仅支持 JSAPI');
    if (String(req.env_id) !== ctx.envId) return fail(`env_id ${String(req.env_id)} 不是本环境`);
    const functionName = String(req.function_name);
    if (!ctx.functions.has(functionName)) return fail(`回调云函数 ${functionName} 不存在`);
    const fingerprint = JSON.stringify([functionName, req.sub_mch_id, req.body, totalFee, req.attach ?? null]);
    let order = orders.get(outTradeNo);
    if (order) {
      if (order.state === 'SUCCESS') return bizFail('ORDERPAID', '该订单已支付');
      if (order.state === 'CLOSED') return bizFail('ORDERCLOSED', '该订单已关闭');
      if (order.fingerprint !== fingerprint) return bizFail('INVALID_REQUEST', '201 商户订单号重复');
    } else {
      order = {
        outTradeNo,
        functionName,
        subMchId: String(req.sub_mch_id),
        body: String(req.body),
        totalFee,
        attach: typeof req.attach === 'string' ? req.attach : null,
        prepayId: `wx${wxTime(new Date())}${randomBytes(8).toString('hex')}`,
        state: 'NOTPAY',
        transactionId: null,
        timeEnd: null,
        payer: null,
        fingerprint,
      };
      orders.set(outTradeNo, order);
    }
    const payment = {
      appId: SANDBOX_APP_ID,
      timeStamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: nonce(),
      package: `prepay_id=${order.prepayId}`,
      signType: 'MD5',
      paySign: '',
    };
    payment.paySign = createHash('md5')
      .update(
        `appId=${payment.appId}&nonceStr=${payment.nonceStr}&package=${payment.package}&signType=MD5&timeStamp=${payment.timeStamp}&key=sandbox`,
      )
      .digest('hex')
      .toUpperCase();
    return wxReply({
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      sub_mch_id: order.subMchId,
      nonce_str: nonce(),
      trade_type: 'JSAPI',
      prepay_id: order.prepayId,
      payment,
    });
  }

  function queryOrder(req: Record<string, unknown>): PlatformReply {
    const order = orders.get(String(req.out_trade_no ?? ''));
    if (!order) return bizFail('ORDERNOTEXIST', '此交易订单号不存在');
    return wxReply({
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      sub_mch_id: order.subMchId,
      out_trade_no: order.outTradeNo,
      trade_state: order.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', PAYERROR: '支付失败' }[order.state],
      total_fee: order.totalFee,
      cash_fee: order.totalFee,
      ...(order.transactionId ? { transaction_id: order.transactionId, time_end: order.timeEnd } : {}),
    });
  }

  function closeOrder(req: Record<string, unknown>): PlatformReply {
    const order = orders.get(String(req.out_trade_no ?? ''));
    if (!order) return bizFail('ORDERNOTEXIST', '此交易订单号不存在');
    if (order.state === 'SUCCESS') return bizFail('ORDERPAID', '订单已支付，不能发起关单');
    order.state = 'CLOSED';
    return wxReply({ return_code: 'SUCCESS', return_msg: 'OK', result_code: 'SUCCESS', sub_mch_id: order.subMchId });
  }

  /** The notify fields of a paid order, camelCased, as the callback function receives them. */
  function notifyEvent(order: SandboxOrder, totalFee: number): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      returnMsg: 'OK',
      appid: 'wxd678efh567hg6787',
      mchId: '1230000109',
      subAppid: SANDBOX_APP_ID,
      subMchId: order.subMchId,
      nonceStr: nonce(),
      resultCode: 'SUCCESS',
      openid: 'oProviderSandbox',
      isSubscribe: 'N',
      subOpenid: order.payer ?? 'sandbox-payer',
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee,
      feeType: 'CNY',
      cashFee: totalFee,
      transactionId: order.transactionId,
      outTradeNo: order.outTradeNo,
      ...(order.attach ? { attach: order.attach } : {}),
      timeEnd: order.timeEnd,
    };
  }

  async function deliver(order: SandboxOrder, event: Record<string, unknown>, repeat: number, parallel: boolean) {
    const once = async (): Promise<SandboxCallback> => {
      // As the platform does: no WeChat user in the invocation.
      const { reply, roundTrips } = await ctx.functions.invoke(order.functionName, event);
      return { reply, roundTrips };
    };
    if (parallel) return Promise.all(Array.from({ length: repeat }, once));
    const replies: SandboxCallback[] = [];
    for (let i = 0; i < repeat; i += 1) replies.push(await once());
    return replies;
  }

  async function pay(req: IncomingMessage, res: ServerResponse, outTradeNo: string): Promise<void> {
    const order = orders.get(outTradeNo);
    if (!order) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '沙箱中没有这个订单' } });
    if (req.method === 'GET') return sendJson(res, 200, { ok: true, data: view(order) });
    let input: z.output<typeof payRequestSchema>;
    try {
      const raw = (await readBody(req)).toString('utf8');
      input = payRequestSchema.parse(raw ? JSON.parse(raw) : {});
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendBodyTooLarge(res, err);
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求应为 {result, repeat?, parallel?, delayMs?, totalFee?}' },
      });
    }
    if (order.state === 'CLOSED')
      return sendJson(res, 409, { ok: false, error: { code: 'FAILED_PRECONDITION', message: '订单已关闭，不能支付' } });
    if (input.result === 'fail') {
      if (order.state === 'NOTPAY') order.state = 'PAYERROR';
      return sendJson(res, 200, { ok: true, data: { ...view(order), callbacks: [] } });
    }
    if (order.state !== 'SUCCESS') {
      const openid = req.headers['x-wx-openid'];
      serial += 1;
      order.state = 'SUCCESS';
      order.timeEnd = wxTime(new Date());
      order.transactionId =
        `4200${order.timeEnd}${String(serial).padStart(6, '0')}${randomBytes(3).toString('hex')}`.slice(0, 28);
      order.payer = typeof openid === 'string' && openid ? openid : null;
    }
    const event = notifyEvent(order, input.totalFee ?? order.totalFee);
    const repeat = input.repeat ?? 1;
    const parallel = input.parallel === true;
    if (input.delayMs) {
      const timer = setTimeout(() => {
        pending.delete(timer);
        deliver(order, event, repeat, parallel).catch((err: unknown) =>
          console.error('[wxpay sandbox] callback failed', err),
        );
      }, input.delayMs);
      pending.add(timer);
      return sendJson(res, 202, { ok: true, data: { ...view(order), callbacks: [], scheduledInMs: input.delayMs } });
    }
    const callbacks = await deliver(order, event, repeat, parallel);
    return sendJson(res, 200, { ok: true, data: { ...view(order), event, callbacks } });
  }

  function view(order: SandboxOrder) {
    return {
      outTradeNo: order.outTradeNo,
      state: order.state,
      totalFee: order.totalFee,
      transactionId: order.transactionId,
      timeEnd: order.timeEnd,
      functionName: order.functionName,
    };
  }

  return {
    async handle(action, body, req) {
      if (action !== 'wx.wxPayApi') return null;
      if (!Buffer.isBuffer(body)) return platformError('INVALID_PARAM', 'wx.wxPayApi takes multipart/form-data');
      const fields = parseMultipart(body, req.headers['content-type']);
      const apiName = fields.get('apiName')?.toString('utf8') ?? '';
      let requestData: Record<string, unknown>;
      try {
        const parsed = JSON.parse(fields.get('requestData')?.toString('utf8') ?? '') as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        requestData = parsed as Record<string, unknown>;
      } catch {
        return platformError('INVALID_PARAM', 'requestData must be JSON bytes');
      }
      if (apiName === 'unifiedOrder') return unifiedOrder(requestData);
      if (apiName === 'queryOrder') return queryOrder(requestData);
      if (apiName === 'closeOrder') return closeOrder(requestData);
      return platformError('INVALID_PARAM', `apiName ${apiName || '(empty)'} is not supported by the local sandbox`);
    },

    route(req, res, url) {
      if (!url.pathname.startsWith(SANDBOX_ROUTE)) return false;
      const outTradeNo = decodePathPart(url.pathname.slice(SANDBOX_ROUTE.length));
      if (outTradeNo === null) {
        sendError(res, 400, 'INVALID_ARGUMENT', '订单号中的百分号编码无效');
        return true;
      }
      if (!OUT_TRADE_NO.test(outTradeNo) || (req.method !== 'POST' && req.method !== 'GET')) return false;
      return pay(req, res, outTradeNo).then(
        () => true,
        (err: unknown) => {
          console.error('[wxpay sandbox] failed', err);
          if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '沙箱出错' } });
          return true;
        },
      );
    },

    close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
};
