/** Replies of the `dues` function as the mini-program receives them, for the page tests. */
import type {
  BranchDuesBoard,
  DeclarationView,
  DuesReceipt,
  MemberDuesView,
  MyDues,
  PayChoice,
  PendingBaseRow,
} from '../../typings';

export const CURRENT = '2026-11';

/** A salaried member at 40 元 a month, two months behind, nothing paid yet. */
export function aMyDues(overrides: Partial<MyDues> = {}): MyDues {
  const due = (month: string) => ({
    month,
    amountFen: 4000,
    standardFen: 4000,
    state: 'due' as const,
    reliefNote: null,
    paid: null,
  });
  return {
    standing: 'owes_here',
    standingNote: '您持有流动党员活动证，党费在本地（流入地）党支部按月交纳。',
    currentMonth: CURRENT,
    branchName: '思明区流动党员党支部',
    owesFrom: '2026-09',
    profile: {
      amountFen: 4000,
      explanation: '月工资收入 4,000.00 元，适用 3000 元以上至 5000 元（含）档，按 1% 交纳：40.00 元。',
      inForce: aDeclaration({ status: 'confirmed' }),
      pending: null,
      history: [aDeclaration({ status: 'confirmed' })],
      relief: null,
    },
    thisMonth: due(CURRENT),
    paidThrough: null,
    unpaid: [due('2026-09'), due('2026-10'), due(CURRENT)],
    unpaidFen: 12_000,
    olderArrears: [],
    band: '1',
    bandLabel: '欠交1个月以上',
    notice: '您有党费未按月交纳，请及时补交。',
    todo: null,
    choices: [
      aChoice('2026-09', 'arrears'),
      aChoice('2026-10', 'arrears'),
      aChoice(CURRENT, 'current'),
      aChoice('2026-12', 'ahead'),
      aChoice('2027-01', 'ahead'),
    ],
    payRule: '党费按月交纳。补交欠交的党费最多补交 6 个月，预交最多预交 6 个月；请从最早欠交的月份起按顺序交纳。',
    ...overrides,
  };
}

export function aChoice(month: string, kind: PayChoice['kind'], overrides: Partial<PayChoice> = {}): PayChoice {
  return { month, amountFen: 4000, kind, payable: true, note: '', ...overrides };
}

export function aDeclaration(overrides: Partial<DeclarationView> = {}): DeclarationView {
  return {
    id: 'd1',
    category: 'salaried',
    categoryLabel: '在职党员（工资收入）',
    baseFen: 400_000,
    note: '',
    effectiveMonth: '2026-09',
    declaredAt: '2026-09-03T02:00:00.000Z',
    status: 'pending',
    review:
      overrides.status && overrides.status !== 'pending'
        ? {
            by: '陈美华',
            at: '2026-09-04T02:00:00.000Z',
            category: 'salaried',
            baseFen: 400_000,
            farmerAmountFen: null,
            effectiveMonth: '2026-09',
            amountFen: 4000,
            fixedForYear: false,
            reason: null,
          }
        : null,
    ...overrides,
  };
}

export function aReceipt(overrides: Partial<DuesReceipt> = {}): DuesReceipt {
  return {
    paymentId: 'wx_DF1',
    receiptNo: 'DF20261127120000ABCDEFGHJK',
    kind: 'payment',
    channel: 'wxpay',
    months: [
      { month: '2026-10', amountFen: 4000 },
      { month: CURRENT, amountFen: 4000 },
    ],
    totalFen: 8000,
    paidAt: '2026-11-27T04:05:00.000Z',
    paidOn: '2026-11-27',
    reversed: false,
    reverses: null,
    note: null,
    recordedBy: null,
    ...overrides,
  };
}

export function aBoard(overrides: Partial<BranchDuesBoard> = {}): BranchDuesBoard {
  const row = (
    memberId: string,
    name: string,
    band: '1' | '3' | '5' | '6+',
    months: string[],
    todo: string | null,
  ) => ({
    memberId,
    name,
    band,
    bandLabel: band,
    runMonths: months.length,
    unpaidMonths: months,
    unpaidFen: months.length * 4000,
    todo,
  });
  const seven = row(
    'm7',
    '丁七',
    '6+',
    ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
    '已列入审查名单',
  );
  return {
    branchId: 'xm-siming-mobile',
    branchName: '思明区流动党员党支部',
    currentMonth: CURRENT,
    bandCounts: { '1': 1, '3': 1, '5': 0, '6+': 1 },
    rows: [
      seven,
      row('m3', '乙三', '3', ['2026-08', '2026-09', '2026-10'], '请联系了解情况'),
      row('m1', '甲一', '1', ['2026-10'], null),
    ],
    reviewMemberIds: [seven.memberId],
    thisMonth: { owing: 5, paid: 2, unpaid: 3, waived: 1, dueFen: 11_020, receivedFen: 6_000 },
    pendingBases: 2,
    noBase: [],
    unapplied: [],
    ...overrides,
  };
}

export function aPendingBase(overrides: Partial<PendingBaseRow> = {}): PendingBaseRow {
  return {
    memberId: 'm_o1',
    name: '林志明',
    declaration: aDeclaration({ baseFen: 550_000 }),
    quote: {
      category: 'salaried',
      categoryLabel: '在职党员（工资收入）',
      amountFen: 8250,
      rateBasisPoints: 150,
      bracketLabel: '月收入5000元以上至10000元（含）',
      explanation: '月工资收入 5,500.00 元，适用 5000 元以上至 10000 元（含）档，按 1.5% 交纳：82.50 元',
    },
    currentAmountFen: null,
    ...overrides,
  };
}

export function aMemberDues(overrides: Partial<MemberDuesView> = {}): MemberDuesView {
  const month = (m: string, state: 'due' | 'paid' = 'due') => ({
    month: m,
    amountFen: 4000,
    standardFen: 4000,
    state,
    reliefNote: null,
    paid: null,
  });
  return {
    memberId: 'm_o1',
    name: '林志明',
    standing: 'owes_here',
    standingNote: '',
    currentMonth: CURRENT,
    // A confirmed base of 40.00 元 a month, as the months below are counted from.
    profile: aMyDues().profile,
    months: [month('2026-03'), month('2026-09', 'paid'), month('2026-10'), month(CURRENT)],
    band: '1',
    bandLabel: '欠交1个月以上',
    choices: [aChoice('2026-10', 'arrears'), aChoice(CURRENT, 'current'), aChoice('2026-12', 'ahead')],
    receipts: [],
    ...overrides,
  };
}
