/**
 * What 我的 says about the electronic activity certificate, from where the membership stands:
 * only an assigned member is offered to open it; everyone else is told the next step. Pure.
 */
import type { MembershipCardKind } from '../home/membership-view';

export interface CertificateCard {
  text: string;
  /** The one thing to do, or null when there is nothing to do but wait. */
  action: { label: string; url: string } | null;
  /** Whether the member's own entries (党费, 积分, 出勤, 联系方式, 支部) apply to this person. */
  isMember: boolean;
}

const REGISTER = '/pages-member/register/index';

export function certificateCard(kind: MembershipCardKind | 'unknown'): CertificateCard {
  switch (kind) {
    case 'active':
      return {
        text: '出示给支部书记扫码核验；凭活动证可以在所在地参加组织生活、交纳党费。',
        action: { label: '打开电子活动证', url: '/pages-member/certificate/index' },
        isMember: true,
      };
    case 'pending':
      return { text: '您的报到正在审核。编入支部后，就可以在这里打开电子活动证。', action: null, isMember: true };
    case 'sent_back':
      return {
        text: '您的报到信息需要修改。改好重新提交、编入支部后，就可以使用电子活动证。',
        action: { label: '去修改报到信息', url: REGISTER },
        isMember: true,
      };
    case 'inactive':
      return { text: '您现在不是本地支部的在册党员，电子活动证已收回或暂停使用。', action: null, isMember: true };
    case 'none':
      return {
        text: '您还没有报到。报到并编入支部后，可以在这里打开电子活动证。',
        action: { label: '去报到', url: REGISTER },
        isMember: false,
      };
    default:
      // Not known yet (still asking, or the question failed): keep every way open.
      return {
        text: '出示给支部书记扫码核验。',
        action: { label: '打开电子活动证', url: '/pages-member/certificate/index' },
        isMember: true,
      };
  }
}
