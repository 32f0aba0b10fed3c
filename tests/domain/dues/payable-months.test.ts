import {
  monthRange,
  payableMonths,
  type PayableMonthsInput,
  type PayableMonthsRefusalCode,
} from '../../../server/domain/dues';

const base = (over: Partial<PayableMonthsInput>): PayableMonthsInput => ({
  currentMonth: '2026-03',
  unpaidMonths: [],
  requested: [],
  ...over,
});

type Ok = [string, PayableMonthsInput, string[]];
type Refused = [string, PayableMonthsInput, PayableMonthsRefusalCode, string[]];

// Current month 2026-03: arrears window 2025-09 … 2026-02, prepayment up to 2026-09.
const accepted: Ok[] = [
  ['the current month', base({ unpaidMonths: ['2026-03'], requested: ['2026-03'] }), ['2026-03']],
  [
    'all arrears back to exactly 6 months, with the current month',
    base({ unpaidMonths: monthRange('2025-09', '2026-03'), requested: monthRange('2025-09', '2026-03') }),
    monthRange('2025-09', '2026-03'),
  ],
  [
    'the oldest arrear alone, exactly 6 months back',
    base({ unpaidMonths: ['2025-09', '2025-10'], requested: ['2025-09'] }),
    ['2025-09'],
  ],
  [
    'partial arrears, oldest first',
    base({ unpaidMonths: ['2026-01', '2026-02', '2026-03'], requested: ['2026-01'] }),
    ['2026-01'],
  ],
  [
    'prepayment of exactly 6 months',
    base({ requested: monthRange('2026-04', '2026-09') }),
    monthRange('2026-04', '2026-09'),
  ],
  [
    'prepayment after earlier prepaid months',
    base({ paidMonths: ['2026-04', '2026-05'], requested: ['2026-06'] }),
    ['2026-06'],
  ],
  [
    'arrears, current and prepayment together, given in any order',
    base({ unpaidMonths: ['2026-02', '2026-03'], requested: ['2026-04', '2026-02', '2026-03'] }),
    ['2026-02', '2026-03', '2026-04'],
  ],
  [
    'a probationary member from the month of admission',
    base({
      admittedMonth: '2026-02',
      unpaidMonths: ['2026-02', '2026-03'],
      requested: ['2026-02', '2026-03', '2026-04'],
    }),
    ['2026-02', '2026-03', '2026-04'],
  ],
  [
    'arrears listed before admission are not required',
    base({ admittedMonth: '2026-02', unpaidMonths: ['2026-01', '2026-02'], requested: ['2026-02'] }),
    ['2026-02'],
  ],
  [
    'across a year end: 6 back and 6 ahead of January',
    base({
      currentMonth: '2026-01',
      unpaidMonths: monthRange('2025-07', '2026-01'),
      requested: monthRange('2025-07', '2026-07'),
    }),
    monthRange('2025-07', '2026-07'),
  ],
  [
    'from December, prepayment runs into the next year',
    base({ currentMonth: '2025-12', requested: monthRange('2026-01', '2026-06') }),
    monthRange('2026-01', '2026-06'),
  ],
];

const refused: Refused[] = [
  ['nothing chosen', base({}), 'empty', []],
  ['a malformed month', base({ requested: ['2026-3'] }), 'invalid_month', ['2026-3']],
  ['month 13', base({ requested: ['2026-13'] }), 'invalid_month', ['2026-13']],
  [
    'a month chosen twice',
    base({ unpaidMonths: ['2026-03'], requested: ['2026-03', '2026-04', '2026-03'] }),
    'duplicate',
    ['2026-03'],
  ],
  [
    'arrears 7 months back',
    base({ unpaidMonths: monthRange('2025-08', '2026-03'), requested: monthRange('2025-08', '2026-03') }),
    'too_old',
    ['2025-08'],
  ],
  ['prepayment 7 months ahead', base({ requested: monthRange('2026-04', '2026-10') }), 'too_far_ahead', ['2026-10']],
  [
    'across a year end: 7 back of January',
    base({ currentMonth: '2026-01', unpaidMonths: ['2025-06'], requested: ['2025-06'] }),
    'too_old',
    ['2025-06'],
  ],
  [
    'across a year end: 7 ahead of January',
    base({ currentMonth: '2026-01', requested: monthRange('2026-02', '2026-08') }),
    'too_far_ahead',
    ['2026-08'],
  ],
  [
    'a month before admission',
    base({ admittedMonth: '2026-01', unpaidMonths: ['2025-12', '2026-01'], requested: ['2025-12', '2026-01'] }),
    'before_admission',
    ['2025-12'],
  ],
  [
    'a past month already paid',
    base({ unpaidMonths: ['2026-03'], requested: ['2026-01', '2026-03'] }),
    'not_owed',
    ['2026-01'],
  ],
  ['a prepaid month again', base({ paidMonths: ['2026-04'], requested: ['2026-04'] }), 'already_paid', ['2026-04']],
  [
    'skipping the oldest arrear',
    base({ unpaidMonths: ['2026-01', '2026-02', '2026-03'], requested: ['2026-02', '2026-03'] }),
    'gap',
    ['2026-01'],
  ],
  [
    'the current month while arrears remain',
    base({ unpaidMonths: ['2025-11', '2026-03'], requested: ['2026-03'] }),
    'gap',
    ['2025-11'],
  ],
  [
    'prepayment while the current month is unpaid',
    base({ unpaidMonths: ['2026-03'], requested: ['2026-04'] }),
    'gap',
    ['2026-03'],
  ],
  ['non-contiguous prepayment', base({ requested: ['2026-04', '2026-06'] }), 'gap', ['2026-05']],
];

describe('payableMonths', () => {
  it.each(accepted)('accepts %s', (_name, input, months) => {
    const result = payableMonths(input);
    expect(result).toMatchObject({ ok: true, months });
  });

  it.each(refused)('refuses %s', (_name, input, code, months) => {
    const result = payableMonths(input);
    expect(result).toMatchObject({ ok: false, code, months });
    expect(!result.ok && result.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains the 6-month arrears limit and sends older arrears to the branch', () => {
    const result = payableMonths(base({ unpaidMonths: ['2025-08'], requested: ['2025-08'] }));
    expect(!result.ok && result.reason).toBe(
      '2025-08 距本月（2026-03）已超过 6 个月。补交党费最多补交 6 个月，最早可补交 2025-09；更早的欠交请联系所在党支部说明情况并处理。',
    );
  });

  it('explains the 6-month prepayment limit', () => {
    const result = payableMonths(base({ requested: monthRange('2026-04', '2026-11') }));
    expect(result).toMatchObject({ ok: false, months: ['2026-10', '2026-11'] });
    expect(!result.ok && result.reason).toBe(
      '2026-10、2026-11 超出预交范围。预交党费最多预交 6 个月，最晚可预交至 2026-09。',
    );
  });

  it('splits arrears and prepayment, and reports arrears too old to pay here', () => {
    const result = payableMonths(
      base({
        unpaidMonths: ['2025-07', '2025-08', '2026-02', '2026-03'],
        requested: ['2026-02', '2026-03', '2026-04'],
      }),
    );
    expect(result).toEqual({
      ok: true,
      months: ['2026-02', '2026-03', '2026-04'],
      arrears: ['2026-02'],
      prepaid: ['2026-04'],
      olderArrears: ['2025-07', '2025-08'],
    });
  });

  it.each([
    ['currentMonth', base({ currentMonth: '2026-3', requested: ['2026-03'] })],
    ['unpaidMonths', base({ unpaidMonths: ['x'], requested: ['2026-03'] })],
    ['paidMonths', base({ paidMonths: ['2026-00'], requested: ['2026-03'] })],
    ['admittedMonth', base({ admittedMonth: '2026', requested: ['2026-03'] })],
  ])('throws on bad server data: %s', (_name, input) => {
    expect(() => payableMonths(input)).toThrow(RangeError);
  });
});
