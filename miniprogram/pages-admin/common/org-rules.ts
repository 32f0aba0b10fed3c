/**
 * What an administrator may set up where, mirroring the server's rules (server/orgs): which kinds
 * of node sit under which, which extras each kind carries, and who may hold which role. The
 * server checks all of it again; this only keeps impossible choices off the screen.
 */
import type { OrgNodeType, RoleName } from '../../../typings';

/** The kinds of node that may be added under each kind, in the order offered. */
export const CHILD_TYPES: Record<OrgNodeType, readonly OrgNodeType[]> = {
  city: ['district', 'industry_committee', 'home_county_org', 'mobile_branch', 'station'],
  district: ['street', 'mobile_branch', 'branch', 'station'],
  street: ['community', 'mobile_branch', 'branch', 'station'],
  community: ['mobile_branch', 'branch', 'station'],
  industry_committee: ['branch', 'mobile_branch'],
  home_county_org: ['branch', 'mobile_branch'],
  mobile_branch: [],
  branch: [],
  station: [],
};

export const BRANCH_TYPES: readonly OrgNodeType[] = ['branch', 'mobile_branch'];

/** A field of a node's extras, as the add form asks it. */
export interface ExtraField {
  key: string;
  label: string;
  placeholder: string;
}

/** The extras asked for each kind of node (keys the server accepts). */
export const EXTRA_FIELDS: Partial<Record<OrgNodeType, readonly ExtraField[]>> = {
  station: [
    { key: 'address', label: '地址', placeholder: '例如：湖里区殿前街道兴隆路 88 号' },
    { key: 'openingHours', label: '开放时间', placeholder: '例如：周一至周五 9:00-17:00' },
    { key: 'contactName', label: '联系人', placeholder: '站点联系人姓名' },
    { key: 'contactPhone', label: '联系电话', placeholder: '站点对外电话' },
  ],
  industry_committee: [{ key: 'industry', label: '行业', placeholder: '例如：快递' }],
  home_county_org: [
    { key: 'homeProvince', label: '家乡省份', placeholder: '例如：福建省' },
    { key: 'homeCounty', label: '家乡县（市、区）', placeholder: '例如：安溪县' },
  ],
};

/** Labels for the extras a node detail may carry, in the order shown. */
export const EXTRA_LABELS: Record<string, string> = {
  address: '地址',
  openingHours: '开放时间',
  contactName: '联系人',
  contactPhone: '联系电话',
  industry: '行业',
  homeProvince: '家乡省份',
  homeCounty: '家乡县（市、区）',
  partner: '共管协议单位',
  signedOn: '协议签订日期',
};

/** Secretaries run branches; administrators may oversee any node. */
export function grantableRoles(type: OrgNodeType): RoleName[] {
  return BRANCH_TYPES.includes(type) ? ['secretary', 'admin'] : ['admin'];
}
