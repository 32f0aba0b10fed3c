/**
 * Bench data straight into the emulator's DocumentDatabase: batched insertDocument, as the SDK's
 * add() arrives, without HTTP. Returns how many documents went in.
 */
import { toEJSONString } from '../emulator/database/ejson';
import type { LocalCloud } from '../emulator/server';

const BATCH = 5000;

export function insertAll(cloud: LocalCloud, collectionName: string, docs: Iterable<object>): number {
  let batch: string[] = [];
  let n = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const reply = cloud.database.executeSync({ action: 'database.insertDocument', collectionName, data: batch });
    if (reply.code) throw new Error(`bench insert failed: ${String(reply.code)} ${String(reply.message)}`);
    batch = [];
  };
  for (const doc of docs) {
    batch.push(toEJSONString(doc as Record<string, unknown>));
    n += 1;
    if (batch.length >= BATCH) flush();
  }
  flush();
  return n;
}
