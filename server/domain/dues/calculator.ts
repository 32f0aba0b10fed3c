import {
  DUES_CATEGORY_LABELS,
  DUES_RULES,
  FARMER_AMOUNT_RANGE_FEN,
  MAX_BASE_FEN,
  isDuesCategory,
  type DuesBracket,
  type DuesCategory,
} from './categories';
import { applyRate, formatFen, formatRate } from './money';

/** What the member declared (base) or the branch set (farmer amount); unused fields are ignored. */
export interface DuesQuoteInput {
  category: DuesCategory;
  /** Confirmed monthly base in fen; required for salary-scale categories and retirees. */
  baseFen?: number;
  /** Branch-set monthly amount in fen for farmers, 20–100. */
  farmerAmountFen?: number;
}

/** A quote: the amount and, in Chinese, why (base, bracket, rate) so the member can check it. */
export type DuesQuote =
  | {
      ok: true;
      amountFen: number;
      /** Rate applied to the whole base, in basis points (50 = 0.5%); absent for fixed amounts. */
      rateBasisPoints?: number;
      bracket?: { label: string; upToFen: number | null };
      explanation: string;
    }
  | { ok: false; field: 'category' | 'baseFen' | 'farmerAmountFen'; reason: string };

/** The bracket a base falls in: the first whose inclusive upper bound holds it. */
export function findBracket(brackets: readonly DuesBracket[], baseFen: number): DuesBracket {
  const found = brackets.find((b) => b.upToFen === null || baseFen <= b.upToFen);
  if (!found) throw new Error('findBracket: rate table has no open top bracket');
  return found;
}

type FenField = 'baseFen' | 'farmerAmountFen';

/** Reads an amount that must be a non-negative integer of fen; requests may carry anything. */
function readFen(
  value: unknown,
  field: FenField,
  name: string,
): { ok: true; fen: number } | { ok: false; field: FenField; reason: string } {
  if (value === undefined || value === null) return { ok: false, field, reason: `请填写${name}。` };
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return { ok: false, field, reason: `${name}须为以“分”为单位的整数。` };
  }
  if (value < 0) return { ok: false, field, reason: `${name}不能为负数。` };
  return { ok: true, fen: value };
}

/**
 * Monthly dues by 中组发〔2008〕3号: the WHOLE base times its bracket's rate (upper bounds inclusive),
 * half-up to the fen; farmers pay the branch-set 0.2–1 元; students, unemployed, relief 0.2 元.
 */
export function quoteMonthlyDues(input: DuesQuoteInput): DuesQuote {
  const { category } = input;
  if (!isDuesCategory(category)) return { ok: false, field: 'category', reason: '请选择党费交纳类别。' };
  const rule = DUES_RULES[category];
  const label = DUES_CATEGORY_LABELS[category];

  if (rule.kind === 'fixed') {
    return {
      ok: true,
      amountFen: rule.amountFen,
      explanation: `${label}中的党员每月交纳党费 ${formatFen(rule.amountFen)} 元（固定标准）。`,
    };
  }

  if (rule.kind === 'branch_set') {
    const { min, max } = FARMER_AMOUNT_RANGE_FEN;
    const range = `${formatFen(min)} 元至 ${formatFen(max)} 元`;
    const amount = readFen(input.farmerAmountFen, 'farmerAmountFen', '党支部确定的每月交纳金额');
    if (!amount.ok) return amount;
    if (amount.fen < min || amount.fen > max) {
      return {
        ok: false,
        field: 'farmerAmountFen',
        reason: `农民党员每月交纳党费 ${range}，${formatFen(amount.fen)} 元超出范围。`,
      };
    }
    return {
      ok: true,
      amountFen: amount.fen,
      explanation: `农民党员按党支部确定的标准每月交纳党费 ${formatFen(amount.fen)} 元（标准范围 ${range}）。`,
    };
  }

  const base = readFen(input.baseFen, 'baseFen', rule.baseName);
  if (!base.ok) return base;
  const baseFen = base.fen;
  if (baseFen > MAX_BASE_FEN) {
    return {
      ok: false,
      field: 'baseFen',
      reason: `${rule.baseName} ${formatFen(baseFen)} 元超过 ${formatFen(MAX_BASE_FEN)} 元，请核对单位（以“分”计）；确有更高收入请联系党支部核定。`,
    };
  }
  const bracket = findBracket(rule.brackets, baseFen);
  const amountFen = applyRate(baseFen, bracket.rateBasisPoints);
  const rounded = (baseFen * bracket.rateBasisPoints) % 10000 !== 0 ? '（不足 1 分的部分四舍五入）' : '';
  return {
    ok: true,
    amountFen,
    rateBasisPoints: bracket.rateBasisPoints,
    bracket: { label: bracket.label, upToFen: bracket.upToFen },
    explanation:
      `${rule.baseName} ${formatFen(baseFen)} 元，适用 ${bracket.range}档，` +
      `按 ${formatRate(bracket.rateBasisPoints)} 交纳：${formatFen(amountFen)} 元${rounded}`,
  };
}
