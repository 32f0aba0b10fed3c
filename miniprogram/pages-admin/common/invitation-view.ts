/**
 * How an invitation to a role reads, for the administrator who made it and for the person who
 * holds it: the sentence, the code in two groups of four, until when it lasts, its state.
 */
import type { InvitationState, InvitationView } from '../../../typings/areas/org';
import { ROLE_LABELS } from '../../constants/roles';
import { chineseDay, clockText, partsOfIso } from '../../utils/shanghai-time';

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  open: '等待对方接受',
  accepted: '已接受',
  revoked: '已撤销',
  expired: '已过期',
};

export interface InvitationCard {
  code: string;
  /** 'ABCD EFGH': read out or typed four at a time. */
  codeText: string;
  roleLabel: string;
  /** '邀请您担任 莲前街道流动党员党支部 的支部书记' */
  offer: string;
  forName: string;
  invitedBy: string;
  /** '12月7日 10:00 前有效'; '' once it cannot be accepted. */
  validUntil: string;
  state: InvitationState;
  stateLabel: string;
  /** '郑新书记 已接受（12月4日 10:30）', for the administrator's list. */
  outcome: string;
  qrImage: string;
  path: string;
}

function shortTime(iso: string | null): string {
  const p = partsOfIso(iso);
  return p ? `${chineseDay(p).replace(/^\d+年/, '')} ${clockText(p)}` : '';
}

export function invitationCard(inv: InvitationView): InvitationCard {
  const roleLabel = ROLE_LABELS[inv.role];
  return {
    code: inv.code,
    codeText: `${inv.code.slice(0, 4)} ${inv.code.slice(4)}`,
    roleLabel,
    offer: `邀请您担任“${inv.scopeName}”的${roleLabel}`,
    forName: inv.forName,
    invitedBy: inv.invitedBy,
    validUntil: inv.state === 'open' ? `${shortTime(inv.expiresAt)} 前有效` : '',
    state: inv.state,
    stateLabel: INVITATION_STATE_LABELS[inv.state],
    outcome:
      inv.state === 'accepted' && inv.acceptedName
        ? `${inv.acceptedName} 已接受（${shortTime(inv.acceptedAt)}）`
        : INVITATION_STATE_LABELS[inv.state],
    qrImage: inv.qrImage,
    path: inv.path,
  };
}
