import { addMonths, compareMonths, isMonth, monthRange, monthsBetween } from './months';

/** Arrears may be paid at most this many months back (current − 6 is the oldest payable month). */
export const MAX_ARREARS_MONTHS = 6;
/** Prepayment may reach at most this many months ahead (current + 6 is the last payable month). */
export const MAX_PREPAY_MONTHS = 6;

/** What the server knows about a member's months when they ask to pay. */
export interface PayableMonthsInput {
  /** This month in Asia/Shanghai (monthOf(now)). */
  currentMonth: string;
  /**
   * Months up to and including currentMonth that are owed and unpaid: after admission, not waived.
   * Later months are not arrears and are ignored here; whether they are prepaid is paidMonths' job.
   */
  unpaidMonths: readonly string[];
  /** Months already paid; needed only for months after currentMonth (earlier prepayments). */
  paidMonths?: readonly string[];
  /** For probationary members: the month the branch assembly admitted them; nothing is owed before. */
  admittedMonth?: string;
  /** The months the member chose to pay now, in any order. */
  requested: readonly string[];
}

/** Why a request was refused, for the UI and tests; the Chinese reason is what the member reads. */
export type PayableMonthsRefusalCode =
  | 'invalid_month'
  | 'empty'
  | 'duplicate'
  | 'before_admission'
  | 'too_old'
  | 'too_far_ahead'
  | 'not_owed'
  | 'already_paid'
  | 'gap';

/** The months to charge (sorted), split for the receipt, or a refusal naming the offending months. */
export type PayableMonthsResult =
  | {
      ok: true;
      months: string[];
      /** Requested months before currentMonth. */
      arrears: string[];
      /** Requested months after currentMonth. */
      prepaid: string[];
      /** Unpaid months older than the window: not payable here, the member must contact the branch. */
      olderArrears: string[];
    }
  | { ok: false; code: PayableMonthsRefusalCode; months: string[]; reason: string };

function refuse(code: PayableMonthsRefusalCode, months: string[], reason: string): PayableMonthsResult {
  return { ok: false, code, months, reason };
}

function assertMonths(name: string, months: readonly string[]): void {
  const bad = months.find((m) => !isMonth(m));
  if (bad !== undefined) throw new RangeError(`payableMonths: ${name} has a bad month ${String(bad)}`);
}

/**
 * Checks which months a member may pay now (中组发〔2008〕3号: arrears and prepayment each limited to
 * 6 months). Rules decided here where the text is silent:
 * - oldest first, no gaps: every owed month in the window that is earlier than the latest requested
 *   month must be paid with it, so the current month or prepayment needs all payable arrears, and
 *   prepayment must be contiguous from the current month (a gap would become arrears later);
 * - partial arrears are allowed oldest first (pay 2 of 4 months), the rest stays owed;
 * - unpaid months older than 6 months do not block paying the window: they are reported in
 *   olderArrears, and the branch settles them (they are a matter for its review).
 * Bad server-side data (currentMonth, unpaidMonths, paidMonths, admittedMonth) throws; bad member
 * input (requested) is refused with a reason.
 */
export function payableMonths(input: PayableMonthsInput): PayableMonthsResult {
  const { currentMonth, admittedMonth } = input;
  if (!isMonth(currentMonth)) throw new RangeError(`payableMonths: bad currentMonth ${String(currentMonth)}`);
  if (admittedMonth !== undefined && !isMonth(admittedMonth)) {
    throw new RangeError(`payableMonths: bad admittedMonth ${String(admittedMonth)}`);
  }
  assertMonths('unpaidMonths', input.unpaidMonths);
  assertMonths('paidMonths', input.paidMonths ?? []);

  const requested = input.requested;
  const invalid = requested.filter((m) => !isMonth(m));
  if (invalid.length > 0) {
    return refuse(
      'invalid_month',
      invalid.map(String),
      `“${invalid.map(String).join('、')}”不是有效的月份（应为 YYYY-MM）。`,
    );
  }
  if (requested.length === 0) return refuse('empty', [], '请选择要交纳党费的月份。');

  const duplicates = [...new Set(requested.filter((m, i) => requested.indexOf(m) !== i))].sort(compareMonths);
  if (duplicates.length > 0) {
    return refuse('duplicate', duplicates, `${duplicates.join('、')} 重复选择，每个月只需交纳一次。`);
  }

  const months = [...requested].sort(compareMonths);
  const list = (ms: string[]): string => ms.join('、');

  if (admittedMonth !== undefined) {
    const early = months.filter((m) => compareMonths(m, admittedMonth) < 0);
    if (early.length > 0) {
      return refuse(
        'before_admission',
        early,
        `${list(early)} 早于支部大会接收您为预备党员的月份（${admittedMonth}）。` +
          '预备党员从支部大会通过其为预备党员之月起交纳党费，此前的月份无需交纳。',
      );
    }
  }

  const oldest = addMonths(currentMonth, -MAX_ARREARS_MONTHS);
  const tooOld = months.filter((m) => monthsBetween(m, currentMonth) > MAX_ARREARS_MONTHS);
  if (tooOld.length > 0) {
    return refuse(
      'too_old',
      tooOld,
      `${list(tooOld)} 距本月（${currentMonth}）已超过 ${MAX_ARREARS_MONTHS} 个月。补交党费最多补交 ` +
        `${MAX_ARREARS_MONTHS} 个月，最早可补交 ${oldest}；更早的欠交请联系所在党支部说明情况并处理。`,
    );
  }

  const latest = addMonths(currentMonth, MAX_PREPAY_MONTHS);
  const tooFar = months.filter((m) => monthsBetween(currentMonth, m) > MAX_PREPAY_MONTHS);
  if (tooFar.length > 0) {
    return refuse(
      'too_far_ahead',
      tooFar,
      `${list(tooFar)} 超出预交范围。预交党费最多预交 ${MAX_PREPAY_MONTHS} 个月，最晚可预交至 ${latest}。`,
    );
  }

  const admitted = (m: string): boolean => admittedMonth === undefined || compareMonths(m, admittedMonth) >= 0;
  const unpaid = new Set(input.unpaidMonths.filter((m) => compareMonths(m, currentMonth) <= 0 && admitted(m)));
  const paid = new Set(input.paidMonths ?? []);

  const notOwed = months.filter((m) => compareMonths(m, currentMonth) <= 0 && !unpaid.has(m));
  if (notOwed.length > 0) {
    return refuse('not_owed', notOwed, `${list(notOwed)} 没有待交党费（已交纳、已减免或无需交纳）。`);
  }
  const alreadyPaid = months.filter((m) => compareMonths(m, currentMonth) > 0 && paid.has(m));
  if (alreadyPaid.length > 0) {
    return refuse('already_paid', alreadyPaid, `${list(alreadyPaid)} 已预交，无需重复交纳。`);
  }

  // Every month still owed between the window's start and the latest requested month must be paid too.
  const chosen = new Set(months);
  const last = months[months.length - 1] as string;
  const skipped = monthRange(oldest, last).filter((m) => {
    if (chosen.has(m) || !admitted(m)) return false;
    return compareMonths(m, currentMonth) <= 0 ? unpaid.has(m) : !paid.has(m);
  });
  if (skipped.length > 0) {
    return refuse('gap', skipped, `请按月份顺序交纳，先交较早的月份：${list(skipped)} 尚未交纳，须一并交纳。`);
  }

  return {
    ok: true,
    months,
    arrears: months.filter((m) => compareMonths(m, currentMonth) < 0),
    prepaid: months.filter((m) => compareMonths(m, currentMonth) > 0),
    olderArrears: [...unpaid].filter((m) => compareMonths(m, oldest) < 0).sort(compareMonths),
  };
}
