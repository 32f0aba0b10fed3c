/**
 * Words of the secretary's and administrator's screens that are not labels of a stored value
 * (those live in constants/member.ts): state changes as a secretary names them, list filters,
 * import outcomes and the ready-made reasons offered so nobody has to type a common one.
 */
import type { AssignmentWish, ImportOutcome, MemberState } from '../../typings';
import type { StateChangeTarget } from '../services/secretary';
import { MEMBER_STATE_LABELS } from './member';

/** A later change of an assigned member, as the action is called on screen. */
export interface StateChangeOption {
  to: StateChangeTarget;
  /** The button: what the secretary does. */
  action: string;
  /** One sentence on what follows, shown before confirming. */
  effect: string;
}

/** In the order shown; the member's current state is left out. */
export const STATE_CHANGE_OPTIONS: readonly StateChangeOption[] = [
  { to: 'transferred', action: '转出', effect: '组织关系转往别处，电子活动证将收回。' },
  { to: 'returned_home', action: '返乡', effect: '本人已回到家乡，电子活动证将收回。' },
  { to: 'lost_contact', action: '失联', effect: '多次联系不上本人，电子活动证将暂停使用。' },
  { to: 'active', action: '恢复正常', effect: '恢复为本支部在册党员，重新发放电子活动证。' },
];

/** The states a branch list can be narrowed to ('' = all): the assigned ones, named as on each row. */
export const BRANCH_STATE_FILTERS: readonly { value: MemberState | ''; label: string }[] = [
  { value: '', label: '全部' },
  ...(['active', 'transferred', 'returned_home', 'lost_contact'] as const).map((value) => ({
    value,
    label: MEMBER_STATE_LABELS[value],
  })),
];

/**
 * A member's state in the words of the person who reviews it: the member reads 审核中 where the
 * secretary's to-do is 待审核, and 需要修改 where the registration is back with the member.
 */
export const MANAGER_STATE_LABELS: Record<MemberState, string> = {
  ...MEMBER_STATE_LABELS,
  pending: '待审核',
  sent_back: '已退回，待本人修改',
};

/** Why a branch is suggested, in two words on its tag. */
export const SUGGESTION_KIND_LABELS: Record<AssignmentWish, string> = {
  near_residence: '按居住地',
  by_industry: '按行业',
  home_county: '按家乡',
};

/** How each outcome of a 摸排 import row is called. */
export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  created: '已导入',
  updated: '已更新',
  linked_to_member: '已关联报到',
  invalid: '有误未导入',
};

/** Common reasons for returning a registration; the secretary may still type their own. */
export const SEND_BACK_REASONS: readonly string[] = [
  '身份证号与姓名、出生日期对不上，请核对',
  '居住地址不够详细，请写到门牌号',
  '流出地党组织名称不完整，请写全称',
  '手机号打不通，请核对',
];

/** Common reasons for looking at the full 身份证号 and phone (every look is recorded). */
export const REVEAL_REASONS: readonly string[] = ['打电话联系本人', '核对身份信息', '协助办理组织关系转接'];

/** Shortest reason the server accepts (reasonSchema: 2 to 200 characters). */
export const MIN_REASON_LENGTH = 2;
export const MAX_REASON_LENGTH = 200;
