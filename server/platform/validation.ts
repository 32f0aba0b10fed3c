import { z } from 'zod';
import { isDay } from '../domain/shanghai-day';
import { invalidArgument } from './errors';

/**
 * What a person reads when a field is wrong, in the project's words (never zod's "期望 string
 * >=1 字符"). A message a schema gives itself still wins; each field's label comes from
 * `.meta({ label })` and is put in front by parseInput.
 */
const KIND_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '一组选项',
  object: '一组信息',
};

export function fieldMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必须填写';
      return `应填${KIND_WORDS[issue.expected] ?? '正确的内容'}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? '至少选一项' : `至少选 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多选 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_format':
      return '格式不对，请检查后重新输入';
    case 'not_multiple_of':
      return `应是 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_value':
      return '不是可选的值';
    case 'unrecognized_keys':
      return `不认识的字段 ${issue.keys.join('、')}`;
    default:
      return '填写的内容不对，请检查后重新输入';
  }
}

z.config({ customError: fieldMessage });

/** A real calendar day written 'YYYY-MM-DD'. */
export const daySchema = (label: string) =>
  labelled(z.string().refine(isDay, '格式应为 年-月-日，且须是真实的日期'), label);

/** Attach the Chinese name of a field, used to say which input is wrong. */
export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  return schema.meta({ label }) as T;
}

type SchemaDef = { type?: string; innerType?: unknown; shape?: Record<string, unknown>; element?: unknown };
const defOf = (schema: unknown) => (schema as { def?: SchemaDef } | undefined)?.def;

/** The label on a schema or on any wrapper around it (optional, nullable, default…). */
function ownLabel(schema: unknown): string | undefined {
  for (let s = schema, i = 0; s && i < 8; s = defOf(s)?.innerType, i++) {
    const meta = z.globalRegistry.get(s as z.ZodType) as { label?: string } | undefined;
    if (meta?.label) return meta.label;
  }
  return undefined;
}

/** The schema of a child (object key or array element), looking through wrappers. */
function childSchema(schema: unknown, key: PropertyKey): unknown {
  for (let s = schema, i = 0; s && i < 8; s = defOf(s)?.innerType, i++) {
    const def = defOf(s);
    if (def?.type === 'object' && def.shape) return def.shape[String(key)];
    if (def?.type === 'array') return def.element;
  }
  return undefined;
}

/** The label of the innermost labelled schema along the path. */
function labelOf(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let current: unknown = schema;
  let label: string | undefined;
  for (const key of path) {
    current = childSchema(current, key);
    if (!current) break;
    label = ownLabel(current) ?? label;
  }
  return label;
}

/**
 * Characters no person types into a form: C0/C1 controls (tab and line breaks excepted) and the
 * bidi overrides and isolates that make a name read differently from what is stored (U+202E…).
 */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/;

/** The path of the first string in the input that carries such a character, or null. */
function unsafeTextPath(value: unknown, path: PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : null;
  if (depth > 16 || typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = unsafeTextPath(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Validate a function's input before anything is read or written. The first problem becomes
 * `INVALID_ARGUMENT` with a Chinese message naming the field (`field` holds its dot path).
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const unsafe = unsafeTextPath(input);
  if (unsafe) {
    const path = unsafe.map(String).join('.');
    const label = labelOf(schema, unsafe) ?? path;
    throw invalidArgument(`${label}：含有不可见的控制字符，请删除后重新输入`, path || undefined);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const label = labelOf(schema, issue.path) ?? path;
  const message = label ? `${label}：${issue.message}` : issue.message;
  throw invalidArgument(message, path || undefined);
}

export { z };
