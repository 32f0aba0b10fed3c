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

/**
 * A contact number as typed: a mobile (stored as its 11 digits) or a landline with its area code
 * ('0797-8123456'), the form a home county's organisation department gives out.
 */
export function parseContactPhone(raw: string): MobileResult {
  const mobile = parseMobile(raw);
  if (mobile.ok) return mobile;
  const compact = raw.normalize('NFKC').replace(/\s/g, '');
  if (compact === '') return { ok: false, reason: '请输入联系电话' };
  const landline = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(compact);
  if (!landline) return { ok: false, reason: '请填写手机号，或带区号的固定电话（如 0797-8123456）' };
  return { ok: true, value: `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}` };
}
