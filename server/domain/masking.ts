/**
 * Masked copies of personal data, stored beside the ciphertext and shown in place of the value.
 * Pure: no I/O. A masked copy is stored in the clear, so it must not give back what encryption hides.
 */

/**
 * 身份证号 as `3****************4`: the first and the last character only (the style of Chinese payment
 * and real-name screens). Showing more would undo the encryption: the app itself holds the member's home
 * region and birth date, which are digits 1–14, so the sequence digits 15–17 are the only secret part left,
 * and masks such as `350203********1234` or `350***********1234` show exactly those.
 */
export function maskIdCard(idCard: string): string {
  return maskMiddle(idCard, 1, 1);
}

/** Mobile as `138****5678`: the carrier prefix and last four digits, the form every Chinese app shows. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/**
 * Name as `张**` / `张*`: the surname only, one `*` per hidden character and `·` kept (`买**·**`); a lone
 * character is masked too.
 * Chosen over `张*丰`, which shows two of three characters; for two-character names both agree.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 1) return '*';
  return chars.map((c, i) => (i === 0 || c === '·' ? c : '*')).join('');
}

/** Keep `keepStart` leading and `keepEnd` trailing characters; values too short to hide anything are all masked. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value.trim());
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}
