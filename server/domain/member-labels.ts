import type { AssignmentWish, Industry, MemberState } from '../../typings/areas/member';

/** Chinese labels, defined once on the server side (the mini-program keeps its own copy, typed alike). */
export const INDUSTRY_LABELS: Record<Industry, string> = {
  express: '快递',
  food_delivery: '外卖',
  ride_hailing: '网约车',
  logistics: '物流',
  internet: '互联网',
  construction: '建筑',
  manufacturing: '制造',
  self_employed: '个体经营',
  retail: '商贸零售',
  catering: '餐饮',
  domestic_service: '家政服务',
  other: '其他',
};

/** Every industry, in the order pickers show them. */
export const INDUSTRIES = [
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
] as const satisfies readonly Industry[];

export const WISH_LABELS: Record<AssignmentWish, string> = {
  near_residence: '就近在居住地参加组织生活',
  by_industry: '按行业参加组织生活',
  home_county: '参加家乡驻厦党组织',
};

export const MEMBER_STATE_LABELS: Record<MemberState, string> = {
  pending: '待审核',
  sent_back: '已退回待修改',
  active: '已划转',
  transferred: '已转出',
  returned_home: '已返乡',
  lost_contact: '失联',
};

/**
 * Which industry party committee (by its `extra.industry`) serves a member's industry, and which
 * of its branches fits best (branch `extra.industry`). Industries without a committee map to null.
 */
export const INDUSTRY_COMMITTEE_OF: Partial<Record<Industry, { committee: string; branch: string | null }>> = {
  food_delivery: { committee: '互联网', branch: '外卖' },
  ride_hailing: { committee: '互联网', branch: '网约车' },
  internet: { committee: '互联网', branch: null },
  express: { committee: '快递', branch: '快递' },
  logistics: { committee: '物流', branch: '物流' },
};
