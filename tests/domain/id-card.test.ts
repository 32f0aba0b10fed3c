import { ageOn, idCardCheckChar, parseIdCard } from '../../server/domain/id-card';

// 2024-06-02 00:30 in Asia/Shanghai, still 1 June in UTC: "today" is the Chinese calendar day.
const TODAY = new Date('2024-06-01T16:30:00Z');

// Check characters below were computed by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 →
// 1 0 X 9 8 7 6 5 4 3 2) and cross-checked with an independent script, not with the code under test.
// E.g. 11010519491231002X (the example of GB 11643 itself): 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167,
// 167 mod 11 = 2 → X.

describe('parseIdCard: accepted numbers', () => {
  it.each([
    ['the GB 11643 example', '11010519491231002X', '11010519491231002X', '1949-12-31', 'female', '110105'],
    ['lowercase x', '11010519491231002x', '11010519491231002X', '1949-12-31', 'female', '110105'],
    ['Xiamen', '350203199001011248', '350203199001011248', '1990-01-01', 'female', '350203'],
    ['Shenzhen, female', '440306198711110226', '440306198711110226', '1987-11-11', 'female', '440306'],
    ['Harbin', '230102196505050037', '230102196505050037', '1965-05-05', 'male', '230102'],
    ['Urumqi', '650102199511207717', '650102199511207717', '1995-11-20', 'male', '650102'],
    ['check character 0', '710000198001010010', '710000198001010010', '1980-01-01', 'male', '710000'],
    ['港澳居民居住证 (81)', '810000198808080021', '810000198808080021', '1988-08-08', 'female', '810000'],
    ['台湾居民居住证 (83)', '830000197506150038', '830000197506150038', '1975-06-15', 'male', '830000'],
    [
      '29 February 2000 (divisible by 400)',
      '350203200002290029',
      '350203200002290029',
      '2000-02-29',
      'female',
      '350203',
    ],
    ['29 February 1996', '350203199602290019', '350203199602290019', '1996-02-29', 'male', '350203'],
    ['1 January 1900, the earliest', '120101190001010008', '120101190001010008', '1900-01-01', 'female', '120101'],
    [
      'born today in Shanghai (UTC still yesterday)',
      '350203202406020016',
      '350203202406020016',
      '2024-06-02',
      'male',
      '350203',
    ],
  ])('%s: %s', (_name, input, number, birthDate, gender, regionCode) => {
    expect(parseIdCard(input, TODAY)).toEqual({ ok: true, value: { number, birthDate, gender, regionCode } });
  });

  it.each([
    ['surrounding spaces', '  11010519491231002X \t'],
    ['full-width digits from a Chinese IME', '１１０１０５１９４９１２３１００２Ｘ'],
  ])('normalises %s', (_name, input) => {
    const result = parseIdCard(input, TODAY);
    expect(result.ok && result.value.number).toBe('11010519491231002X');
  });
});

describe('parseIdCard: refused numbers, with the reason shown to the person', () => {
  it.each([
    ['empty', '', '请输入身份证号'],
    ['only spaces', '   ', '请输入身份证号'],
    ['15-digit first-generation number', '350203900101123', '不支持15位旧身份证号，请填写18位身份证号'],
    ['17 characters', '35020319900101124', '身份证号应为18位'],
    ['19 characters', '3502031990010112480', '身份证号应为18位'],
    ['letter other than X at the end', '35020319900101124Y', '身份证号前17位应为数字，最后一位为数字或X'],
    ['X not at the end', '3502031990010112X8', '身份证号前17位应为数字，最后一位为数字或X'],
    ['spaces inside', '350203 99001011248', '身份证号前17位应为数字，最后一位为数字或X'],
    ['外国人永久居留身份证 (leading 9)', '911100199001010019', '这是外国人永久居留身份证号，请填写居民身份证号'],
    ['region 01', '010102199001010018', '身份证号地区代码无效，请核对'],
    ['region 10', '10010219900101001X', '身份证号地区代码无效，请核对'],
    ['region 16', '160102199001010010', '身份证号地区代码无效，请核对'],
    ['region 39', '390102199001010013', '身份证号地区代码无效，请核对'],
    ['region 47', '470102199001010013', '身份证号地区代码无效，请核对'],
    ['region 72', '720102199001010015', '身份证号地区代码无效，请核对'],
    ['region 84', '840102199001010012', '身份证号地区代码无效，请核对'],
    ['30 February', '350203199002300017', '出生日期无效'],
    ['month 13', '350203199013010015', '出生日期无效'],
    ['day 00', '350203199001000012', '出生日期无效'],
    ['29 February 1900 (century, not a leap year)', '350203190002290014', '出生日期无效'],
    ['29 February 2023', '350203202302290011', '出生日期无效'],
    ['born 1899', '350203189912310012', '出生日期无效'],
    ['GB 11643 example born 1880', '440524188001010014', '出生日期无效'],
    ['born tomorrow (Shanghai)', '350203202406030011', '出生日期不能晚于今天'],
    ['wrong check digit', '350203199001011234', '校验位不正确，请核对'],
    ['digit instead of X', '110105194912310020', '校验位不正确，请核对'],
    ['X instead of digit', '35020319900101124X', '校验位不正确，请核对'],
  ])('%s', (_name, input, reason) => {
    expect(parseIdCard(input, TODAY)).toEqual({ ok: false, reason });
  });

  it('catches every single mistyped digit of a valid number', () => {
    const valid = '350203199001011248';
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === valid[i] || (c === 'X' && i < 17)) continue;
        const typo = valid.slice(0, i) + c + valid.slice(i + 1);
        expect([typo, parseIdCard(typo, TODAY).ok]).toEqual([typo, false]);
      }
    }
  });

  it('uses the current day when none is given', () => {
    expect(parseIdCard('35020320990101001X')).toEqual({ ok: false, reason: '出生日期不能晚于今天' });
    expect(parseIdCard('11010519491231002X').ok).toBe(true);
  });
});

describe('idCardCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['71000019800101001', '0'],
    ['35020319900101124', '8'],
  ])('%s → %s', (first17, expected) => {
    expect(idCardCheckChar(first17)).toBe(expected);
  });
});

describe('ageOn: whole years (周岁)', () => {
  it.each([
    ['1990-01-01', '2024-01-01', 34],
    ['1990-01-01', '2023-12-31', 33],
    ['1990-06-15', '2024-06-14', 33],
    ['1990-06-15', '2024-06-15', 34],
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['2024-06-02', '2024-06-02', 0],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('reads a Date as the Shanghai calendar day', () => {
    // 2024-06-14T16:00Z is already 15 June in Shanghai: the birthday.
    expect(ageOn('1990-06-15', new Date('2024-06-14T15:59:59Z'))).toBe(33);
    expect(ageOn('1990-06-15', new Date('2024-06-14T16:00:00Z'))).toBe(34);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => ageOn('1990-02-30', '2024-01-01')).toThrow(RangeError);
    expect(() => ageOn('19900101', '2024-01-01')).toThrow(RangeError);
  });
});
