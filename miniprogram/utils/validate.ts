/**
 * Checks of what a person types, for their convenience only: the server checks everything again.
 * They mirror the server's rules (server/domain/id-card.ts, phone.ts) so a form that passes here is
 * not refused there for the same field, and every message is Chinese, fit to show next to the field.
 */
import { shanghaiDay } from './shanghai-time';

/** A check's outcome: the cleaned value, or a message to show next to the field. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a valid 身份证号 tells about its holder. */
export interface IdCardFacts {
  /** 18 characters, the check character as uppercase X. */
  number: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: 'male' | 'female';
}

// Province-level codes of GB/T 2260 (71 台湾, 81 香港, 82 澳门) and 83 (台湾居民居住证), as on the server.
const PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
];

/** GB 11643-1999 (ISO 7064 MOD 11-2) weights of the first 17 digits. */
const WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder 0…10. */
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

function fail<T>(message: string): Checked<T> {
  return { ok: false, message };
}

/** The check character GB 11643 gives the first 17 digits (which must be digits). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i];
  return CHECK_CHARS.charAt(sum % 11);
}

/** As typed on a Chinese keyboard: full-width digits and Ｘ, spaces, lowercase x all accepted. */
export function normaliseIdCard(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

/** The calendar day in Asia/Shanghai, YYYY-MM-DD, as the server reckons it (from utils/shanghai-time). */
export { shanghaiDay };

/** YYYY-MM-DD naming a day that exists (rejects 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A 身份证号 as typed: 18 characters, a real region and birth date, the right check character.
 * On success, the birth date and gender it encodes (odd sequence digit = male).
 */
export function checkIdCard(raw: string, today: Date = new Date()): Checked<IdCardFacts> {
  const number = normaliseIdCard(raw);
  if (number === '') return fail('请填写身份证号');
  if (/^\d{15}$/.test(number)) return fail('不支持15位的老身份证号，请填写18位身份证号');
  if (number.length !== 18) return fail(`身份证号应为18位，现在是${number.length}位`);
  if (!/^\d{17}[\dX]$/.test(number)) return fail('身份证号前17位应为数字，最后一位是数字或X');
  if (number.startsWith('9')) return fail('这是外国人永久居留身份证号，请填写居民身份证号');
  if (!PROVINCE_CODES.includes(number.slice(0, 2))) return fail('身份证号开头的地区代码不对，请核对');

  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || Number(number.slice(6, 10)) < EARLIEST_BIRTH_YEAR) {
    return fail('身份证号里的出生日期不对，请核对');
  }
  if (birthDate > shanghaiDay(today)) return fail('身份证号里的出生日期晚于今天，请核对');
  if (idCardCheckChar(number) !== number.charAt(17)) return fail('身份证号有误（最后一位校验码对不上），请逐位核对');

  return {
    ok: true,
    value: { number, birthDate, gender: Number(number.charAt(16)) % 2 === 1 ? 'male' : 'female' },
  };
}

/** A mainland mobile number as typed (spaces, dashes, +86 allowed): the 11 digits. */
export function checkMobile(raw: string): Checked<string> {
  const compact = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (compact === '') return fail('请填写手机号');
  let digits = compact;
  const international = /^(?:\+|00)(\d+)$/.exec(compact);
  if (international) {
    if (!international[1].startsWith('86')) return fail('只能填写中国大陆的手机号');
    digits = international[1].slice(2);
  } else if (/^86\d{11}$/.test(compact)) {
    digits = compact.slice(2);
  }
  if (!/^\d+$/.test(digits)) return fail('手机号只能是数字');
  if (digits.length !== 11) return fail(`手机号应为11位，现在是${digits.length}位`);
  if (!/^1[3-9]/.test(digits)) return fail('手机号应以13到19开头，请核对');
  return { ok: true, value: digits };
}

/**
 * A required text field: trimmed, at least `min` and at most `max` characters.
 * `label` names the field in the message, e.g. '请填写姓名'.
 */
export function checkText(raw: string, label: string, min = 1, max = 100): Checked<string> {
  const value = raw.trim();
  if (value === '') return fail(`请填写${label}`);
  if (value.length < min) return fail(`${label}至少要写${min}个字`);
  if (value.length > max) return fail(`${label}最多${max}个字，现在是${value.length}个`);
  return { ok: true, value };
}

/** An optional text field: empty is fine, otherwise at most `max` characters. */
export function checkOptionalText(raw: string, label: string, max: number): Checked<string> {
  const value = raw.trim();
  if (value.length > max) return fail(`${label}最多${max}个字，现在是${value.length}个`);
  return { ok: true, value };
}

/** A choice the person has to make (picker, radio): '请选择…' when nothing is chosen. */
export function checkChosen<T extends string>(value: T | '' | null | undefined, label: string): Checked<T> {
  if (value === '' || value === null || value === undefined) return fail(`请选择${label}`);
  return { ok: true, value };
}
