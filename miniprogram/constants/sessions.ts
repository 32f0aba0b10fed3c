/** Kinds, standings and rights of the sessions area, with the Chinese words people see. Defined once. */
import type { CadenceStatus, MyStatus, RosterStatus, SessionKind, VotingRight } from '../../typings/areas/sessions';

/** In the order the publish form offers them. */
export const SESSION_KIND_OPTIONS: { value: SessionKind; label: string }[] = [
  { value: 'branch_assembly', label: '支部党员大会' },
  { value: 'committee', label: '支部委员会' },
  { value: 'group', label: '党小组会' },
  { value: 'lecture', label: '党课' },
  { value: 'theme_day', label: '主题党日' },
  { value: 'life_meeting', label: '组织生活会' },
  { value: 'appraisal', label: '民主评议' },
  { value: 'volunteer', label: '志愿服务' },
  { value: 'training', label: '学习培训' },
  { value: 'other', label: '其他活动' },
];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = Object.fromEntries(
  SESSION_KIND_OPTIONS.map((o) => [o.value, o.label]),
) as Record<SessionKind, string>;

/** Meetings that may vote on the branch's business (the server checks the same list). */
export const VOTING_KINDS: readonly SessionKind[] = ['branch_assembly', 'committee', 'appraisal'];

export const MY_STATUS_LABELS: Record<MyStatus, string> = {
  none: '',
  signed_up: '已报名',
  leave: '已请假',
  attended: '已签到',
  absent: '未参加',
};

export const ROSTER_STATUS_LABELS: Record<RosterStatus, string> = {
  attended: '已签到',
  leave: '请假',
  signed_up: '已报名',
  not_yet: '未签到',
  absent: '缺席',
};

export const VOTING_RIGHT_LABELS: Record<VotingRight, string> = {
  voting: '有表决权',
  observer_inflow: '列席，不参加表决（流动党员）',
  observer_probationary: '列席，不参加表决（预备党员）',
};

export const CADENCE_STATUS_LABELS: Record<CadenceStatus, string> = {
  done: '已召开',
  scheduled: '已安排',
  missing: '还没开',
  not_required: '不需要',
};

/** Ready-made reasons: tapping one is easier than typing. */
export const LEAVE_REASONS = ['外出务工回不来', '身体不适', '家中有事', '值班加班'];
export const HAND_MARK_REASONS = ['手机没电，现场核对', '不会扫码，现场核对', '纸质签到表补登'];
