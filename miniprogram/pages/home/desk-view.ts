/**
 * What 首页 offers each person: the grid of their tasks, by role and by where their membership
 * stands. Pure, so the page only shows it and tests call it.
 */
import type { CallerProfile } from '../../../typings';
import { canOpenAdminDesk, canOpenSecretaryDesk } from '../../utils/profile';
import type { MembershipCardKind } from './membership-view';

/** One tile of the task grid. `tab`: the page is a tab and opens with switchTab. */
export interface TaskTile {
  id: string;
  label: string;
  icon: string;
  url: string;
  tab: boolean;
}

const tile = (id: string, label: string, icon: string, url: string, tab = false): TaskTile => ({
  id,
  label,
  icon,
  url,
  tab,
});

/** A member's own tasks: only once they are in a branch here. */
const MEMBER_TASKS: TaskTile[] = [
  tile('task-study', '学习活动', 'book-open', '/pages/sessions/index', true),
  tile('task-dues', '交党费', 'wallet', '/pages-dues/mine/index'),
  tile('task-points', '我的积分', 'star', '/pages-points/my/index'),
  tile('task-certificate', '活动证', 'qrcode', '/pages-member/certificate/index'),
  tile('task-branch', '我的支部', 'home', '/pages-member/my-branch/index'),
];

const SECRETARY_TASKS: TaskTile[] = [
  tile('task-secretary', '书记工作台', 'user-talk', '/pages-secretary/index/index'),
  tile('task-pending', '审核报到', 'user-checked', '/pages-secretary/pending/index'),
  tile('task-sessions', '组织生活', 'calendar', '/pages-sessions/manage-list/index'),
  tile('task-review', '积分审批', 'task-checked', '/pages-points/review/index'),
];

const ADMIN_TASKS: TaskTile[] = [
  tile('task-desk', '组织部工作台', 'chart-bar', '/pages-admin/desk/index'),
  tile('task-orgs', '组织管理', 'tree-round-dot', '/pages-admin/index/index'),
];

/** The tiles for this person, the work their roles give first (it is why they open the app), each once. */
export function taskTiles(profile: CallerProfile, membership: MembershipCardKind): TaskTile[] {
  const tiles = [
    ...(canOpenSecretaryDesk(profile) ? SECRETARY_TASKS : []),
    ...(canOpenAdminDesk(profile) ? ADMIN_TASKS : []),
    ...(membership === 'active' ? MEMBER_TASKS : []),
  ];
  return tiles.filter((t, i) => tiles.findIndex((o) => o.id === t.id) === i);
}

/** Someone who manages and has not registered is not pushed to 报到: they may not be a 流动党员 at all. */
export function isManager(profile: CallerProfile): boolean {
  return profile.isSuperAdmin || profile.roles.length > 0;
}
