/** Dates as a secretary reads them, in Beijing time whatever the phone's time zone. */
import { clockText, dayTextOf, partsOfIso } from '../../utils/shanghai-time';

/** '2024-05-01T02:00:00.000Z' → '2024年5月1日' (one copy, in utils/shanghai-time.ts). */
export const formatDay = dayTextOf;

/** An ISO time with the hour and minute: '2024年5月1日 10:00'. */
export function formatTime(iso: string | null | undefined): string {
  const day = formatDay(iso);
  if (!day || !iso || /^\d{4}-\d{2}-\d{2}$/.test(iso)) return day;
  return `${day} ${clockText(partsOfIso(iso)!)}`;
}

/** '2023-05' → '2023年5月'. */
export function formatMonth(month: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? `${m[1]}年${Number(m[2])}月` : (month ?? '');
}

/**
 * A personal mobile number as `138****5678`; other numbers (office landlines) unchanged. For the
 * few phones the contract sends in full that are not the member's own, e.g. the home contact.
 */
export function maskMobile(phone: string | null | undefined): string {
  const value = (phone ?? '').trim();
  return /^1\d{10}$/.test(value) ? `${value.slice(0, 3)}****${value.slice(7)}` : value;
}
