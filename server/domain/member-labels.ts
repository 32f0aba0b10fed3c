import type { Industry } from '../../typings/areas/member';

/**
 * The industry names the server writes into its own sentences (assignment suggestions). The
 * mini-program shows the same words from miniprogram/constants/member.ts; tests/domain/labels-agree
 * asserts the two copies are equal, so edit both together.
 */
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
