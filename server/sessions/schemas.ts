/** Input schemas of the sessions function, with the Chinese name of every field. */
import { z } from 'zod';
import { SESSION_KINDS } from '../domain/sessions';
import { memberIdSchema, orgIdSchema } from '../members/schemas';
import { cursorSchema } from '../platform/keyset';
import { labelled } from '../platform/validation';

const text = (label: string, max: number, min = 1) => labelled(z.string().trim().min(min).max(max), label);
const optionalText = (label: string, max: number) => labelled(z.string().trim().max(max), label).optional();

export const sessionIdSchema = labelled(
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, '格式不对'),
  '活动编号',
);
export { memberIdSchema };

const httpsUrl = (label: string) =>
  labelled(
    z
      .string()
      .trim()
      .max(500)
      .regex(/^https:\/\/[^\s]+$/, '须是以 https:// 开头的网址'),
    label,
  );

const when = (label: string) => labelled(z.iso.datetime({ offset: true, message: '时间格式不对' }), label);

export const placeSchema = labelled(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('station'), stationId: orgIdSchema('服务站') }),
    z.object({ type: z.literal('address'), address: text('活动地址', 100, 2) }),
  ]),
  '活动地点',
);

export const audienceSchema = z.object({
  type: labelled(z.enum(['branch', 'subtree']), '活动对象'),
  orgId: orgIdSchema('活动对象所在组织'),
});

const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/\S{1,500}$/;

export const materialsSchema = z.object({
  text: optionalText('学习材料', 5000),
  links: labelled(
    z.array(z.object({ title: text('链接名称', 60), url: httpsUrl('链接网址') })).max(10, '最多 10 个链接'),
    '材料链接',
  ).optional(),
  images: labelled(
    z.array(z.string().trim().regex(CLOUD_FILE_ID, '不是云存储中的图片')).max(9, '最多 9 张图片'),
    '材料图片',
  ).optional(),
});

/** The fields of a session as published or edited; cross-field rules are checked in `sessionProblem`. */
export const sessionFields = {
  kind: labelled(z.enum(SESSION_KINDS), '活动类型'),
  title: text('活动名称', 60, 2),
  agenda: optionalText('活动议程', 2000),
  startAt: when('开始时间'),
  endAt: when('结束时间'),
  place: placeSchema.optional(),
  onlineUrl: httpsUrl('线上会议链接').optional(),
  capacity: labelled(z.number().int().min(1).max(10000), '名额').nullable().optional(),
  audience: audienceSchema,
  materials: materialsSchema.optional(),
  serviceHours: labelled(z.number().int('请填整数小时').min(1).max(24), '志愿服务时长').optional(),
  hasVote: labelled(z.boolean(), '是否有表决事项').optional(),
};

export const publishSchema = z.object({
  ...sessionFields,
  requestId: labelled(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, '格式不对'),
    '提交编号',
  ),
});

export const updateSchema = z.object({ ...sessionFields, sessionId: sessionIdSchema });

type FieldsInput = z.output<z.ZodObject<typeof sessionFields>>;

/** The validated fields with their times as instants. */
export type SessionFields = Omit<FieldsInput, 'startAt' | 'endAt'> & { startAt: Date; endAt: Date };

export function toFields(input: FieldsInput): SessionFields {
  return { ...input, startAt: new Date(input.startAt), endAt: new Date(input.endAt) };
}

export const reasonSchema = (label: string) => text(label, 200, 2);

const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
export const pageInput = {
  cursor: cursorSchema.optional(),
  limit: labelled(z.number().int().min(1).max(MAX_PAGE), '每页条数').optional(),
};

/** The cursor and page size of a paged input. */
export function pageOf(input: { cursor?: string | undefined; limit?: number | undefined }): {
  cursor: string | undefined;
  limit: number;
} {
  return { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE };
}
