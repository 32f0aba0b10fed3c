/**
 * 党费 words shown on screen, defined once. Each table is a `Record` over the contract's union, so a
 * value added to the contract fails `tsc` here until it has a Chinese label.
 */
import type {
  ArrearsBand,
  DeclarationStatus,
  DuesCategory,
  DuesMonthState,
  OrderState,
  PaymentChannel,
} from '../../typings';

/** The categories of 中组发〔2008〕3号, in the order of the rules. */
export const DUES_CATEGORIES: readonly DuesCategory[] = [
  'salaried',
  'annual_salary',
  'self_employed',
  'retiree',
  'farmer',
  'student',
  'unemployed',
  'relief',
];

/** The category names of the 2008 rules, as secretaries know them (the server's quotes use the same words). */
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  salaried: '在职党员（工资收入）',
  annual_salary: '实行年薪制人员',
  self_employed: '个体经营等收入不固定人员',
  retiree: '离退休干部职工',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业人员',
  relief: '依靠抚恤、救济或领取最低生活保障金生活人员',
};

/** What the base is called for each category that has one (the others pay a fixed or branch-set amount). */
export const DUES_BASE_NAMES: Record<DuesCategory, string | null> = {
  salaried: '每月税后工资',
  annual_salary: '当月实际领取的年薪',
  self_employed: '上季度月平均纯收入',
  retiree: '每月离退休费（养老金）',
  farmer: null,
  student: null,
  unemployed: null,
  relief: null,
};

export const MONTH_STATE_LABELS: Record<DuesMonthState, string> = {
  due: '未交',
  reduced: '未交（已减交）',
  waived: '已免交',
  paid: '已交',
};

export const CHANNEL_LABELS: Record<PaymentChannel, string> = {
  wxpay: '微信支付',
  cash: '现金',
  bank_transfer: '银行转账',
};

export const BAND_LABELS: Record<ArrearsBand, string> = {
  none: '按月交纳',
  '1': '欠交1个月以上',
  '3': '连续欠交3个月以上',
  '5': '连续欠交5个月',
  '6+': '连续欠交6个月以上',
};

export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  pending: '等待支部确认',
  confirmed: '支部已确认',
  corrected: '支部已更正',
  rejected: '支部已退回',
  superseded: '已被新的申报代替',
};

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  pending: '等待支付结果',
  paid: '交纳成功',
  failed: '支付未成功',
  closed: '已取消',
  unapplied: '待退款',
};

/** Offline payments: how the money came. */
export const OFFLINE_CHANNELS: readonly { value: 'cash' | 'bank_transfer'; label: string }[] = [
  { value: 'cash', label: '现金' },
  { value: 'bank_transfer', label: '银行转账' },
];

/** How long the pay page waits for the payment result before saying it will show up later. */
export const PAYMENT_POLL = { attempts: 10, intervalMs: 1500 } as const;
