/**
 * Member words shown on screen, defined once. Each label table is a `Record` over the contract's
 * union, so a value added to the contract fails `tsc` here until it has a Chinese label.
 */
import type {
  AssignmentWish,
  CertificateState,
  Gender,
  Industry,
  MemberState,
  PartyStatus,
} from '../../typings/areas/member';

/**
 * Version of the 用户隐私保护指引 the registration form summarises. Sent with every registration
 * so the server records which text the person agreed to; change it whenever the notice changes.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11';

/** The notice in a few plain sentences, shown above the consent box. */
export const PRIVACY_NOTICE_SUMMARY: readonly string[] = [
  '我们收集您的姓名、身份证号、手机号、入党和居住等信息，只用于流动党员报到、编入党组织和日常联系。',
  '身份证号和手机号加密保存，页面上只显示部分号码；只有审核您报到的党组织工作人员能看到完整号码，每次查看都有记录。',
  '信息不会用于其他用途，也不会提供给无关的单位或个人。',
  '编入支部后，换了手机号或搬了家，可以在“我的”页面自己修改；其他信息如需更正，请联系所在支部。',
];

export const GENDER_LABELS: Record<Gender, string> = {
  male: '男',
  female: '女',
};

export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
};

export const INDUSTRY_LABELS: Record<Industry, string> = {
  express: '快递',
  food_delivery: '外卖配送',
  ride_hailing: '网约车',
  logistics: '物流运输',
  internet: '互联网',
  construction: '建筑',
  manufacturing: '工厂制造',
  self_employed: '个体经营',
  retail: '商贸零售',
  catering: '餐饮',
  domestic_service: '家政服务',
  other: '其他',
};

/** Every industry, in the order the form shows them (the fixed list of the contract). */
export const INDUSTRIES: readonly Industry[] = [
  'express',
  'food_delivery',
  'ride_hailing',
  'logistics',
  'internet',
  'construction',
  'manufacturing',
  'self_employed',
  'retail',
  'catering',
  'domestic_service',
  'other',
];

export const WISH_LABELS: Record<AssignmentWish, string> = {
  near_residence: '在住的地方参加',
  by_industry: '跟着行业参加',
  home_county: '参加老家在厦门的党组织',
};

/** What each wish means, in plain words, under its label on the form. */
export const WISH_EXPLANATIONS: Record<AssignmentWish, string> = {
  near_residence: '编入您现在居住的社区或街道的流动党员党支部，开会、学习都在家附近。',
  by_industry: '编入您所在行业的党支部，比如快递、外卖、网约车行业党支部，和同行一起过组织生活。',
  home_county: '编入您老家的党组织在厦门设立的党支部，和老乡一起过组织生活。',
};

/** Every wish, in the order the form shows them. */
export const WISHES: readonly AssignmentWish[] = ['near_residence', 'by_industry', 'home_county'];

export const MEMBER_STATE_LABELS: Record<MemberState, string> = {
  pending: '审核中',
  sent_back: '需要修改',
  active: '已编入支部',
  transferred: '已转出',
  returned_home: '已返乡',
  lost_contact: '暂时失去联系',
};

export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = {
  valid: '有效',
  review_due: '待年审',
  revoked: '已收回',
};

/** TDesign tag theme per certificate state: green valid, orange due for review, grey revoked. */
export const CERTIFICATE_STATE_THEMES: Record<CertificateState, 'success' | 'warning' | 'default'> = {
  valid: 'success',
  review_due: 'warning',
  revoked: 'default',
};

/** One sentence per certificate state, under the state tag. */
export const CERTIFICATE_STATE_EXPLANATIONS: Record<CertificateState, string> = {
  valid: '活动证有效，可以凭它在所在地参加组织生活、交纳党费。',
  review_due: '活动证已到年审时间，仍可使用。请联系支部书记，和民主评议一起办理年审。',
  revoked: '活动证已收回，不能再出示使用。一般是因为您已返乡或组织关系已转出。如有疑问，请联系支部书记。',
};

/** China's 56 民族 in the order of GB/T 3304, 汉族 first. */
export const ETHNICITIES: readonly string[] = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
];
