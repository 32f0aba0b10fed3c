/**
 * The pay callback's log, bounded. Anyone able to invoke the callback function can send it
 * events, so an event that WeChat Pay has not confirmed never adds a document of its own: events
 * about a known order are counted on one document per order and outcome, events about no known
 * order (junk, made-up order numbers, callers with an openid) on one document per outcome and
 * hour, each keeping the first as a sample. Confirmed outcomes (applied, unapplied) are written
 * in the settling transaction (`settle.ts`), once per real payment.
 */
import { COLLECTIONS } from '../../database/collections';
import { _, db } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import type { PayLogDoc } from './docs';

/** One counter document: for an order and outcome, or for an outcome in an hour when no order is known. */
export const payLogIdOf = (entry: Pick<PayLogDoc, 'orderId' | 'outcome' | 'at'>, orderKnown: boolean) =>
  orderKnown && entry.orderId
    ? `cb_${entry.orderId}_${entry.outcome}`
    : `cb_none_${entry.outcome}_${entry.at.toISOString().slice(0, 13)}`;

const bump = (id: string, at: Date) =>
  db
    .collection(COLLECTIONS.duesPayLog)
    .doc(id)
    .update({ count: _.inc(1), lastAt: at });

/**
 * Count an unconfirmed event: at most one document per order and outcome (or per outcome and hour).
 * Two round trips at most; parallel events on the same counter all count.
 */
export async function countPayEvent(entry: PayLogDoc, orderKnown: boolean): Promise<void> {
  const id = payLogIdOf(entry, orderKnown);
  const updated = (await bump(id, entry.at)) as { updated?: number };
  if ((updated.updated ?? 0) > 0) return;
  const sample: PayLogDoc = { ...entry, orderId: orderKnown ? entry.orderId : null, count: 1, lastAt: entry.at };
  try {
    // The SDK's add() reports a database error in its result rather than throwing it.
    const added = (await db.collection(COLLECTIONS.duesPayLog).add({ _id: id, ...sample })) as { code?: string };
    if (added.code) throw added;
  } catch (err) {
    // Another event created the counter first: count this one on it.
    if (!isDuplicateKey(err)) throw err;
    await bump(id, entry.at);
  }
}
