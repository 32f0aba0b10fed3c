/** A member row as the lists show it: never the full 身份证号 or phone (the server sends masks only). */
import type { MemberRow, MemberState } from '../../../typings';
import { GENDER_LABELS, INDUSTRY_LABELS, MEMBER_STATE_LABELS } from '../../constants/member';
import { shanghaiDaysBetween } from '../../utils/shanghai-time';
import { formatDay } from './format';

export interface MemberRowView {
  memberId: string;
  name: string;
  state: MemberState;
  stateLabel: string;
  /** 性别 · 行业 · 居住地 */
  description: string;
  phoneMasked: string;
  /** '2024年5月1日报到，已等 12 天' for a registration still waiting; '2024年5月1日报到' otherwise. */
  submitted: string;
}

/** How long a waiting registration has waited, in the words a secretary reads at a glance. */
function waited(submittedAt: string): string {
  const days = shanghaiDaysBetween(new Date(submittedAt));
  return days <= 0 ? '今天报到' : `已等 ${days} 天`;
}

export function toRowView(row: MemberRow): MemberRowView {
  return {
    memberId: row.memberId,
    name: row.name,
    state: row.state,
    stateLabel: MEMBER_STATE_LABELS[row.state] ?? '',
    description: [GENDER_LABELS[row.gender], INDUSTRY_LABELS[row.industry], row.residence].filter(Boolean).join(' · '),
    phoneMasked: row.phoneMasked,
    submitted: !row.submittedAt
      ? ''
      : row.state === 'pending'
        ? `${formatDay(row.submittedAt)}报到，${waited(row.submittedAt)}`
        : `${formatDay(row.submittedAt)}报到`,
  };
}
