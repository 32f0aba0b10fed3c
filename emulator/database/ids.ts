import { randomBytes } from 'node:crypto';

let counter = randomBytes(4).readUInt32BE(0);
const instance = randomBytes(4).toString('hex');

/**
 * A new `_id` shaped like the real service's: 32 lowercase hex characters, the second group of
 * eight being the creation time in seconds, so ids of one process sort roughly by creation.
 */
export function newDocumentId(now: number = Date.now()): string {
  counter = (counter + 1) >>> 0;
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  const count = counter.toString(16).padStart(8, '0');
  return `${instance}${seconds}${count}${randomBytes(4).toString('hex')}`;
}

/** Request ids echo the platform's: opaque, unique, returned with every reply. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/** Transaction ids only need to be unguessable and unique within the process. */
export function newTransactionId(): string {
  return `tx-${randomBytes(12).toString('hex')}`;
}
