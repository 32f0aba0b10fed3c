/**
 * What the 首页 card says about the person's membership (`member.me`), decided once here so the
 * template only shows it. Pure: tests and other pages can call it.
 */
import type { MemberState, MyMembership } from '../../../typings';
import { CERTIFICATE_STATE_LABELS, MEMBER_STATE_LABELS } from '../../constants/member';
import { shanghaiParts } from '../../utils/shanghai-time';

/** Which card the home page shows. */
export type MembershipCardKind = 'none' | 'pending' | 'sent_back' | 'active' | 'inactive';

export interface MembershipCard {
  kind: MembershipCardKind;
  stateLabel: string;
  /** One or two plain sentences under the title. */
  text: string;
  sentBackReason: string;
  branchName: string;
  contactName: string;
  contactPhone: string;
  /** e.g. 「有效」, or '' when there is no certificate yet. */
  certificateLabel: string;
}

/** For states after assignment that leave the member without a branch here. */
const INACTIVE_TEXTS: Record<Exclude<MemberState, 'pending' | 'sent_back' | 'active'>, string> = {
  transferred: '您的组织关系已经转出，这里不再显示支部信息。如有疑问，请联系原来的支部。',
  returned_home: '您已返回老家，请到老家的党组织参加组织生活。如又外出，请重新报到。',
  lost_contact: '支部暂时联系不上您。请尽快和支部联系，或在“我的”里更新手机号。',
};

/** 2026-11-20T02:00:00Z → 11月20日 (Asia/Shanghai). */
export function shortDate(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const p = shanghaiParts(at);
  return `${p.month}月${p.day}日`;
}

const EMPTY: MembershipCard = {
  kind: 'none',
  stateLabel: '',
  text: '',
  sentBackReason: '',
  branchName: '',
  contactName: '',
  contactPhone: '',
  certificateLabel: '',
};

/** The card for a membership, or the 未报到 card for null. */
export function membershipCard(m: MyMembership | null): MembershipCard {
  if (!m) return { ...EMPTY, text: '您还没有报到。报到后，就能参加所在地党组织的学习和活动。' };
  const stateLabel = MEMBER_STATE_LABELS[m.state];
  const submitted = shortDate(m.submittedAt);
  switch (m.state) {
    case 'pending':
      return {
        ...EMPTY,
        kind: 'pending',
        stateLabel,
        text: `您${submitted ? `在${submitted}` : ''}提交的报到信息，正在等待支部审核。审核通过后，这里会显示您的支部和联系人。`,
      };
    case 'sent_back':
      return {
        ...EMPTY,
        kind: 'sent_back',
        stateLabel,
        text: '支部看过您的报到信息，有些地方需要修改。请按意见改好后重新提交。',
        sentBackReason: m.sentBackReason ?? '',
      };
    case 'active':
      return {
        ...EMPTY,
        kind: 'active',
        stateLabel,
        text: m.branch ? `您已编入${m.branch.name}，可以参加支部的学习和活动。` : '您已编入党支部。',
        branchName: m.branch?.name ?? '',
        contactName: m.pairedContact?.name ?? '',
        contactPhone: m.pairedContact?.phone ?? '',
        certificateLabel: m.certificate ? CERTIFICATE_STATE_LABELS[m.certificate.state] : '',
      };
    default:
      return { ...EMPTY, kind: 'inactive', stateLabel, text: INACTIVE_TEXTS[m.state] };
  }
}
