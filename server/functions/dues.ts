import { branchBoard, collectionList, summary } from '../dues/board';
import { generateMonth } from '../dues/monthly';
import { declareBase, myDues, quote } from '../dues/my-dues';
import { recordOffline, reverseOffline } from '../dues/offline';
import { cancelPayment, myReceipts, orderStatus, pay } from '../dues/pay';
import { memberDues, pendingBases, reviewBase, setRelief } from '../dues/secretary';
import { defineFunction } from '../platform/dispatch';

/**
 * Cloud function `dues`: 党费. The member's amount, months, paying through WeChat Pay and receipts;
 * the secretary's confirmations, relief, offline payments, board and summaries. Each month's
 * records are made by the `jobs` timer (server/jobs/registry.ts) and on demand.
 */
export const main = defineFunction('dues', {
  quote,
  myDues,
  declareBase,
  pay,
  orderStatus,
  cancelPayment,
  myReceipts,
  pendingBases,
  reviewBase,
  setRelief,
  memberDues,
  branchBoard,
  collectionList,
  summary,
  recordOffline,
  reverseOffline,
  generateMonth,
});
