/**
 * How sessions read on screen, shared by the 学习 tab and the pages of the sessions subpackage
 * (a subpackage may use main-package code, not the reverse). Times are Beijing time whatever the
 * phone's time zone.
 */
import type { MyStatus, SessionRow } from '../../../typings';
import { MY_STATUS_LABELS, SESSION_KIND_LABELS } from '../../constants/sessions';
import { clockText, partsOfIso, type ShanghaiParts } from '../../utils/shanghai-time';

type Parts = ShanghaiParts & { time: string };

function parts(iso: string): Parts | null {
  const p = partsOfIso(iso);
  return p && { ...p, time: clockText(p) };
}

/** '3月5日（周四）19:30', with the year when it is not this year's. */
export function formatMoment(iso: string, now = new Date()): string {
  const p = parts(iso);
  if (!p) return '';
  const thisYear = parts(now.toISOString())!.year;
  const year = p.year === thisYear ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日（周${p.weekday}）${p.time}`;
}

/** '3月5日（周四）19:30–21:00', or both moments when it runs over several days. */
export function formatRange(startIso: string, endIso: string, now = new Date()): string {
  const a = parts(startIso);
  const b = parts(endIso);
  if (!a || !b) return '';
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  return sameDay
    ? `${formatMoment(startIso, now)}–${b.time}`
    : `${formatMoment(startIso, now)} 至 ${formatMoment(endIso, now)}`;
}

/** A tag's colour for each standing: green for done, orange for what needs attention. */
export const MY_STATUS_THEMES: Record<MyStatus, 'success' | 'primary' | 'warning' | 'default'> = {
  none: 'default',
  signed_up: 'primary',
  leave: 'warning',
  attended: 'success',
  absent: 'warning',
};

export interface SessionCard {
  sessionId: string;
  title: string;
  kindLabel: string;
  when: string;
  place: string;
  statusLabel: string;
  statusTheme: string;
  /** '已报名 12 人，共 30 个名额' or '' when there is no limit and nobody yet. */
  seats: string;
  cancelled: boolean;
}

export function toCard(row: SessionRow, now = new Date()): SessionCard {
  const status = row.myStatus ?? 'none';
  const seats =
    row.capacity !== null
      ? `已报名 ${row.seatsTaken} 人，共 ${row.capacity} 个名额`
      : row.seatsTaken > 0
        ? `已报名 ${row.seatsTaken} 人`
        : '';
  return {
    sessionId: row.sessionId,
    title: row.title,
    kindLabel: SESSION_KIND_LABELS[row.kind] ?? '',
    when: formatRange(row.startAt, row.endAt, now),
    place: row.placeText,
    statusLabel: row.state === 'cancelled' ? '已取消' : MY_STATUS_LABELS[status],
    statusTheme: row.state === 'cancelled' ? 'danger' : MY_STATUS_THEMES[status],
    seats,
    cancelled: row.state === 'cancelled',
  };
}
