import { DENY_ALL, type CollectionSpec } from '../schema';

/** 党费: profiles (declared and confirmed bases, relief), monthly records, orders, payments and the payment log. */
export const DUES_COLLECTIONS = {
  duesProfiles: 'dues_profiles',
  duesMonths: 'dues_months',
  duesOrders: 'dues_orders',
  duesPayments: 'dues_payments',
  duesPayLog: 'dues_pay_log',
} as const;

export const duesCollections: CollectionSpec[] = [
  {
    name: DUES_COLLECTIONS.duesProfiles,
    description: '党费档案：每名党员一条（_id 为党员编号）；申报的基数、支部的确认或更正、减免决定，全部保留历史',
    indexes: [{ name: 'branch_pending_id', keys: { branchId: 1, hasPending: 1, updatedAt: 1, _id: 1 } }],
    rules: DENY_ALL,
  },
  {
    name: DUES_COLLECTIONS.duesMonths,
    description: '党费月度记录：每名党员每月一条（_id 为 党员编号_YYYY-MM）；应交金额、状态、交纳方式与收据',
    indexes: [
      { name: 'member_month', keys: { memberId: 1, month: 1 } },
      { name: 'branch_month_state', keys: { branchId: 1, month: 1, state: 1 } },
      // The month's collection list by name (keyset on memberName, _id).
      { name: 'branch_month_name_id', keys: { branchId: 1, month: 1, memberName: 1, _id: 1 } },
      { name: 'org_path_month', keys: { orgPath: 1, month: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: DUES_COLLECTIONS.duesOrders,
    description: '微信支付订单：每次发起支付一条（_id 为商户订单号）；所交月份、金额、支付结果',
    indexes: [
      { name: 'member_time', keys: { memberId: 1, createdAt: -1 } },
      { name: 'branch_state', keys: { branchId: 1, state: 1, createdAt: -1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: DUES_COLLECTIONS.duesPayments,
    description: '党费收据：微信支付、现金、银行转账各一条，更正以冲正记录追加，从不修改（_id 由渠道与单号决定）',
    indexes: [
      { name: 'member_recorded', keys: { memberId: 1, recordedAt: -1, _id: -1 } },
      { name: 'reverses', keys: { reverses: 1 } },
      { name: 'branch_recorded', keys: { branchId: 1, recordedAt: -1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: DUES_COLLECTIONS.duesPayLog,
    description: '支付回调与查询日志：每次回调的结果（入账、重复、金额不符、月份已交等），供核对与退款',
    indexes: [{ name: 'order_time', keys: { orderId: 1, at: 1 } }],
    rules: DENY_ALL,
  },
];
