/** What changed in a session, told to the members who signed up, in one plain sentence. */
import { shortTime } from './periods';

export interface ChangeView {
  title: string;
  startAt: Date;
  endAt: Date;
  /** The place as one line (station name or address, or 线上). */
  placeText: string;
  onlineUrl: string | null;
}

/** Null when nothing a member acts on changed (materials, agenda wording…: they see it in the detail). */
export function describeChange(before: ChangeView, after: ChangeView): string | null {
  const parts: string[] = [];
  if (before.startAt.getTime() !== after.startAt.getTime() || before.endAt.getTime() !== after.endAt.getTime()) {
    parts.push(`时间改为${shortTime(after.startAt)}`);
  }
  if (before.placeText !== after.placeText) parts.push(`地点改为${after.placeText || '待定'}`);
  if ((before.onlineUrl ?? '') !== (after.onlineUrl ?? '')) parts.push('线上会议链接有变化');
  if (before.title !== after.title) parts.push(`名称改为“${after.title}”`);
  return parts.length ? parts.join('；') : null;
}
