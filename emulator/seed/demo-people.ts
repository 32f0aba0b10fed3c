import type { RoleName } from '../../typings/models';

/** A demo identity with a fixed openid, so `npm start` prints who to call as. */
export interface DemoPerson {
  openid: string;
  name: string;
  label: string;
  role?: { role: RoleName; scopeCode: string };
  /** Holds a member record in this branch. */
  memberOfBranch?: string;
  /** Demo-only identity data: the first 17 digits of a 身份证号 (the check digit is computed). */
  idCard17?: string;
  phone?: string;
}

/** The demo branch: the mobile members' branch of 思明区. */
export const DEMO_BRANCH_CODE = 'xm-siming-mobile';
/** A branch in another district, to show that scope keeps secretaries apart. */
export const OTHER_DISTRICT_BRANCH_CODE = 'xm-huli-mobile';

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    openid: 'demo-member',
    name: '林晓东（演示）',
    label: '流动党员',
    memberOfBranch: DEMO_BRANCH_CODE,
    idCard17: '36073019880312001',
    phone: '13800000001',
  },
  {
    openid: 'demo-secretary',
    name: '陈美华（演示）',
    label: '支部书记（思明区流动党员党支部）',
    role: { role: 'secretary', scopeCode: DEMO_BRANCH_CODE },
    memberOfBranch: DEMO_BRANCH_CODE,
    idCard17: '35020319750621002',
    phone: '13800000002',
  },
  {
    openid: 'demo-secretary-huli',
    name: '黄志强（演示）',
    label: '支部书记（湖里区流动党员党支部）',
    role: { role: 'secretary', scopeCode: OTHER_DISTRICT_BRANCH_CODE },
  },
  {
    openid: 'demo-admin',
    name: '王建国（演示）',
    label: '管理员（思明区）',
    role: { role: 'admin', scopeCode: 'xm-siming' },
  },
  { openid: 'demo-super', name: '系统管理员（演示）', label: '超级管理员（由配置指定）' },
];

/** Super administrators of the local host: from configuration, as in the cloud. */
export const DEMO_SUPER_ADMINS = ['demo-super'];
