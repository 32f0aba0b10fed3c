/** Money helpers: integer fen only, so no float ever reaches an amount. */

/** Formats integer fen as 元 with thousands separators ('1,234.56'), without floating point. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen: not an integer number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats a rate in basis points as a percentage ('0.5%', '1%', '1.5%'), for explanations. */
export function formatRate(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/**
 * base × rate in fen, rounded half-up to the fen with integer arithmetic only:
 * floor((base × bp + 5000) / 10000). The 2008 rules name no rounding rule; half-up is the domain rule.
 */
export function applyRate(baseFen: number, basisPoints: number): number {
  const scaled = baseFen * basisPoints + 5000;
  if (!Number.isSafeInteger(scaled) || scaled < 0) throw new RangeError('applyRate: out of safe integer range');
  return (scaled - (scaled % 10000)) / 10000;
}
