/** A session's detail as the page shows it. */
import type { CheckInResult, SessionDetail } from '../../../typings';
import { MY_STATUS_LABELS, SESSION_KIND_LABELS, VOTING_RIGHT_LABELS } from '../../constants/sessions';
import { formatMoment, formatRange, MY_STATUS_THEMES } from '../../pages/sessions/view';

export interface DetailView {
  sessionId: string;
  title: string;
  kindLabel: string;
  when: string;
  placeName: string;
  placeAddress: string;
  onlineUrl: string;
  audienceName: string;
  seats: string;
  agenda: string;
  materialsText: string;
  links: { title: string; url: string }[];
  images: string[];
  serviceHours: string;
  statusLabel: string;
  statusTheme: string;
  cancelled: boolean;
  cancelReason: string;
  /** At a meeting that votes: what the member may do there. */
  votingNote: string;
  leaveReason: string;
  checkedIn: string;
  /** Why the scan button is not there yet, e.g. 签到从 3月5日 19:00 开始. */
  checkInHint: string;
  canSignUp: boolean;
  canCancelSignUp: boolean;
  canAskLeave: boolean;
  canCheckIn: boolean;
  canManage: boolean;
}

export function toDetailView(d: SessionDetail, now = new Date()): DetailView {
  const status = d.myStatus ?? 'none';
  const cancelled = d.state === 'cancelled';
  const ended = Date.parse(d.endAt) <= now.getTime();
  const member = d.myStatus !== null;
  let checkInHint = '';
  if (member && !cancelled && !ended && !d.canCheckIn && status !== 'attended') {
    checkInHint = `扫码签到从 ${formatMoment(d.checkInOpensAt, now)} 开始（活动开始前 30 分钟）`;
  }
  return {
    sessionId: d.sessionId,
    title: d.title,
    kindLabel: SESSION_KIND_LABELS[d.kind] ?? '',
    when: formatRange(d.startAt, d.endAt, now),
    placeName: d.place?.name ?? '',
    placeAddress: d.place?.address ?? '',
    onlineUrl: d.onlineUrl ?? '',
    audienceName: d.audience.type === 'branch' ? `${d.audienceName}党员` : `${d.audienceName}全体流动党员`,
    seats:
      d.capacity !== null
        ? `共 ${d.capacity} 个名额，已报名 ${d.seatsTaken} 人`
        : d.seatsTaken > 0
          ? `已报名 ${d.seatsTaken} 人`
          : '不限人数',
    agenda: d.agenda,
    materialsText: d.materials.text,
    links: d.materials.links,
    images: d.materials.images,
    serviceHours: d.serviceHours ? `${d.serviceHours} 小时` : '',
    statusLabel: cancelled ? '已取消' : MY_STATUS_LABELS[status],
    statusTheme: cancelled ? 'danger' : MY_STATUS_THEMES[status],
    cancelled,
    cancelReason: d.cancelReason ?? '',
    votingNote: d.hasVote
      ? d.myVotingRight
        ? `本次会议有表决事项。您：${VOTING_RIGHT_LABELS[d.myVotingRight]}`
        : '本次会议有表决事项'
      : '',
    leaveReason: d.myLeaveReason ?? '',
    checkedIn: d.myCheckedInAt ? `您已于 ${formatMoment(d.myCheckedInAt, now)} 签到` : '',
    checkInHint,
    canSignUp: d.canSignUp,
    canCancelSignUp: d.canCancelSignUp,
    canAskLeave: d.canAskLeave,
    canCheckIn: d.canCheckIn,
    canManage: d.canManage,
  };
}

/** What to tell the member after a successful scan. */
export function checkInMessage(result: CheckInResult): string {
  const lines = [result.alreadyCheckedIn ? '您之前已经签到过了，不用再扫。' : `“${result.title}”签到成功。`];
  if (result.points !== null && result.points > 0 && !result.alreadyCheckedIn) lines.push(`积分 +${result.points}`);
  if (result.pointsNote) lines.push(result.pointsNote);
  if (result.votingRight === 'observer_inflow' || result.votingRight === 'observer_probationary') {
    lines.push('本次会议的表决事项，您列席参加，不参加表决。');
  }
  return lines.join('\n');
}
