/** utils/validate.ts: the convenience checks the forms run before anything is sent. */
import {
  checkChosen,
  checkIdCard,
  checkMobile,
  checkOptionalText,
  checkText,
  idCardCheckChar,
  isCalendarDate,
  normaliseIdCard,
  shanghaiDay,
} from '../../miniprogram/utils/validate';

const TODAY = new Date('2026-11-27T04:00:00Z');

describe('GB 11643 check character', () => {
  // One prefix for each of the eleven possible check characters; the expected values were worked
  // out with the other textbook formula, (12 − Σ(aᵢ·2^(17−i) mod 11)) mod 11, 10 → X.
  test.each([
    ['11010519491231007', '0'],
    ['11010519491231001', '1'],
    ['11010519491231006', '2'],
    ['11010519491231000', '3'],
    ['11010519491231005', '4'],
    ['51010819920229007', '5'],
    ['11010519491231004', '6'],
    ['11010519491231009', '7'],
    ['11010519491231003', '8'],
    ['11010519491231008', '9'],
    ['11010519491231002', 'X'],
  ])('%s → %s', (first17, expected) => {
    expect(idCardCheckChar(first17)).toBe(expected);
  });
});

describe('checkIdCard', () => {
  test('a valid number gives its birth date and gender (odd 17th digit = male)', () => {
    expect(checkIdCard('350206198503124511', TODAY)).toEqual({
      ok: true,
      value: { number: '350206198503124511', birthDate: '1985-03-12', gender: 'male' },
    });
    expect(checkIdCard('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  test('accepts what a Chinese keyboard types: lowercase x, full-width digits, spaces', () => {
    expect(normaliseIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseIdCard('３５０２０６ １９８５０３１２ ４５１１')).toBe('350206198503124511');
    expect(checkIdCard('１１０１０５１９４９１２３１００２ｘ', TODAY)).toEqual(
      expect.objectContaining({ ok: true, value: expect.objectContaining({ number: '11010519491231002X' }) }),
    );
  });

  test.each([
    ['', '请填写身份证号'],
    ['350206850312451', '不支持15位的老身份证号，请填写18位身份证号'],
    ['35020619850312', '身份证号应为18位，现在是14位'],
    ['3502061985031245X1', '身份证号前17位应为数字，最后一位是数字或X'],
    ['910206198503124511', '这是外国人永久居留身份证号，请填写居民身份证号'],
    ['000206198503124511', '身份证号开头的地区代码不对，请核对'],
    ['350206198502304511', '身份证号里的出生日期不对，请核对'],
    ['350206189901014511', '身份证号里的出生日期不对，请核对'],
    ['350206202712014511', '身份证号里的出生日期晚于今天，请核对'],
    ['350206198503124510', '身份证号有误（最后一位校验码对不上），请逐位核对'],
  ])('%s is refused: %s', (raw, message) => {
    expect(checkIdCard(raw, TODAY)).toEqual({ ok: false, message });
  });

  test('29 February only in leap years', () => {
    expect(checkIdCard('510108199202290016', TODAY).ok).toBe(true);
    const first17 = '51010819930229001';
    expect(checkIdCard(first17 + idCardCheckChar(first17), TODAY)).toEqual({
      ok: false,
      message: '身份证号里的出生日期不对，请核对',
    });
  });
});

describe('checkMobile', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('%s is read as %s', (raw, digits) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: digits });
  });

  test.each([
    ['', '请填写手机号'],
    ['1381234567', '手机号应为11位，现在是10位'],
    ['1381234567a', '手机号只能是数字'],
    ['12812345678', '手机号应以13到19开头，请核对'],
    ['+85261234567', '只能填写中国大陆的手机号'],
  ])('%s is refused: %s', (raw, message) => {
    expect(checkMobile(raw)).toEqual({ ok: false, message });
  });
});

describe('text and choices', () => {
  test('required text is trimmed and held to its length', () => {
    expect(checkText('  李红梅 ', '姓名')).toEqual({ ok: true, value: '李红梅' });
    expect(checkText('   ', '姓名')).toEqual({ ok: false, message: '请填写姓名' });
    expect(checkText('打', '外出原因', 2, 200)).toEqual({ ok: false, message: '外出原因至少要写2个字' });
    expect(checkText('一二三四', '岗位', 1, 3)).toEqual({ ok: false, message: '岗位最多3个字，现在是4个' });
  });

  test('optional text may be empty but not too long', () => {
    expect(checkOptionalText('', '工作单位', 60)).toEqual({ ok: true, value: '' });
    expect(checkOptionalText('一二三四', '岗位', 3)).toEqual({ ok: false, message: '岗位最多3个字，现在是4个' });
  });

  test('a choice must be made', () => {
    expect(checkChosen('', '民族')).toEqual({ ok: false, message: '请选择民族' });
    expect(checkChosen('汉族', '民族')).toEqual({ ok: true, value: '汉族' });
  });
});

describe('dates', () => {
  test('the day is reckoned in Asia/Shanghai, as the server does', () => {
    expect(shanghaiDay(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(shanghaiDay(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  test('only days that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-04-31')).toBe(false);
    expect(isCalendarDate('2023-4-3')).toBe(false);
  });
});
