/**
 * Mainland China mobile numbers: the one form stored, hashed and masked, whatever the person typed.
 * Pure: no I/O.
 */

/** Result of checking a typed number: the 11 digits, or a Chinese reason fit to show next to the field. */
export type MobileResult = { ok: true; value: string } | { ok: false; reason: string };

/** Check a mobile number as typed (spaces, dashes, +86 / 0086 / 86 allowed) so one person is one value. */
export function parseMobile(raw: string): MobileResult {
  const compact = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (compact === '') return { ok: false, reason: '请输入手机号' };

  let digits = compact;
  const international = /^(?:\+|00)(\d+)$/.exec(compact);
  if (international) {
    if (!international[1]!.startsWith('86')) return { ok: false, reason: '仅支持中国大陆手机号' };
    digits = international[1]!.slice(2);
  } else if (/^86\d{11}$/.test(compact)) {
    digits = compact.slice(2);
  }

  if (!/^\d+$/.test(digits)) return { ok: false, reason: '手机号只能包含数字' };
  if (digits.length !== 11) return { ok: false, reason: '手机号应为11位' };
  if (!/^1[3-9]/.test(digits)) return { ok: false, reason: '手机号应以13至19开头，请核对' };
  return { ok: true, value: digits };
}
