import { applyRate, formatFen, formatRate } from '../../../server/domain/dues';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [20, '0.20'],
    [100, '1.00'],
    [123_456, '1,234.56'],
    [100_000, '1,000.00'],
    [100_000_000, '1,000,000.00'],
    [-150, '-1.50'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });
});

describe('formatRate', () => {
  it.each([
    [50, '0.5%'],
    [100, '1%'],
    [150, '1.5%'],
    [200, '2%'],
    [5, '0.05%'],
  ])('%i bp → %s', (bp, text) => {
    expect(formatRate(bp)).toBe(text);
  });
});

describe('applyRate rounds half-up to the fen', () => {
  it.each([
    [100, 50, 1], // 0.5 → 1
    [99, 50, 0], // 0.495 → 0
    [10_001, 50, 50], // 50.005 → 50
    [150, 100, 2], // 1.5 → 2
    [149, 100, 1], // 1.49 → 1
  ])('%i × %i bp → %i', (base, bp, expected) => {
    expect(applyRate(base, bp)).toBe(expected);
  });
});
