import { ARREARS_FOLLOW_UP, arrearsBand, unpaidRunBefore, type ArrearsBand } from '../../../server/domain/dues';

describe('arrearsBand', () => {
  it.each([
    [0, 'none'],
    [1, '1'],
    [2, '1'],
    [3, '3'],
    [4, '3'],
    [5, '5'],
    [6, '6+'],
    [7, '6+'],
    [24, '6+'],
  ] as [number, ArrearsBand][])('%i months behind → %s', (n, band) => {
    expect(arrearsBand(n)).toBe(band);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p', (n) => {
    expect(() => arrearsBand(n)).toThrow(RangeError);
  });
});

describe('follow-up per band', () => {
  it.each([
    ['none', false, false, false],
    ['1', false, false, false],
    ['3', true, true, false],
    ['5', true, true, false],
    ['6+', true, true, true],
  ] as [ArrearsBand, boolean, boolean, boolean][])(
    '%s: member to-do %p, secretary to-do %p, review list %p',
    (band, memberTodo, secretaryTodo, review) => {
      const followUp = ARREARS_FOLLOW_UP[band];
      expect(followUp.memberTodo !== null).toBe(memberTodo);
      expect(followUp.secretaryTodo !== null).toBe(secretaryTodo);
      expect(followUp.reviewList).toBe(review);
    },
  );

  it('reminds the member from the first month behind', () => {
    expect(ARREARS_FOLLOW_UP.none.memberNotice).toBeNull();
    expect(ARREARS_FOLLOW_UP['1'].memberNotice).not.toBeNull();
    expect(ARREARS_FOLLOW_UP['5'].memberNotice).toContain('党章第九条');
  });
});

describe('unpaidRunBefore', () => {
  it.each([
    ['nothing unpaid', [], 0],
    ['only the current month', ['2026-03'], 0],
    ['last month', ['2026-02', '2026-03'], 1],
    ['five in a row across the year end', ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'], 5],
    ['six in a row', ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'], 6],
    ['a paid month breaks the run', ['2025-10', '2025-11', '2026-01', '2026-02'], 2],
    ['an older, longer run counts', ['2025-01', '2025-02', '2025-03', '2025-04', '2026-02'], 4],
    ['duplicates and order do not matter', ['2026-02', '2026-01', '2026-02'], 2],
    ['prepaid-looking future months are ignored', ['2026-04', '2026-05'], 0],
  ])('%s', (_name, unpaid, n) => {
    expect(unpaidRunBefore('2026-03', unpaid)).toBe(n);
  });

  it('throws on bad months', () => {
    expect(() => unpaidRunBefore('2026-3', [])).toThrow(RangeError);
    expect(() => unpaidRunBefore('2026-03', ['2026-13'])).toThrow(RangeError);
  });
});
