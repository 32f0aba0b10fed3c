/**
 * Dues categories and rate tables of 中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》,
 * kept as data so that the calculator, the UI and the tests read the same table.
 */

/** The member groups of the 2008 rules; each has its own base or fixed amount. */
export type DuesCategory =
  'salaried' | 'annual_salary' | 'self_employed' | 'retiree' | 'farmer' | 'student' | 'unemployed' | 'relief';

/** Chinese names of the categories, one place for every screen and message. */
export const DUES_CATEGORY_LABELS: Readonly<Record<DuesCategory, string>> = {
  salaried: '在职党员（工资收入）',
  annual_salary: '实行年薪制人员',
  self_employed: '个体经营等收入不固定人员',
  retiree: '离退休干部职工',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业人员',
  relief: '依靠抚恤、救济或领取最低生活保障金生活人员',
};

/** Every category, in the order of the 2008 rules, for pickers and validation. */
export const DUES_CATEGORIES: readonly DuesCategory[] = Object.keys(DUES_CATEGORY_LABELS) as DuesCategory[];

/** Runtime guard, because categories arrive from requests and stored documents. */
export function isDuesCategory(value: unknown): value is DuesCategory {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DUES_CATEGORY_LABELS, value);
}

/** One row of a rate table: the rate applies to the WHOLE base when base ≤ upToFen (inclusive). */
export interface DuesBracket {
  /** Inclusive upper bound of the monthly base in fen; null for the open top bracket. */
  upToFen: number | null;
  /** Rate in basis points of the base: 50 = 0.5%. */
  rateBasisPoints: number;
  /** Full Chinese description, e.g. 月收入3000元以上至5000元（含）. */
  label: string;
  /** The range alone, as the quote's explanation quotes it, e.g. 3000 元以上至 5000 元（含）. */
  range: string;
}

/** Salary scale shared by salaried, annual-salary and self-employed members (bounds inclusive). */
export const SALARY_BRACKETS: readonly DuesBracket[] = [
  { upToFen: 300_000, rateBasisPoints: 50, label: '月收入3000元以下（含）', range: '3000 元以下（含）' },
  {
    upToFen: 500_000,
    rateBasisPoints: 100,
    label: '月收入3000元以上至5000元（含）',
    range: '3000 元以上至 5000 元（含）',
  },
  {
    upToFen: 1_000_000,
    rateBasisPoints: 150,
    label: '月收入5000元以上至10000元（含）',
    range: '5000 元以上至 10000 元（含）',
  },
  { upToFen: null, rateBasisPoints: 200, label: '月收入10000元以上', range: '10000 元以上' },
];

/** Retirees' own scale on the pension: a 5000 元 pension pays 0.5% of the whole, 25 元. */
export const RETIREE_BRACKETS: readonly DuesBracket[] = [
  { upToFen: 500_000, rateBasisPoints: 50, label: '离退休费5000元以下（含）', range: '5000 元以下（含）' },
  { upToFen: null, rateBasisPoints: 100, label: '离退休费5000元以上', range: '5000 元以上' },
];

/** Farmers pay a branch-set amount in this inclusive range (0.2–1 元). */
export const FARMER_AMOUNT_RANGE_FEN = { min: 20, max: 100 } as const;

/** Students, the unemployed and members living on relief or 低保 pay this fixed amount (0.2 元). */
export const FLAT_AMOUNT_FEN = 20;

/**
 * Sanity ceiling for a declared monthly base (1,000,000 元): catches unit slips (元 typed as 分 ×100)
 * and keeps base × rate far inside safe integers. Larger real incomes go through the branch.
 */
export const MAX_BASE_FEN = 100_000_000;

/** How each category is assessed: by a rate table on a base, a branch-set amount, or a fixed amount. */
export type DuesRule =
  | { kind: 'scale'; brackets: readonly DuesBracket[]; baseName: string }
  | { kind: 'branch_set' }
  | { kind: 'fixed'; amountFen: number };

/** The rule per category; baseName is how the explanation names the base. */
export const DUES_RULES: Readonly<Record<DuesCategory, DuesRule>> = {
  salaried: { kind: 'scale', brackets: SALARY_BRACKETS, baseName: '月工资收入' },
  annual_salary: { kind: 'scale', brackets: SALARY_BRACKETS, baseName: '当月实际领取的年薪收入' },
  self_employed: { kind: 'scale', brackets: SALARY_BRACKETS, baseName: '上一季度月平均纯收入' },
  retiree: { kind: 'scale', brackets: RETIREE_BRACKETS, baseName: '月离退休费（养老金）' },
  farmer: { kind: 'branch_set' },
  student: { kind: 'fixed', amountFen: FLAT_AMOUNT_FEN },
  unemployed: { kind: 'fixed', amountFen: FLAT_AMOUNT_FEN },
  relief: { kind: 'fixed', amountFen: FLAT_AMOUNT_FEN },
};
