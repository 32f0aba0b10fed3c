/**
 * Actions of the `dues` function: 党费 (中组发〔2008〕3号). The amount (declared base, the branch's
 * confirmation, relief), the monthly records, paying inside WeChat, offline payments with receipts,
 * arrears and the branch's and organisation's monthly figures. Money is integer fen everywhere;
 * months are 'YYYY-MM' in Asia/Shanghai.
 */
import type { Page, PageCursor } from '../paging';

/** The member groups of the 2008 rules; each has its own base or fixed amount. */
export type DuesCategory =
  'salaried' | 'annual_salary' | 'self_employed' | 'retiree' | 'farmer' | 'student' | 'unemployed' | 'relief';

/** due: owed; reduced: owed at a reduced amount; waived: nothing owed; paid: settled. */
export type DuesMonthState = 'due' | 'reduced' | 'waived' | 'paid';
export type PaymentChannel = 'wxpay' | 'cash' | 'bank_transfer';
/** How far behind a member is (consecutive unpaid months before this month). */
export type ArrearsBand = 'none' | '1' | '3' | '5' | '6+';

/**
 * Where the member's dues are paid: not registered or not (or no longer) active in a branch here;
 * paying at the home organisation (no certificate saying otherwise); or owing here (流入地).
 */
export type DuesStanding = 'not_registered' | 'not_active' | 'pays_at_home' | 'owes_here';

/** What a member would pay for a base, and why, before anything is saved. */
export interface DuesQuoteView {
  category: DuesCategory;
  categoryLabel: string;
  /** Null for a farmer before the branch has set the amount. */
  amountFen: number | null;
  /** The rate on the whole base in basis points (50 = 0.5%); null for fixed amounts. */
  rateBasisPoints: number | null;
  /** The bracket, e.g. 月收入3000元以上至5000元（含）; null for fixed amounts. */
  bracketLabel: string | null;
  /** Chinese: base, bracket, rate and amount, or the fixed rule. */
  explanation: string;
}

export type DeclarationStatus = 'pending' | 'confirmed' | 'corrected' | 'rejected' | 'superseded';

/** One declaration of a base by the member, and what the branch decided. */
export interface DeclarationView {
  id: string;
  category: DuesCategory;
  categoryLabel: string;
  /** Declared monthly base in fen; null where the category has none. */
  baseFen: number | null;
  note: string;
  effectiveMonth: string;
  declaredAt: string;
  status: DeclarationStatus;
  /** The branch's decision: as declared, or corrected (then with the reason). */
  review: {
    by: string;
    at: string;
    category: DuesCategory;
    baseFen: number | null;
    farmerAmountFen: number | null;
    effectiveMonth: string;
    amountFen: number;
    fixedForYear: boolean;
    reason: string | null;
  } | null;
}

/** A hardship decision in force: reduce or waive, who approved and why. */
export interface ReliefView {
  kind: 'reduce' | 'waive';
  fromMonth: string;
  toMonth: string | null;
  reducedAmountFen: number | null;
  reason: string;
  decidedBy: string;
  approvedBy: string;
}

/** The dues profile: category, the confirmed base in force, what is waiting, and the history. */
export interface DuesProfileView {
  /** The monthly amount owed this month after relief; null until a base is confirmed. */
  amountFen: number | null;
  /** Chinese: how the amount is computed (base, bracket, rate), any yearly fixing and relief. */
  explanation: string;
  /** The confirmed declaration in force this month. */
  inForce: DeclarationView | null;
  /** A declaration waiting for the branch. */
  pending: DeclarationView | null;
  /** Every declaration, newest first. */
  history: DeclarationView[];
  relief: ReliefView | null;
}

/** One month of a member's dues. */
export interface DuesMonthView {
  month: string;
  /** What is owed (after relief), or what was paid. */
  amountFen: number;
  /** The amount before relief. */
  standardFen: number;
  state: DuesMonthState;
  /** Chinese, when reduced or waived: the reason. */
  reliefNote: string | null;
  paid: { channel: PaymentChannel; receiptNo: string; paidAt: string } | null;
}

/** A month the member may tick on the pay page. */
export interface PayChoice {
  month: string;
  amountFen: number;
  kind: 'arrears' | 'current' | 'ahead';
  /** False for months already paid or waived: shown, not selectable. */
  payable: boolean;
  /** Chinese, e.g. 已交纳 / 已免交; empty when payable. */
  note: string;
}

/** The member's own dues page. */
export interface MyDues {
  standing: DuesStanding;
  /** Chinese: what the standing means for the member. */
  standingNote: string;
  currentMonth: string;
  branchName: string | null;
  /** The first month owed here. */
  owesFrom: string | null;
  profile: DuesProfileView | null;
  thisMonth: DuesMonthView | null;
  /** The last month up to which everything owed is settled; null when nothing is. */
  paidThrough: string | null;
  /** Unpaid months up to this month that can be paid here (at most 6 back), oldest first. */
  unpaid: DuesMonthView[];
  unpaidFen: number;
  /** Unpaid months older than 6 months: settled with the branch, not here. */
  olderArrears: string[];
  band: ArrearsBand;
  bandLabel: string;
  /** Shown on the page when behind. */
  notice: string | null;
  /** An in-app to-do (at 3 and 5 months and beyond). */
  todo: string | null;
  /** Months for the pay page: arrears, this month and up to 6 ahead. */
  choices: PayChoice[];
  /** 6 months back and 6 ahead: the rule, in Chinese, for the pay page. */
  payRule: string;
}

/** What `wx.requestPayment` needs, as the platform's unified order returns it. */
export interface WxPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

export type OrderState = 'pending' | 'paid' | 'failed' | 'closed' | 'unapplied';

/** A receipt: one payment (or its reversal) for one or more months. */
export interface DuesReceipt {
  paymentId: string;
  receiptNo: string;
  kind: 'payment' | 'reversal';
  channel: PaymentChannel;
  months: { month: string; amountFen: number }[];
  /** Negative for a reversal. */
  totalFen: number;
  /** When it was received; for an offline payment of a past day only `paidOn` is meaningful. */
  paidAt: string;
  /** The Asia/Shanghai day it was received, 'YYYY-MM-DD' (as the secretary entered it for cash or transfer). */
  paidOn: string;
  /** True when a later reversal cancelled this payment. */
  reversed: boolean;
  /** For a reversal: the receipt it cancels, and why. */
  reverses: string | null;
  note: string | null;
  /** Who recorded an offline payment. */
  recordedBy: string | null;
}

export interface OrderStatus {
  orderId: string;
  state: OrderState;
  totalFen: number;
  months: string[];
  /** Chinese: what happened, fit to show. */
  message: string;
  receipt: DuesReceipt | null;
}

/** A declaration waiting for the secretary. */
export interface PendingBaseRow {
  memberId: string;
  name: string;
  declaration: DeclarationView;
  /** What the declared base would give, with the reason. */
  quote: DuesQuoteView;
  /** The amount in force now, for comparison; null for a first declaration. */
  currentAmountFen: number | null;
}

/** A member behind with dues, on the branch's board. */
export interface ArrearsRow {
  memberId: string;
  name: string;
  band: ArrearsBand;
  bandLabel: string;
  /** Consecutive unpaid months before this month (the longest run). */
  runMonths: number;
  unpaidMonths: string[];
  unpaidFen: number;
  /** The secretary's to-do at 3 and 5 months and beyond. */
  todo: string | null;
}

/** Money the platform received that could not be applied (months already paid, amount changed): to refund. */
export interface UnappliedPayment {
  orderId: string;
  memberId: string;
  name: string;
  totalFen: number;
  months: string[];
  paidAt: string;
  reason: string;
}

export interface DuesTotals {
  /** Members with a record this month that is not waived. */
  owing: number;
  paid: number;
  unpaid: number;
  waived: number;
  /** Sum owed this month (not waived), and sum received for it. */
  dueFen: number;
  receivedFen: number;
}

/** A node's monthly figures, by aggregation, with one row per branch under it. */
export interface DuesSummary {
  nodeId: string;
  nodeName: string;
  month: string;
  totals: DuesTotals;
  branches: ({ branchId: string; branchName: string } & DuesTotals)[];
}

export interface BranchDuesBoard {
  branchId: string;
  branchName: string;
  currentMonth: string;
  /** Members in each band (none is not counted here). */
  bandCounts: Record<'1' | '3' | '5' | '6+', number>;
  /** Everyone behind, furthest behind first. */
  rows: ArrearsRow[];
  /** Of `rows`, the members 6+ consecutive months behind, for the branch's review under 党章第九条 (ids, not the rows again). */
  reviewMemberIds: string[];
  thisMonth: DuesTotals;
  /** Declarations waiting for the secretary. */
  pendingBases: number;
  /** Members who owe dues here and have no confirmed base, so no month is recorded for them. */
  noBase: NoBaseRow[];
  unapplied: UnappliedPayment[];
}

/** A member the branch cannot collect dues from yet: no base is confirmed. */
export interface NoBaseRow {
  memberId: string;
  name: string;
  /** A declaration is waiting for the secretary (else the member has still to declare). */
  declared: boolean;
}

/** A row of the month's collection list. */
export interface CollectionRow {
  memberId: string;
  name: string;
  month: string;
  amountFen: number;
  state: DuesMonthState;
  channel: PaymentChannel | null;
  receiptNo: string | null;
  paidAt: string | null;
}

/** One member's dues, as the secretary sees them (for offline payments and relief). */
export interface MemberDuesView {
  memberId: string;
  name: string;
  standing: DuesStanding;
  standingNote: string;
  currentMonth: string;
  profile: DuesProfileView | null;
  /** Stored months from 24 back to 6 ahead, oldest first. */
  months: DuesMonthView[];
  band: ArrearsBand;
  bandLabel: string;
  /** Months the secretary may record as paid offline (owed, or up to 6 ahead), with amounts. */
  choices: PayChoice[];
  receipts: DuesReceipt[];
}

export interface DuesApi {
  /** What a base would give, and why. Saves nothing. */
  quote: {
    input: { category: DuesCategory; baseFen?: number; farmerAmountFen?: number };
    output: DuesQuoteView;
  };
  /** The member's own dues; creates this month's record (and the unpaid window) when missing. */
  myDues: { input: Record<string, never>; output: MyDues };
  /** The member declares a base (or a category without one); the branch confirms it. */
  declareBase: {
    input: { category: DuesCategory; baseFen?: number; note: string; effectiveMonth: string };
    output: MyDues;
  };
  /** Start paying the chosen months: an order for the exact total, and what wx.requestPayment needs. */
  pay: {
    input: { months: string[] };
    output: {
      orderId: string;
      totalFen: number;
      months: { month: string; amountFen: number }[];
      payment: WxPaymentParams;
    };
  };
  /** Where an order stands (asks WeChat Pay while it is pending). */
  orderStatus: { input: { orderId: string }; output: OrderStatus };
  /** The member gave up paying: the order is closed so it cannot be paid later. */
  cancelPayment: { input: { orderId: string }; output: OrderStatus };
  myReceipts: { input: { cursor?: PageCursor; limit?: number }; output: Page<DuesReceipt> };
  /** Secretary: declarations waiting in a branch. */
  pendingBases: { input: { branchId: string; cursor?: PageCursor; limit?: number }; output: Page<PendingBaseRow> };
  /** Secretary: confirm a declaration as made, correct it (with a reason), or send it back. */
  reviewBase: {
    input: {
      memberId: string;
      declarationId: string;
      decision: 'confirm' | 'correct' | 'reject';
      category?: DuesCategory;
      baseFen?: number;
      /** Farmers: the branch-set monthly amount, 20–100 fen. */
      farmerAmountFen?: number;
      effectiveMonth?: string;
      /** Keep this amount for the rest of its calendar year. */
      fixedForYear?: boolean;
      reason?: string;
    };
    output: MemberDuesView;
  };
  /** Secretary: reduce or waive a member's dues, with the next level's approver and the reason. */
  setRelief: {
    input: {
      memberId: string;
      kind: 'reduce' | 'waive';
      fromMonth: string;
      toMonth?: string;
      reducedAmountFen?: number;
      reason: string;
      approvedBy: string;
    };
    output: MemberDuesView;
  };
  memberDues: { input: { memberId: string }; output: MemberDuesView };
  branchBoard: { input: { branchId: string }; output: BranchDuesBoard };
  collectionList: {
    input: { branchId: string; month: string; cursor?: PageCursor; limit?: number };
    output: Page<CollectionRow>;
  };
  summary: { input: { nodeId: string; month: string }; output: DuesSummary };
  /** Secretary: cash or bank transfer, with the paper receipt's number. */
  recordOffline: {
    input: {
      memberId: string;
      months: string[];
      channel: 'cash' | 'bank_transfer';
      receiptNo: string;
      /** The total received, checked against what the months owe. */
      totalFen: number;
      /** YYYY-MM-DD */
      paidOn: string;
      note?: string;
    };
    output: DuesReceipt;
  };
  /** Secretary: cancel an offline payment by a reversal record (the payment itself is never edited). */
  reverseOffline: { input: { paymentId: string; reason: string }; output: DuesReceipt };
  /** Secretary: create a month's records for the branch now (the monthly timer does it too); idempotent. */
  generateMonth: {
    input: { branchId: string; month?: string };
    output: { month: string; created: number; existing: number; notOwing: number };
  };
}
