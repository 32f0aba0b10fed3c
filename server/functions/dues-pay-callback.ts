import { handlePayCallback, type CallbackReply } from '../dues/callback';

/**
 * Cloud function `dues-pay-callback`: WeChat Pay's payment-result notification. The platform calls
 * it with the v2 notify fields camelCased as the event (not the `{ action }` envelope) and retries
 * until it answers `{ errcode: 0, errmsg: 'ok' }`. Never throws.
 */
export async function main(event: unknown, context: unknown): Promise<CallbackReply> {
  return handlePayCallback(event, context);
}
