/** Per-branch statistics as an administrator reads them. */
import type { NodeStats } from '../../../typings';
import { shanghaiMonth } from '../../utils/shanghai-time';

export type Span = 'month' | 'year';

/** 'YYYY-MM' of now in Beijing time, and January of the same year. */
export function monthsOf(span: Span, now = new Date()): { from: string; to: string } {
  const to = shanghaiMonth(now);
  return { from: span === 'year' ? `${to.slice(0, 4)}-01` : to, to };
}

export interface RowView {
  branchId: string;
  branchName: string;
  held: number;
  line: string;
  warn: boolean;
}

export const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

export function toRows(stats: NodeStats): RowView[] {
  return stats.rows.map((r) => ({
    branchId: r.branchId,
    branchName: r.branchName,
    held: r.sessionsHeld,
    line:
      r.sessionsHeld === 0
        ? '还没有开过会'
        : `开会 ${r.sessionsHeld} 次，应到 ${r.expected} 人次，实到 ${r.attended} 人次，出勤率 ${rate(r.ratePercent)}`,
    warn: r.sessionsHeld === 0,
  }));
}
