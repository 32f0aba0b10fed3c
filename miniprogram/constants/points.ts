/**
 * Points words shown on screen, defined once. Each table is a `Record` over the contract's union,
 * so a value added to the contract fails `tsc` here until it has a Chinese label.
 */
import type {
  ClaimState,
  PointsApproval,
  PointsCategory,
  PointsSourceType,
  PointsUnit,
} from '../../typings/areas/points';

export const CATEGORY_LABELS: Record<PointsCategory, string> = {
  registration: '报到亮身份',
  organisational_life: '组织生活',
  study: '学习',
  volunteer: '志愿服务',
  welfare: '公益',
  suggestion: '建言献策',
  dues: '党费',
  commendation: '表彰',
  deduction: '履责扣分',
};

/** Categories in the order pages show them. */
export const CATEGORY_ORDER: readonly PointsCategory[] = [
  'registration',
  'organisational_life',
  'study',
  'volunteer',
  'welfare',
  'suggestion',
  'dues',
  'commendation',
  'deduction',
];

export const UNIT_LABELS: Record<PointsUnit, string> = { time: '次', hour: '小时' };

export const APPROVAL_LABELS: Record<PointsApproval, string> = {
  automatic: '系统自动记分',
  secretary: '支部书记审核',
  admin: '上级党组织审核',
};

/** Where an entry came from, in plain words. */
export const SOURCE_LABELS: Record<PointsSourceType, string> = {
  registration: '报到',
  attendance: '组织生活考勤',
  payment: '交纳党费',
  claim: '本人申报',
  manual: '支部录入',
  volunteer: '志愿服务签到',
};

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  pending: '等待审核',
  approved: '已通过',
  rejected: '已退回',
};

/** TDesign tag theme per claim state: orange waiting, green approved, red sent back. */
export const CLAIM_STATE_THEMES: Record<ClaimState, 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** Folder of a member's evidence photos in cloud storage; the server accepts photos from here only. */
export const EVIDENCE_FOLDER = 'points-evidence';
/** At most this many photos per claim (the server's limit too). */
export const MAX_PHOTOS = 9;
/** At most this many hours in one claim. */
export const MAX_HOURS = 24;
/** How many members a ranking shows. */
export const RANKING_TOP = 20;
