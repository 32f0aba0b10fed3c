import { parseContactPhone } from '../domain/phone';
import { z } from 'zod';
import { INDUSTRIES } from '../domain/member-labels';
import { labelled } from '../platform/validation';

const text = (label: string, max: number, min = 1) => labelled(z.string().trim().min(min).max(max), label);
const optionalText = (label: string, max: number) =>
  labelled(z.string().trim().max(max), label)
    .optional()
    .transform((v) => (v ? v : undefined));
const day = (label: string) => labelled(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '格式应为 年-月-日'), label);
const month = (label: string) => labelled(z.string().regex(/^\d{4}-\d{2}$/, '格式应为 年-月'), label);
export const orgIdSchema = (label: string) => labelled(z.string().trim().min(1).max(64), label);
export const memberIdSchema = labelled(z.string().trim().min(1).max(128), '党员编号');
export const reasonSchema = (label = '原因') => text(label, 200, 2);

export const residenceSchema = z.object({
  districtId: orgIdSchema('所在区'),
  streetId: orgIdSchema('所在街道（镇）'),
  communityId: orgIdSchema('所在社区（村）')
    .optional()
    .transform((v) => v || undefined),
  address: text('详细地址', 100, 2),
});

export const industrySchema = labelled(z.enum(INDUSTRIES), '从事行业');

export const registrationSchema = z.object({
  name: text('姓名', 30),
  gender: labelled(z.enum(['male', 'female']), '性别'),
  ethnicity: text('民族', 20),
  birthDate: day('出生日期'),
  idCardNumber: labelled(z.string().max(40), '身份证号'),
  phone: labelled(z.string().max(30), '手机号'),
  joinedPartyOn: day('入党日期'),
  partyStatus: labelled(z.enum(['full', 'probationary']), '党员类别'),
  home: z.object({
    orgName: text('流出地党组织', 60, 2),
    province: text('流出地省份', 20),
    county: text('流出地县（市、区）', 30),
    contactName: optionalText('流出地联系人', 30),
    contactPhone: labelled(
      z
        .string()
        .trim()
        .max(30)
        .refine((v) => v === '' || parseContactPhone(v).ok, '请填写手机号，或带区号的固定电话（如 0797-8123456）'),
      '流出地联系电话',
    )
      .optional()
      .transform((v) => (v ? v : undefined)),
  }),
  leftHomeOn: month('外出时间'),
  leftHomeReason: text('外出原因', 200, 2),
  residence: residenceSchema,
  work: z.object({
    industry: industrySchema,
    employer: optionalText('工作单位', 60),
    job: optionalText('岗位', 30),
  }),
  holdsPaperCertificate: labelled(z.boolean(), '是否持有纸质流动党员活动证'),
  wish: labelled(z.enum(['near_residence', 'by_industry', 'home_county']), '希望参加组织生活的方式'),
  privacyConsentVersion: text('隐私保护指引版本', 20),
  scene: labelled(z.string().trim().max(32), '报到点')
    .optional()
    .transform((v) => v || undefined),
});

export type RegistrationData = z.output<typeof registrationSchema>;
