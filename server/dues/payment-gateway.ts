/**
 * The payment-gateway port and its adapter: CloudBase's WeChat Pay (云支付) through
 * `app.callWxPayApi({ apiName, requestData, apiOptions })`, which posts `action=wx.wxPayApi` with
 * snake_case JSON bytes to the CloudBase endpoint. In the cloud the peer is WeChat Pay; locally it
 * is the local host's sandbox (emulator/platform/wxpay.ts), which speaks the same wire and calls the
 * payment callback function as the platform would. Only the network peer differs.
 *
 * Configuration (environment variables of the `dues` function, cloudbaserc.json):
 * - WXPAY_SUB_MCH_ID: the merchant number bound in the CloudBase console (required);
 * - DUES_PAY_CALLBACK_FUNCTION: the function WeChat Pay calls back (default `dues-pay-callback`);
 * - WXPAY_ENV_ID: the environment of that function (default: the current environment).
 */
import type { WxPaymentParams } from '../../typings/areas/dues';
import { parseShanghaiStamp } from '../domain/shanghai-day';
import { app } from '../platform/cloudbase';

/** What the member is asked to pay. */
export interface OrderRequest {
  outTradeNo: string;
  totalFen: number;
  /** ≤ 128 characters, shown in WeChat's payment sheet and bill. */
  body: string;
  clientIp: string;
  /** The environment the callback function lives in, when not configured. */
  envId: string;
}

export type GatewayResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface TradeQuery {
  tradeState: TradeState;
  totalFen: number | null;
  transactionId: string | null;
  /** yyyyMMddHHmmss in Asia/Shanghai, when paid. */
  timeEnd: string | null;
}

/** The port: what the dues area needs from a payment provider. */
export interface PaymentGateway {
  unifiedOrder(req: OrderRequest): Promise<GatewayResult<{ prepayId: string; payment: WxPaymentParams }>>;
  queryOrder(outTradeNo: string): Promise<GatewayResult<TradeQuery>>;
  /** ORDERPAID comes back as `{ ok: false, reason: 'ORDERPAID' }`. */
  closeOrder(outTradeNo: string): Promise<GatewayResult<null>>;
}

/** Settings from the environment; null merchant means payment is not configured here. */
export interface CloudPayConfig {
  subMchId: string | null;
  callbackFunction: string;
  envId: string | null;
}

export const DEFAULT_CALLBACK_FUNCTION = 'dues-pay-callback';

export function cloudPayConfig(env: NodeJS.ProcessEnv = process.env): CloudPayConfig {
  return {
    subMchId: env.WXPAY_SUB_MCH_ID?.trim() || null,
    callbackFunction: env.DUES_PAY_CALLBACK_FUNCTION?.trim() || DEFAULT_CALLBACK_FUNCTION,
    envId: env.WXPAY_ENV_ID?.trim() || null,
  };
}

type WxReply = Record<string, unknown>;

/** The v2 fields come back as JSON bytes (a Buffer); platform errors as an object with `code`. */
function decodeReply(raw: unknown): WxReply {
  if (Buffer.isBuffer(raw)) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('wxPayApi: reply is not an object');
    return parsed as WxReply;
  }
  if (typeof raw === 'object' && raw !== null) return raw as WxReply;
  throw new Error(`wxPayApi: unexpected reply ${String(raw)}`);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Both return_code and result_code must say SUCCESS; otherwise the most specific message. */
function failure(reply: WxReply): string | null {
  if (typeof reply.code === 'string' && reply.code) return `${reply.code}: ${String(reply.message ?? '')}`;
  if (reply.return_code !== 'SUCCESS') return str(reply.return_msg) ?? 'return_code FAIL';
  if (reply.result_code !== 'SUCCESS') return str(reply.err_code) ?? str(reply.err_code_des) ?? 'result_code FAIL';
  return null;
}

const nonce = () => Math.random().toString(36).slice(2, 12) + Date.now().toString(36);

/** The adapter over CloudBase's WeChat Pay. */
export function cloudPayGateway(config: CloudPayConfig = cloudPayConfig()): PaymentGateway {
  async function call(apiName: string, requestData: Record<string, unknown>): Promise<WxReply> {
    const raw = (await app.callWxPayApi({
      apiName,
      requestData: Buffer.from(JSON.stringify(requestData)),
      // ApiOptions{1: appid} stays empty: we pay for this mini-program's own appid.
      apiOptions: Buffer.alloc(0),
    })) as unknown;
    return decodeReply(raw);
  }

  function merchant(): string {
    if (!config.subMchId) throw new Error('WXPAY_SUB_MCH_ID is not configured');
    return config.subMchId;
  }

  return {
    async unifiedOrder(req) {
      if (!config.subMchId) return { ok: false, reason: 'WXPAY_SUB_MCH_ID is not configured' };
      const reply = await call('unifiedOrder', {
        function_name: config.callbackFunction,
        env_id: config.envId ?? req.envId,
        sub_mch_id: config.subMchId,
        nonce_str: nonce(),
        body: req.body.slice(0, 128),
        out_trade_no: req.outTradeNo,
        total_fee: req.totalFen,
        spbill_create_ip: req.clientIp,
        trade_type: 'JSAPI',
      });
      const failed = failure(reply);
      if (failed) return { ok: false, reason: failed };
      const p = reply.payment as Record<string, unknown> | undefined;
      if (!p || !str(p.package) || !str(p.paySign)) return { ok: false, reason: 'unifiedOrder: no payment in reply' };
      return {
        ok: true,
        value: {
          prepayId: str(reply.prepay_id) ?? String(p.package).replace(/^prepay_id=/, ''),
          payment: {
            appId: String(p.appId ?? ''),
            timeStamp: String(p.timeStamp ?? ''),
            nonceStr: String(p.nonceStr ?? ''),
            package: String(p.package),
            signType: String(p.signType ?? 'MD5'),
            paySign: String(p.paySign),
          },
        },
      };
    },

    async queryOrder(outTradeNo) {
      const reply = await call('queryOrder', { sub_mch_id: merchant(), out_trade_no: outTradeNo, nonce_str: nonce() });
      const failed = failure(reply);
      if (failed) return { ok: false, reason: failed };
      const fee = reply.total_fee;
      return {
        ok: true,
        value: {
          tradeState: (str(reply.trade_state) ?? 'NOTPAY') as TradeState,
          totalFen: typeof fee === 'number' ? fee : typeof fee === 'string' && /^\d+$/.test(fee) ? Number(fee) : null,
          transactionId: str(reply.transaction_id),
          timeEnd: str(reply.time_end),
        },
      };
    },

    async closeOrder(outTradeNo) {
      const reply = await call('closeOrder', { sub_mch_id: merchant(), out_trade_no: outTradeNo, nonce_str: nonce() });
      const failed = failure(reply);
      return failed ? { ok: false, reason: failed } : { ok: true, value: null };
    },
  };
}

/** yyyyMMddHHmmss (Asia/Shanghai, as WeChat Pay writes times) → Date; null when it is not one. */
export const parseWxTime = parseShanghaiStamp;

/** The gateway the handlers use, configured from the environment as it is now. */
export function paymentGateway(): PaymentGateway {
  return cloudPayGateway(cloudPayConfig());
}
