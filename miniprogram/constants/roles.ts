/** Role names and their Chinese labels, defined once for every page. */
import type { RoleName } from '../../typings/models';

/** How each role is called on screen. */
export const ROLE_LABELS: Record<RoleName, string> = {
  secretary: '支部书记',
  admin: '管理员',
};

/** Label for a super administrator, who holds no grant but is allowed everything. */
export const SUPER_ADMIN_LABEL = '超级管理员';

/** Label for someone with no grant: every registered person is at least a member. */
export const MEMBER_LABEL = '党员';
