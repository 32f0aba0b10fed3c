import { applyRelief, checkRelief, type DuesRelief } from '../../../server/domain/dues';

const waive: DuesRelief = {
  kind: 'waive',
  fromMonth: '2026-03',
  toMonth: '2026-08',
  reason: '重病住院，无固定收入',
  decidedBy: 'secretary-1',
  approvedBy: 'street-committee-1',
};
const reduce: DuesRelief = { ...waive, kind: 'reduce', reducedAmountFen: 500, toMonth: undefined };

describe('checkRelief', () => {
  it('accepts complete decisions', () => {
    expect(checkRelief(waive)).toEqual({ ok: true });
    expect(checkRelief(reduce)).toEqual({ ok: true });
  });

  it.each([
    ['reason', { ...waive, reason: '  ' }],
    ['decidedBy', { ...waive, decidedBy: '' }],
    ['approvedBy', { ...waive, approvedBy: '' }],
    ['fromMonth', { ...waive, fromMonth: '2026-3' }],
    ['toMonth', { ...waive, toMonth: '2026-02' }],
    ['reducedAmountFen', { ...reduce, reducedAmountFen: undefined }],
    ['reducedAmountFen', { ...reduce, reducedAmountFen: -1 }],
    ['kind', { ...waive, kind: 'forgive' as DuesRelief['kind'] }],
  ] as [keyof DuesRelief, DuesRelief][])('refuses a decision without a valid %s', (field, relief) => {
    expect(checkRelief(relief)).toMatchObject({ ok: false, field });
  });
});

describe('applyRelief', () => {
  it.each([
    ['before the waiver', '2026-02', [waive], 1_500, null],
    ['first waived month', '2026-03', [waive], 0, 'waive'],
    ['last waived month', '2026-08', [waive], 0, 'waive'],
    ['after the waiver', '2026-09', [waive], 1_500, null],
    ['open-ended reduction', '2030-01', [reduce], 500, 'reduce'],
    [
      'a later decision wins where they overlap',
      '2026-05',
      [waive, { ...reduce, fromMonth: '2026-05' }],
      500,
      'reduce',
    ],
    ['an older decision does not override', '2026-05', [{ ...reduce, fromMonth: '2026-01' }, waive], 0, 'waive'],
    ['a reduction never raises the amount', '2026-05', [{ ...reduce, reducedAmountFen: 9_999 }], 1_500, 'reduce'],
  ] as [string, string, DuesRelief[], number, string | null][])('%s', (_name, month, reliefs, amountFen, kind) => {
    const result = applyRelief(month, 1_500, reliefs);
    expect(result.amountFen).toBe(amountFen);
    expect(result.standardFen).toBe(1_500);
    expect(result.relief?.kind ?? null).toBe(kind);
    expect(result.explanation === '').toBe(kind === null);
  });

  it('explains a reduction', () => {
    expect(applyRelief('2026-05', 1_500, [reduce]).explanation).toBe(
      '经批准减交党费，由 15.00 元减为 5.00 元（原因：重病住院，无固定收入）。',
    );
  });

  it('throws on an invalid stored decision', () => {
    expect(() => applyRelief('2026-05', 1_500, [{ ...waive, approvedBy: '' }])).toThrow(RangeError);
  });
});
