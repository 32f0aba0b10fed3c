/**
 * When things may be done to a session. Check-in opens shortly before the start (people arrive
 * early) and closes at the end; sign-up, cancelling it and asking leave close at the start; a
 * secretary may still mark attendance by hand for a while after the end (补登).
 */

/** Check-in by QR code opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000;
/** The check-in code changes this often; a code is accepted in its own window and the next. */
export const CHECKIN_CODE_PERIOD_SECONDS = 30;
/** How long after the end a secretary may still mark attendance by hand. */
export const HAND_MARK_DAYS_AFTER_END = 30;
/** A session may be recorded up to this long after it started (补录 a meeting held offline). */
export const BACKDATE_LIMIT_DAYS = 30;
/** No session is published more than this far ahead, nor lasts longer than this. */
export const MAX_DAYS_AHEAD = 366;
export const MAX_DURATION_HOURS = 7 * 24;

const DAY_MS = 24 * 3600 * 1000;

export interface SessionTimes {
  startAt: Date;
  endAt: Date;
}

export function checkinOpensAt(s: SessionTimes): Date {
  return new Date(s.startAt.getTime() - CHECKIN_OPENS_BEFORE_MS);
}

export type CheckinPhase = 'not_open' | 'open' | 'closed';

/** Open from `checkinOpensAt` (inclusive) to the end (exclusive). */
export function checkinPhase(s: SessionTimes, now: Date): CheckinPhase {
  if (now.getTime() < checkinOpensAt(s).getTime()) return 'not_open';
  if (now.getTime() >= s.endAt.getTime()) return 'closed';
  return 'open';
}

/** Sign-up, cancelling it and asking leave are possible until the start. */
export function beforeStart(s: SessionTimes, now: Date): boolean {
  return now.getTime() < s.startAt.getTime();
}

export function hasEnded(s: SessionTimes, now: Date): boolean {
  return now.getTime() >= s.endAt.getTime();
}

/** Hand marks are accepted from the opening of check-in to some days after the end. */
export function handMarkOpen(s: SessionTimes, now: Date): 'early' | 'open' | 'late' {
  if (now.getTime() < checkinOpensAt(s).getTime()) return 'early';
  if (now.getTime() >= s.endAt.getTime() + HAND_MARK_DAYS_AFTER_END * DAY_MS) return 'late';
  return 'open';
}

/** Why proposed times are not acceptable (Chinese), or null when they are. */
export function timesProblem(s: SessionTimes, now: Date): string | null {
  const start = s.startAt.getTime();
  const end = s.endAt.getTime();
  if (end <= start) return '结束时间须晚于开始时间';
  if (end - start > MAX_DURATION_HOURS * 3600 * 1000) return '一次活动最长 7 天';
  if (start < now.getTime() - BACKDATE_LIMIT_DAYS * DAY_MS) return `开始时间最早只能是 ${BACKDATE_LIMIT_DAYS} 天前`;
  if (start > now.getTime() + MAX_DAYS_AHEAD * DAY_MS) return '开始时间不能超过一年以后';
  return null;
}

/** The window of the rotating check-in code containing `now`, aligned to the Unix epoch. */
export interface CodeWindow {
  index: number;
  startsAt: Date;
  endsAt: Date;
  acceptUntil: Date;
}

/**
 * Validity of the check-in code shown now: its rotation window (plus one window of grace),
 * clipped to the session's check-in window so that no code outlives the end. Null when too
 * little of the check-in window is left to sign a code for (tokens count whole seconds).
 */
export function checkinCodeValidity(
  s: SessionTimes,
  window: CodeWindow,
): { notBefore: Date; expiresAt: Date; refreshAt: Date } | null {
  const opens = checkinOpensAt(s).getTime();
  const notBefore = Math.max(window.startsAt.getTime(), opens);
  const expiresAt = Math.min(window.acceptUntil.getTime(), s.endAt.getTime());
  if (Math.floor(expiresAt / 1000) <= Math.ceil(notBefore / 1000)) return null;
  return {
    notBefore: new Date(notBefore),
    expiresAt: new Date(expiresAt),
    refreshAt: new Date(Math.min(window.endsAt.getTime(), s.endAt.getTime())),
  };
}
