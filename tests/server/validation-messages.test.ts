/**
 * Validation messages are the project's own Chinese (server/platform/validation.ts): a person
 * never reads zod's "期望 string >=1 字符". Each row is a schema, a bad input and what is said.
 */
import { labelled, parseInput, z } from '../../server/platform/validation';

function messageOf(schema: z.ZodType, input: unknown): string {
  try {
    parseInput(schema, input);
  } catch (err) {
    return (err as { message: string }).message;
  }
  throw new Error('input was accepted');
}

const name = z.object({ name: labelled(z.string().min(1).max(10), '姓名') });
const count = z.object({ capacity: labelled(z.number().int().min(1).max(500), '名额') });
const list = z.object({ photos: labelled(z.array(z.string()).min(1).max(3), '照片') });

test.each([
  ['a missing field', name, {}, '姓名：必须填写'],
  ['an empty text', name, { name: '' }, '姓名：不能为空'],
  ['a text too long', name, { name: '一二三四五六七八九十一' }, '姓名：不能超过 10 个字'],
  ['a number for a text', name, { name: 12 }, '姓名：应填文字'],
  ['a text for a number', count, { capacity: '三十' }, '名额：应填数字'],
  ['a number too small', count, { capacity: 0 }, '名额：不能小于 1'],
  ['a number too big', count, { capacity: 501 }, '名额：不能大于 500'],
  ['a fraction for a whole number', count, { capacity: 2.5 }, '名额：应填整数'],
  ['an empty list', list, { photos: [] }, '照片：至少选一项'],
  ['a list too long', list, { photos: ['a', 'b', 'c', 'd'] }, '照片：最多选 3 项'],
  [
    'a value not on offer',
    z.object({ kind: labelled(z.enum(['a', 'b']), '类型') }),
    { kind: 'c' },
    '类型：不是可选的值',
  ],
  [
    'a malformed text',
    z.object({ url: labelled(z.url(), '网址') }),
    { url: 'not a url' },
    '网址：格式不对，请检查后重新输入',
  ],
])('%s', (_what, schema, input, expected) => {
  const message = messageOf(schema, input);
  expect(message).toBe(expected);
  expect(message).not.toMatch(/期望|字符|string|number|>=|<=/);
});

test("a schema's own message still wins over the project's default", () => {
  const phone = z.object({ phone: labelled(z.string().regex(/^1\d{10}$/, '请输入11位手机号'), '手机号') });
  expect(messageOf(phone, { phone: '123' })).toBe('手机号：请输入11位手机号');
});
