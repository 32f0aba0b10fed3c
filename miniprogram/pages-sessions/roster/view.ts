/** Attendance list rows and figures as the secretary reads them. */
import type { AttendanceSummary, RosterRow, RosterStatus } from '../../../typings';
import { ROSTER_STATUS_LABELS, VOTING_RIGHT_LABELS } from '../../constants/sessions';
import { formatMoment } from '../../pages/sessions/view';

export interface RosterRowView {
  memberId: string;
  name: string;
  branchName: string;
  statusLabel: string;
  statusTheme: string;
  detail: string;
  voting: string;
  /** Tapping offers hand marking (not for someone already attended). */
  markable: boolean;
}

const THEMES: Record<RosterStatus, string> = {
  attended: 'success',
  leave: 'warning',
  signed_up: 'primary',
  not_yet: 'default',
  absent: 'danger',
};

export function toRosterRowView(row: RosterRow): RosterRowView {
  const details: string[] = [];
  if (row.checkedInAt)
    details.push(`${formatMoment(row.checkedInAt)} ${row.method === 'hand' ? '书记补登' : '扫码签到'}`);
  if (row.reason) details.push(`原因：${row.reason}`);
  if (row.points) details.push(`积分 +${row.points}`);
  return {
    memberId: row.memberId,
    name: row.name,
    branchName: row.branchName ?? '',
    statusLabel: ROSTER_STATUS_LABELS[row.status],
    statusTheme: THEMES[row.status],
    detail: details.join(' · '),
    voting: row.votingRight ? VOTING_RIGHT_LABELS[row.votingRight] : '',
    markable: row.status !== 'attended',
  };
}

export interface FiguresView {
  attended: number;
  signedUp: number;
  leave: number;
  absent: string;
  expected: string;
  rate: string;
}

export function toFigures(s: AttendanceSummary): FiguresView {
  return {
    attended: s.attended,
    signedUp: s.signedUp,
    leave: s.leave,
    absent: s.absent === null ? '—' : String(s.absent),
    expected: s.expected === null ? '不限' : String(s.expected),
    rate: s.ratePercent === null ? '—' : `${s.ratePercent}%`,
  };
}
