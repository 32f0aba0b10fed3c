import { maskIdCard, maskMiddle, maskName, maskPhone } from '../../server/domain/masking';

describe('maskIdCard: first and last character only', () => {
  it.each([
    ['350203199001011248', '3****************8'],
    ['11010519491231002X', '1****************X'],
  ])('%s → %s', (input, masked) => {
    expect(maskIdCard(input)).toBe(masked);
  });

  it('hides the birth date and sequence digits, which with the home region are the whole number', () => {
    const masked = maskIdCard('350203199001011248');
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19900101');
    expect(masked).not.toContain('124');
    expect(masked.slice(1, 17)).toBe('*'.repeat(16));
  });
});

describe('maskPhone: carrier prefix and last four', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['19900001111', '199****1111'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskName: surname only', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['买买提·艾力', '买**·**'],
    [' 李四 ', '李*'],
    ['𠮷野家', '𠮷**'],
    ['王', '*'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe('maskMiddle', () => {
  it.each([
    ['abcdefgh', 2, 3, 'ab***fgh'],
    ['abcde', 2, 3, '*****'],
    ['abcdef', 2, 3, 'ab*def'],
    ['abc', 0, 0, '***'],
  ])('%s keeping %i + %i → %s', (input, start, end, masked) => {
    expect(maskMiddle(input, start, end)).toBe(masked);
  });
});
