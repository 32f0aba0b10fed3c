/**
 * The one transaction helper (server/platform/transaction): a conflicted transaction runs again
 * from the start and commits; one that keeps conflicting gives up with CONFLICT and the one
 * Chinese message; any other failure passes through at once.
 */
import { COLLECTIONS } from '../../database/collections';
import type { Transaction } from '../../server/platform/cloudbase';
import { AppError } from '../../server/platform/errors';
import { BUSY_MESSAGE, inTransaction } from '../../server/platform/transaction';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
const DOC = 'tx-helper-probe';
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.collection(COLLECTIONS.orgs).doc(DOC).set({ name: 'probe', childCount: 0 });
});

async function childCount(): Promise<number> {
  const { data } = await t.db.collection(COLLECTIONS.orgs).doc(DOC).get();
  return data[0].childCount;
}

const FAST = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 5000 };

test('a transaction that conflicts once is run again from the start and commits', async () => {
  let runs = 0;
  const seen = await inTransaction(async (tx: Transaction) => {
    runs++;
    const res = (await tx.collection(COLLECTIONS.orgs).doc(DOC).get()) as { data: { childCount: number } };
    // Someone else changes what this transaction read: its write then conflicts.
    if (runs === 1) await t.db.collection(COLLECTIONS.orgs).doc(DOC).update({ childCount: 10 });
    await tx
      .collection(COLLECTIONS.orgs)
      .doc(DOC)
      .update({ childCount: res.data.childCount + 1 });
    return res.data.childCount;
  }, FAST);
  expect(runs).toBe(2);
  expect(seen).toBe(10);
  expect(await childCount()).toBe(11); // the retry read the other write; nothing was lost
});

test('a transaction that keeps conflicting gives up with CONFLICT and the one message, having changed nothing', async () => {
  const holder = await t.db.startTransaction();
  await holder.collection(COLLECTIONS.orgs).doc(DOC).update({ childCount: 99 });
  let runs = 0;
  const err = await inTransaction(async (tx: Transaction) => {
    runs++;
    await tx.collection(COLLECTIONS.orgs).doc(DOC).update({ childCount: 5 });
  }, FAST).catch((e: unknown) => e);
  await holder.rollback();
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).toReplyError()).toEqual({ code: 'CONFLICT', message: BUSY_MESSAGE });
  expect(runs).toBe(FAST.attempts);
  expect(await childCount()).toBe(0);
});

test('any other failure passes through at once, without a retry', async () => {
  let runs = 0;
  await expect(
    inTransaction(async () => {
      runs++;
      throw new AppError('FAILED_PRECONDITION', '状态刚刚发生变化');
    }, FAST),
  ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  expect(runs).toBe(1);
});
