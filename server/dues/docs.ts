/** Stored shapes of the dues area, and the deterministic ids that make each thing exist once. */
import type {
  DeclarationStatus,
  DuesCategory,
  DuesMonthState,
  OrderState,
  PaymentChannel,
} from '../../typings/areas/dues';

/** A month record exists once per member and month. */
export const monthDocId = (memberId: string, month: string) => `${memberId}_${month}`;
/** A WeChat payment's receipt exists once per order. */
export const wxPaymentId = (orderId: string) => `wx_${orderId}`;
/** An offline receipt number is used once per branch. */
export const offlinePaymentId = (branchId: string, receiptNo: string) => `off_${branchId}_${receiptNo}`;
/** A payment is reversed at most once. */
export const reversalId = (paymentId: string) => `rev_${paymentId}`;

/** The member's declaration and the branch's decision on it. */
export interface StoredDeclaration {
  id: string;
  category: DuesCategory;
  baseFen: number | null;
  note: string;
  effectiveMonth: string;
  declaredAt: Date;
  declaredBy: string;
  status: DeclarationStatus;
  review: {
    by: string;
    byName: string | null;
    at: Date;
    category: DuesCategory;
    baseFen: number | null;
    farmerAmountFen: number | null;
    effectiveMonth: string;
    amountFen: number;
    fixedForYear: boolean;
    reason: string | null;
  } | null;
}

export interface StoredRelief {
  kind: 'reduce' | 'waive';
  fromMonth: string;
  toMonth: string | null;
  reducedAmountFen: number | null;
  reason: string;
  /** The secretary's name (or openid when unknown). */
  decidedBy: string;
  decidedByOpenid: string;
  approvedBy: string;
  recordedAt: Date;
}

/** One per member (`_id` = member id). Declarations and reliefs are appended, never rewritten. */
export interface DuesProfileDoc {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string | null;
  orgPath: string[];
  declarations: StoredDeclaration[];
  /** For the secretary's list of declarations to confirm. */
  hasPending: boolean;
  reliefs: StoredRelief[];
  updatedAt: Date;
}

export interface MonthPayment {
  paymentId: string;
  channel: PaymentChannel;
  receiptNo: string;
  paidAt: Date;
  orderId: string | null;
}

/** One per member and month (`monthDocId`). */
export interface DuesMonthDoc {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string;
  orgPath: string[];
  month: string;
  standardFen: number;
  amountFen: number;
  state: DuesMonthState;
  relief: { kind: 'reduce' | 'waive'; reason: string; approvedBy: string } | null;
  payment: MonthPayment | null;
  /** Paid no later than the month itself (prepayment included): earns points. */
  onTime: boolean | null;
  createdBy: 'timer' | 'on_demand' | 'payment';
  createdAt: Date;
  updatedAt: Date;
  history: { at: Date; event: 'created' | 'repriced' | 'paid' | 'reversed'; by: string; detail: string }[];
}

export interface OrderMonth {
  month: string;
  amountFen: number;
  standardFen: number;
  relief: DuesMonthDoc['relief'];
}

/** Why a paid order changed nothing. */
export type UnappliedReason = 'months_already_paid' | 'amount_changed';

/** One per payment attempt (`_id` = out-trade number). */
export interface DuesOrderDoc {
  _id: string;
  memberId: string;
  memberName: string;
  openid: string;
  branchId: string;
  /** Where the member stood when paying; with the name and path, the placement the points award records. Absent on orders made before it was kept. */
  branchName?: string | null;
  orgPath: string[];
  months: OrderMonth[];
  totalFen: number;
  state: OrderState;
  prepayId: string;
  createdAt: Date;
  updatedAt: Date;
  transactionId: string | null;
  paidAt: Date | null;
  paymentId: string | null;
  unappliedReason: UnappliedReason | null;
}

/** A receipt: a payment or a reversal. Never updated once written. */
export interface DuesPaymentDoc {
  _id: string;
  kind: 'payment' | 'reversal';
  memberId: string;
  memberName: string;
  branchId: string;
  orgPath: string[];
  channel: PaymentChannel;
  receiptNo: string;
  months: { month: string; amountFen: number }[];
  totalFen: number;
  /** When the money was received: the recording time for today's, noon for a past day's. Never after `recordedAt`. */
  paidAt: Date;
  /** The day the secretary entered for an offline payment, as entered (absent for WeChat payments). */
  paidOn?: string;
  recordedAt: Date;
  recordedBy: string;
  recordedByName: string | null;
  orderId: string | null;
  transactionId: string | null;
  /** For a reversal: the payment it cancels. */
  reverses: string | null;
  note: string | null;
}

export type PayLogOutcome =
  | 'applied'
  | 'duplicate'
  | 'unapplied'
  | 'amount_mismatch'
  | 'not_confirmed'
  | 'unknown_order'
  | 'payment_failed'
  | 'refused_caller'
  | 'bad_event'
  | 'points_failed'
  | 'error';

/** Every callback (and every status query that found a payment), with what it did. */
export interface PayLogDoc {
  orderId: string | null;
  source: 'callback' | 'query';
  outcome: PayLogOutcome;
  detail: string;
  transactionId: string | null;
  totalFee: number | null;
  at: Date;
  /** Unconfirmed events are counted on one document (`pay-log.ts`): how many, and the last. */
  count?: number;
  lastAt?: Date;
}
