/** Kinds of session, their Chinese names, the points rule each earns, and which may hold a vote. */
import type { SessionKind } from '../../../typings/areas/sessions';

/** Every kind, in the order a secretary's picker shows them. */
export const SESSION_KINDS = [
  'branch_assembly',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'appraisal',
  'volunteer',
  'training',
  'other',
] as const satisfies readonly SessionKind[];

/** The names used in 《中国共产党支部工作条例（试行）》 and by secretaries. */
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  branch_assembly: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议',
  volunteer: '志愿服务',
  training: '学习培训',
  other: '其他活动',
};

/** The points ledger's rule code each kind of attendance earns; `other` earns none. */
export const POINTS_RULE_OF_KIND: Record<SessionKind, string | null> = {
  branch_assembly: 'attendance.branch_meeting',
  committee: 'attendance.branch_meeting',
  group: 'attendance.branch_meeting',
  life_meeting: 'attendance.branch_meeting',
  appraisal: 'attendance.branch_meeting',
  lecture: 'attendance.party_lecture',
  training: 'attendance.party_lecture',
  theme_day: 'attendance.theme_day',
  volunteer: 'volunteer.hour',
  other: null,
};

/** Meetings where a branch decides by vote (选举、发展党员、评议): only these may be marked as voting. */
export const VOTING_KINDS: readonly SessionKind[] = ['branch_assembly', 'committee', 'appraisal'];

/** Kinds a member's attendance rate counts: organisational life they are expected at. */
export const REQUIRED_KINDS: readonly SessionKind[] = [
  'branch_assembly',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'appraisal',
];
