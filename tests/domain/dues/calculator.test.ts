import {
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  MAX_BASE_FEN,
  RETIREE_BRACKETS,
  SALARY_BRACKETS,
  quoteMonthlyDues,
  type DuesCategory,
} from '../../../server/domain/dues';

const SALARY_SCALE: DuesCategory[] = ['salaried', 'annual_salary', 'self_employed'];

function amount(category: DuesCategory, baseFen: number): number {
  const quote = quoteMonthlyDues({ category, baseFen });
  if (!quote.ok) throw new Error(`refused: ${quote.reason}`);
  return quote.amountFen;
}

// Every value is in fen: amount = base × rate, rounded half-up to a whole fen.
// [base fen, expected amount fen, rate bp, why]
const salaryCases: [number, number, number, string][] = [
  [0, 0, 50, 'zero base pays nothing'],
  [1, 0, 50, '0.005 fen rounds down'],
  [99, 0, 50, '0.495 fen rounds down'],
  [100, 1, 50, '0.5 fen exactly: half-up to 1'],
  [10_001, 50, 50, '50.005 fen rounds down to 50'],
  [299_700, 1_499, 50, '1498.5 fen exactly: half-up to 1499'],
  [299_900, 1_500, 50, '1499.5 fen exactly: half-up to 1500'],
  [299_999, 1_500, 50, '1499.995 fen rounds up'],
  [300_000, 1_500, 50, '3000 元 is inside the 0.5% bracket (inclusive)'],
  [300_001, 3_000, 100, '3000.01 元: whole base at 1% = 3000.01 fen → 3000'],
  [300_050, 3_001, 100, '3000.5 fen exactly: half-up'],
  [400_000, 4_000, 100, 'mid bracket'],
  [499_999, 5_000, 100, '4999.99 fen rounds up'],
  [500_000, 5_000, 100, '5000 元 is inside the 1% bracket (inclusive)'],
  [500_001, 7_500, 150, '5000.01 元 at 1.5% = 7500.015 fen → 7500'],
  [500_100, 7_502, 150, '7501.5 fen exactly: half-up'],
  [999_999, 15_000, 150, '14999.985 fen rounds up'],
  [1_000_000, 15_000, 150, '10000 元 is inside the 1.5% bracket (inclusive)'],
  [1_000_001, 20_000, 200, '10000.01 元 at 2% = 20000.02 fen → 20000'],
  [1_000_024, 20_000, 200, '20000.48 fen rounds down'],
  [1_000_025, 20_001, 200, '20000.5 fen exactly: half-up'],
  [1_000_026, 20_001, 200, '20000.52 fen rounds up'],
  [10_000_000, 200_000, 200, '100000 元'],
  [MAX_BASE_FEN, 2_000_000, 200, 'the sanity ceiling itself is accepted'],
];

describe('quoteMonthlyDues: salary scale', () => {
  describe.each(SALARY_SCALE)('%s', (category) => {
    it.each(salaryCases)('base %i fen → %i fen at %i bp (%s)', (baseFen, expected, bp) => {
      const quote = quoteMonthlyDues({ category, baseFen });
      expect(quote).toMatchObject({ ok: true, amountFen: expected, rateBasisPoints: bp });
    });
  });

  it('quotes the bracket with its inclusive upper bound', () => {
    expect(quoteMonthlyDues({ category: 'salaried', baseFen: 500_000 })).toMatchObject({
      bracket: { label: '月收入3000元以上至5000元（含）', upToFen: 500_000 },
    });
    expect(quoteMonthlyDues({ category: 'salaried', baseFen: 1_000_001 })).toMatchObject({
      bracket: { label: '月收入10000元以上', upToFen: null },
    });
  });

  it('explains base, bracket, rate and amount in Chinese', () => {
    const quote = quoteMonthlyDues({ category: 'salaried', baseFen: 400_000 });
    expect(quote.ok && quote.explanation).toBe(
      '月工资收入 4,000.00 元，适用 3000 元以上至 5000 元（含）档，按 1% 交纳：40.00 元',
    );
  });

  it('says so when a fraction of a fen was rounded', () => {
    const quote = quoteMonthlyDues({ category: 'salaried', baseFen: 500_001 });
    expect(quote.ok && quote.explanation).toBe(
      '月工资收入 5,000.01 元，适用 5000 元以上至 10000 元（含）档，按 1.5% 交纳：75.00 元（不足 1 分的部分四舍五入）',
    );
  });

  it('names the base of each category', () => {
    const names: [DuesCategory, string][] = [
      ['annual_salary', '当月实际领取的年薪收入'],
      ['self_employed', '上一季度月平均纯收入'],
      ['retiree', '月离退休费（养老金）'],
    ];
    for (const [category, name] of names) {
      const quote = quoteMonthlyDues({ category, baseFen: 100_000 });
      expect(quote.ok && quote.explanation.startsWith(`${name} 1,000.00 元`)).toBe(true);
    }
  });
});

describe('quoteMonthlyDues: retirees on their own scale', () => {
  it.each([
    [0, 0, 50],
    [100, 1, 50],
    [300_001, 1_500, 50], // no 3000 元 step for pensions: 1500.005 → 1500
    [499_999, 2_500, 50], // 2499.995 → 2500
    [500_000, 2_500, 50], // the rule's example: a 5000 元 pension pays 25 元, 0.5% of the whole
    [500_001, 5_000, 100], // 5000.01 → 5000
    [500_050, 5_001, 100], // 5000.5 exactly → 5001
    [1_000_000, 10_000, 100], // no 1.5% step for pensions
    [1_000_001, 10_000, 100],
  ])('pension %i fen → %i fen at %i bp', (baseFen, expected, bp) => {
    expect(quoteMonthlyDues({ category: 'retiree', baseFen })).toMatchObject({
      ok: true,
      amountFen: expected,
      rateBasisPoints: bp,
    });
  });

  it('explains the 25 元 example', () => {
    const quote = quoteMonthlyDues({ category: 'retiree', baseFen: 500_000 });
    expect(quote.ok && quote.explanation).toBe(
      '月离退休费（养老金） 5,000.00 元，适用 5000 元以下（含）档，按 0.5% 交纳：25.00 元',
    );
  });
});

describe('quoteMonthlyDues: the base is refused when it is not an amount of fen', () => {
  const scaled: DuesCategory[] = [...SALARY_SCALE, 'retiree'];
  it.each(
    scaled.flatMap((category) =>
      (
        [
          ['missing', undefined],
          ['negative', -1],
          ['a float', 1.5],
          ['NaN', Number.NaN],
          ['Infinity', Number.POSITIVE_INFINITY],
          ['above the ceiling', MAX_BASE_FEN + 1],
          ['huge', 1e15],
          ['beyond safe integers', 1e17],
          ['a string', '300000' as unknown as number],
        ] as [string, number | undefined][]
      ).map(([what, baseFen]) => [category, what, baseFen] as const),
    ),
  )('%s: %s', (category, _what, baseFen) => {
    const quote = quoteMonthlyDues({ category, baseFen });
    expect(quote.ok).toBe(false);
    if (!quote.ok) {
      expect(quote.field).toBe('baseFen');
      expect(quote.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('quoteMonthlyDues: farmers, students, unemployed, relief', () => {
  it.each([20, 21, 50, 99, 100])('farmer at a branch-set %i fen', (farmerAmountFen) => {
    expect(quoteMonthlyDues({ category: 'farmer', farmerAmountFen })).toMatchObject({
      ok: true,
      amountFen: farmerAmountFen,
    });
  });

  it.each([
    ['below 0.2 元', 19],
    ['above 1 元', 101],
    ['zero', 0],
    ['negative', -20],
    ['a float', 20.5],
    ['missing', undefined],
  ])('farmer amount %s is refused', (_what, farmerAmountFen) => {
    const quote = quoteMonthlyDues({ category: 'farmer', farmerAmountFen, baseFen: 300_000 });
    expect(quote).toMatchObject({ ok: false, field: 'farmerAmountFen' });
  });

  it('explains a farmer amount with its range', () => {
    const quote = quoteMonthlyDues({ category: 'farmer', farmerAmountFen: 50 });
    expect(quote.ok && quote.explanation).toBe(
      '农民党员按党支部确定的标准每月交纳党费 0.50 元（标准范围 0.20 元至 1.00 元）。',
    );
  });

  it.each(['student', 'unemployed', 'relief'] as const)('%s pays 0.2 元 whatever the base', (category) => {
    for (const baseFen of [undefined, 0, 1_000_000]) {
      const quote = quoteMonthlyDues({ category, baseFen });
      expect(quote).toMatchObject({ ok: true, amountFen: 20 });
      expect(quote.ok && quote.rateBasisPoints).toBeUndefined();
      expect(quote.ok && quote.explanation).toContain(DUES_CATEGORY_LABELS[category]);
    }
  });

  it('refuses an unknown category', () => {
    const quote = quoteMonthlyDues({ category: 'cadre' as DuesCategory, baseFen: 100 });
    expect(quote).toMatchObject({ ok: false, field: 'category' });
  });
});

describe('rate tables and the calculator agree with an independent reference', () => {
  it('tables ascend and end with an open bracket', () => {
    for (const table of [SALARY_BRACKETS, RETIREE_BRACKETS]) {
      const bounds = table.map((b) => b.upToFen);
      expect(bounds[bounds.length - 1]).toBeNull();
      const finite = bounds.filter((b): b is number => b !== null);
      expect([...finite].sort((a, b) => a - b)).toEqual(finite);
    }
    expect(DUES_CATEGORIES).toHaveLength(8);
  });

  // Reference written differently: explicit if-chain and quotient/remainder rounding with BigInt.
  function reference(category: DuesCategory, base: number): number {
    let bp: number;
    if (category === 'retiree') bp = base <= 500_000 ? 50 : 100;
    else if (base <= 300_000) bp = 50;
    else if (base <= 500_000) bp = 100;
    else if (base <= 1_000_000) bp = 150;
    else bp = 200;
    const product = BigInt(base) * BigInt(bp);
    const q = product / 10_000n;
    const r = product % 10_000n;
    return Number(r * 2n >= 10_000n ? q + 1n : q);
  }

  it('over a sweep of bases', () => {
    const mismatches: string[] = [];
    for (const category of [...SALARY_SCALE, 'retiree'] as DuesCategory[]) {
      for (let base = 0; base <= 1_200_000; base += 7) {
        if (amount(category, base) !== reference(category, base)) mismatches.push(`${category} ${base}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
