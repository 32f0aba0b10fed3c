/**
 * 居民身份证号 (GB 11643-1999 公民身份号码): the rules a registration form must apply before the
 * number is sealed (server/platform/sensitive.ts). Pure: no I/O, the current day is passed in.
 *
 * Layout of the 18 characters: 6-digit address code (GB/T 2260), 8-digit birth date YYYYMMDD,
 * 3-digit sequence (odd = male, even = female), 1 check character (ISO 7064 MOD 11-2: 0–9 or X).
 */

import { shanghaiDay } from './shanghai-day';

/** A checked number and what it says about its holder. */
export interface IdCard {
  /** 18 characters, the check character as uppercase X. */
  number: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: 'male' | 'female';
  /** The 6-digit address code where the number was first issued. */
  regionCode: string;
}

/** Result of checking what a person typed: the reason is Chinese and fit to show next to the field. */
export type IdCardResult = { ok: true; value: IdCard } | { ok: false; reason: string };

// Province-level codes of GB/T 2260 (71 台湾, 81 香港, 82 澳门), plus 83, the code the Ministry of Public
// Security gives 台湾居民居住证 (81/82 are likewise used by 港澳居民居住证). Not 91: the "91 国外" found in many
// validators is folklore, not GB/T 2260; a leading 9 is the 2023 外国人永久居留身份证, and party members are
// citizens, so it gets its own message below.
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character GB 11643 assigns to the first 17 digits (which must be digits). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Form input as a person types it: full-width digits and Ｘ (Chinese IME), spaces around, lowercase x. */
export function normaliseIdCardInput(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/** Check a 身份证号 as typed, so a wrong one is refused with a reason the person can act on. */
export function parseIdCard(raw: string, today: Date = new Date()): IdCardResult {
  const number = normaliseIdCardInput(raw);
  if (number === '') return fail('请输入身份证号');
  if (/^\d{15}$/.test(number)) return fail('不支持15位旧身份证号，请填写18位身份证号');
  if (number.length !== 18) return fail('身份证号应为18位');
  if (!/^\d{17}[\dX]$/.test(number)) return fail('身份证号前17位应为数字，最后一位为数字或X');
  if (number.startsWith('9')) return fail('这是外国人永久居留身份证号，请填写居民身份证号');
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return fail('身份证号地区代码无效，请核对');

  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || Number(number.slice(6, 10)) < EARLIEST_BIRTH_YEAR) return fail('出生日期无效');
  if (birthDate > shanghaiDay(today)) return fail('出生日期不能晚于今天');

  if (idCardCheckChar(number) !== number[17]) return fail('校验位不正确，请核对');

  return {
    ok: true,
    value: {
      number,
      birthDate,
      gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: number.slice(0, 6),
    },
  };
}

/**
 * Age in whole years (周岁) on a day, for age rules and statistics. A day given as a Date is read in
 * Asia/Shanghai. Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const day = typeof on === 'string' ? on : shanghaiDay(on);
  if (!isCalendarDate(birthDate) || !isCalendarDate(day)) throw new RangeError('ageOn: dates must be YYYY-MM-DD');
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function fail(reason: string): IdCardResult {
  return { ok: false, reason };
}

/** YYYY-MM-DD naming a day that exists (rejects 1900-02-29, 2023-04-31). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
