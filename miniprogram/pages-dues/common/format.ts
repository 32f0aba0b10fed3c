/** Money and months as a member reads them. Money stays integer fen until it is shown. */
import { chineseDay, clockText, partsOfIso, shanghaiDay } from '../../utils/shanghai-time';

/** 400050 → '4,000.50' (integer arithmetic, no float). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What the person typed in 元 as integer fen: '4000' → 400000, '4000.5' → 400050, '0.2' → 20.
 * Null when it is not a plain amount with at most two decimals (no float is ever involved).
 */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** '2026-05' → '2026年5月'. */
export function monthText(month: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? `${m[1]}年${Number(m[2])}月` : (month ?? '');
}

/** Months as one short phrase: '2026年3月至2026年5月（3个月）', or the list when not consecutive. */
export function monthsText(months: readonly string[]): string {
  if (months.length === 0) return '';
  if (months.length === 1) return monthText(months[0]);
  const sorted = [...months].sort();
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const consecutive = sorted.every((m, i) => i === 0 || index(m) - index(sorted[i - 1]!) === 1);
  if (consecutive) return `${monthText(sorted[0])}至${monthText(sorted[sorted.length - 1])}（${sorted.length}个月）`;
  return sorted.map(monthText).join('、');
}

/** An ISO time in Beijing time: '2026年11月27日 12:05'. */
export function timeText(iso: string | null | undefined): string {
  const p = partsOfIso(iso);
  return p ? `${chineseDay(p)} ${clockText(p)}` : '';
}

/** '2026-11-27' → '2026年11月27日'. */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** When a receipt's money came in: the time for WeChat Pay, only the day entered for cash or a transfer. */
export function receivedText(r: { kind: 'payment' | 'reversal'; channel: string; paidAt: string; paidOn: string }) {
  return r.kind === 'payment' && r.channel !== 'wxpay' ? dayText(r.paidOn) : timeText(r.paidAt);
}

/** Today in Beijing time, 'YYYY-MM-DD'. */
export function todayText(now = Date.now()): string {
  return shanghaiDay(now);
}

/** The month `n` after (before, when negative) 'YYYY-MM'. */
export function addMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
