/**
 * Remote operations of the `dues` function (党费), and the payment step between starting an order
 * and its result: `wx.requestPayment` in the cloud, the local host's WeChat Pay sandbox locally.
 */
import type {
  ActionInput,
  ActionOutput,
  BranchDuesBoard,
  CollectionRow,
  DuesQuoteView,
  DuesReceipt,
  DuesSummary,
  MemberDuesView,
  MyDues,
  OrderStatus,
  Page,
  PendingBaseRow,
} from '../../typings';
import { backend } from '../config/backend';
import { callFunction, CallError, postToLocalHost } from './cloud';

/** Rows per page of the dues lists. */
export const DUES_PAGE_SIZE = 20;

export type StartedPayment = ActionOutput<'dues', 'pay'>;
export type ReviewInput = ActionInput<'dues', 'reviewBase'>;
export type OfflineInput = ActionInput<'dues', 'recordOffline'>;
export type DeclareInput = ActionInput<'dues', 'declareBase'>;
export type QuoteInput = ActionInput<'dues', 'quote'>;

/** The member's dues page: this month, paid through, amount and arrears, the months on offer. */
export function fetchMyDues(): Promise<MyDues> {
  return callFunction('dues', 'myDues', {});
}

/** What a base would give, and why; saves nothing. */
export function quoteDues(input: QuoteInput): Promise<DuesQuoteView> {
  return callFunction('dues', 'quote', input);
}

/** Declares a category and base for the branch to confirm. */
export function declareDuesBase(input: DeclareInput): Promise<MyDues> {
  return callFunction('dues', 'declareBase', { ...input, note: input.note.trim() });
}

/** Starts paying the chosen months: an order for the exact total. */
export function startDuesPayment(months: string[]): Promise<StartedPayment> {
  return callFunction('dues', 'pay', { months });
}

export function fetchOrderStatus(orderId: string): Promise<OrderStatus> {
  return callFunction('dues', 'orderStatus', { orderId });
}

/** The person gave up: the order is closed so it cannot be paid later. */
export function cancelDuesPayment(orderId: string): Promise<OrderStatus> {
  return callFunction('dues', 'cancelPayment', { orderId });
}

export function fetchMyReceipts(cursor?: string | null): Promise<Page<DuesReceipt>> {
  return callFunction('dues', 'myReceipts', cursor ? { cursor, limit: DUES_PAGE_SIZE } : { limit: DUES_PAGE_SIZE });
}

/** What happened at the payment step, as the person acted. */
export type PaymentOutcome = 'paid' | 'cancelled' | 'failed';

function requestWxPayment(payment: StartedPayment['payment']): Promise<PaymentOutcome> {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: payment.timeStamp,
      nonceStr: payment.nonceStr,
      package: payment.package,
      signType: payment.signType as 'MD5',
      paySign: payment.paySign,
      success: () => resolve('paid'),
      fail: (err) => resolve(/cancel/.test(err.errMsg) ? 'cancelled' : 'failed'),
    });
  });
}

/** Tells the local host's sandbox that the person at the phone paid; it then calls the payment callback. */
function paySandbox(orderId: string): Promise<void> {
  return postToLocalHost(`/sandbox/pay/${encodeURIComponent(orderId)}`, { result: 'success' }).then(
    (status) => {
      if (status >= 300) throw new CallError({ code: 'UNAVAILABLE', message: '本地支付沙箱没有受理这笔支付' });
    },
    () => {
      throw new CallError({ code: 'UNAVAILABLE', message: '连不上本地支付沙箱，请确认本地服务已启动' });
    },
  );
}

/**
 * The payment step. In the cloud, WeChat's own payment sheet (`wx.requestPayment`). Locally there
 * is no WeChat Pay: a dialog stands in for the sheet and the sandbox is told what the person chose,
 * then calls the payment callback as the platform would. Either way the result is then read with
 * `fetchOrderStatus`.
 */
export async function requestDuesPayment(order: StartedPayment, amountText: string): Promise<PaymentOutcome> {
  if (backend.mode === 'cloud') return requestWxPayment(order.payment);
  const pays = await new Promise<boolean>((resolve) => {
    wx.showModal({
      title: '模拟微信支付（本地演示）',
      content: `支付 ${amountText} 元。本地演示不会真的扣款。`,
      confirmText: '支付',
      cancelText: '取消',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
  if (!pays) return 'cancelled';
  await paySandbox(order.orderId);
  return 'paid';
}

/** Secretary: declarations waiting in the branch. */
export function fetchPendingBases(branchId: string, cursor?: string | null): Promise<Page<PendingBaseRow>> {
  return callFunction(
    'dues',
    'pendingBases',
    cursor ? { branchId, cursor, limit: DUES_PAGE_SIZE } : { branchId, limit: DUES_PAGE_SIZE },
  );
}

/** Secretary: confirm, correct (with a reason) or send back a declaration. */
export function reviewDuesBase(input: ReviewInput): Promise<MemberDuesView> {
  return callFunction('dues', 'reviewBase', input);
}

export function fetchMemberDues(memberId: string): Promise<MemberDuesView> {
  return callFunction('dues', 'memberDues', { memberId });
}

export function fetchBranchDuesBoard(branchId: string): Promise<BranchDuesBoard> {
  return callFunction('dues', 'branchBoard', { branchId });
}

export function fetchCollectionList(
  branchId: string,
  month: string,
  cursor?: string | null,
): Promise<Page<CollectionRow>> {
  return callFunction(
    'dues',
    'collectionList',
    cursor ? { branchId, month, cursor, limit: DUES_PAGE_SIZE } : { branchId, month, limit: DUES_PAGE_SIZE },
  );
}

export function fetchDuesSummary(nodeId: string, month: string): Promise<DuesSummary> {
  return callFunction('dues', 'summary', { nodeId, month });
}

/** Secretary: cash or bank transfer, with the paper receipt's number. */
export function recordOfflinePayment(input: OfflineInput): Promise<DuesReceipt> {
  const note = input.note?.trim();
  const { note: _omit, ...rest } = input;
  return callFunction('dues', 'recordOffline', {
    ...rest,
    receiptNo: rest.receiptNo.trim(),
    ...(note ? { note } : {}),
  });
}

/** Secretary: cancel an offline payment entered by mistake, by a reversal record. */
export function reverseOfflinePayment(paymentId: string, reason: string): Promise<DuesReceipt> {
  return callFunction('dues', 'reverseOffline', { paymentId, reason: reason.trim() });
}

/** Secretary: create this month's records for the branch now (the monthly timer does it too). */
export function generateDuesMonth(branchId: string): Promise<ActionOutput<'dues', 'generateMonth'>> {
  return callFunction('dues', 'generateMonth', { branchId });
}
