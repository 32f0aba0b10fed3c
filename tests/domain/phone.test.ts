import { parseMobile } from '../../server/domain/phone';

describe('parseMobile: accepted numbers, stored as 11 digits', () => {
  it.each([
    ['plain', '13812345678'],
    ['surrounding spaces', ' 13812345678 '],
    ['grouped with spaces', '138 1234 5678'],
    ['grouped with dashes', '138-1234-5678'],
    ['+86 prefix', '+8613812345678'],
    ['+86 with a space', '+86 138 1234 5678'],
    ['86 prefix', '8613812345678'],
    ['0086 prefix', '0086-138-1234-5678'],
    ['full-width digits', '１３８１２３４５６７８'],
  ])('%s: %s', (_name, input) => {
    expect(parseMobile(input)).toEqual({ ok: true, value: '13812345678' });
  });

  it.each(['13000000000', '14512345678', '15912345678', '16612345678', '17712345678', '18812345678', '19912345678'])(
    'every 1[3-9] prefix: %s',
    (input) => {
      expect(parseMobile(input)).toEqual({ ok: true, value: input });
    },
  );
});

describe('parseMobile: refused numbers, with the reason shown to the person', () => {
  it.each([
    ['empty', '', '请输入手机号'],
    ['only spaces', '  ', '请输入手机号'],
    ['Hong Kong number', '+852 6123 4567', '仅支持中国大陆手机号'],
    ['US number', '+1 202 555 0100', '仅支持中国大陆手机号'],
    ['letters', '1381234567a', '手机号只能包含数字'],
    ['parentheses', '(0592)1234567', '手机号只能包含数字'],
    ['10 digits', '1381234567', '手机号应为11位'],
    ['12 digits', '138123456789', '手机号应为11位'],
    ['landline with area code', '05921234567', '手机号应以13至19开头，请核对'],
    ['12 prefix', '12812345678', '手机号应以13至19开头，请核对'],
    ['10 prefix', '10812345678', '手机号应以13至19开头，请核对'],
    ['+86 then a landline', '+86 0592 1234567', '手机号应以13至19开头，请核对'],
    ['+86 then too short', '+86 138 1234 567', '手机号应为11位'],
  ])('%s: %s', (_name, input, reason) => {
    expect(parseMobile(input)).toEqual({ ok: false, reason });
  });
});
