/** Organisation node types and their Chinese labels (domain-rules.md, "The Xiamen practice"). */
import type { OrgNodeType } from '../../typings/models';

/** How each kind of node is called on screen. */
export const ORG_NODE_TYPE_LABELS: Record<OrgNodeType, string> = {
  city: '市',
  district: '区',
  street: '镇（街道）',
  community: '村（社区）',
  industry_committee: '行业党委',
  home_county_org: '异地驻厦党组织',
  mobile_branch: '流动党员党支部',
  branch: '党支部',
  station: '流动党员服务管理站',
};
