import { compareMonths, isMonth } from './months';
import { formatFen } from './money';

/**
 * A hardship decision: the branch reduces or waives dues for a span of months, which the 2008 rules
 * allow only with the next level's approval, so who decided, who approved and why are all required.
 */
export interface DuesRelief {
  kind: 'reduce' | 'waive';
  fromMonth: string;
  /** Last month covered, inclusive; open-ended when absent (until a new decision). */
  toMonth?: string;
  /** For 'reduce': the reduced monthly amount in fen; never raises the standard amount. */
  reducedAmountFen?: number;
  reason: string;
  /** Who decided at the branch (e.g. the secretary's member id). */
  decidedBy: string;
  /** Who approved at the next level. */
  approvedBy: string;
}

/** Validates a relief before it is recorded, so stored decisions always carry months, who and why. */
export function checkRelief(relief: DuesRelief): { ok: true } | { ok: false; field: keyof DuesRelief; reason: string } {
  if (relief.kind !== 'reduce' && relief.kind !== 'waive') {
    return { ok: false, field: 'kind', reason: '请选择减交或免交。' };
  }
  if (!isMonth(relief.fromMonth)) return { ok: false, field: 'fromMonth', reason: '请填写有效的起始月份（YYYY-MM）。' };
  if (relief.toMonth !== undefined) {
    if (!isMonth(relief.toMonth)) return { ok: false, field: 'toMonth', reason: '请填写有效的截止月份（YYYY-MM）。' };
    if (compareMonths(relief.toMonth, relief.fromMonth) < 0) {
      return { ok: false, field: 'toMonth', reason: '截止月份不能早于起始月份。' };
    }
  }
  if (relief.kind === 'reduce') {
    const fen = relief.reducedAmountFen;
    if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) {
      return { ok: false, field: 'reducedAmountFen', reason: '请填写减交后的每月金额（以“分”为单位的非负整数）。' };
    }
  }
  if (!relief.reason?.trim()) return { ok: false, field: 'reason', reason: '减免党费须记录原因。' };
  if (!relief.decidedBy?.trim()) return { ok: false, field: 'decidedBy', reason: '请记录作出减免决定的党支部负责人。' };
  if (!relief.approvedBy?.trim())
    return { ok: false, field: 'approvedBy', reason: '减免党费须经上级党组织批准，请记录批准人。' };
  return { ok: true };
}

/** The amount owed after relief, with the standard amount and the decision, so a bill can explain it. */
export interface RelievedAmount {
  amountFen: number;
  standardFen: number;
  relief: DuesRelief | null;
  /** Chinese, empty when no relief applies. */
  explanation: string;
}

/**
 * Applies the relief covering `month` to the standard amount. When decisions overlap, the one starting
 * latest wins (ties: the later in the array), since a newer decision replaces an older one.
 */
export function applyRelief(month: string, standardFen: number, reliefs: readonly DuesRelief[]): RelievedAmount {
  let chosen: DuesRelief | null = null;
  for (const relief of reliefs) {
    const check = checkRelief(relief);
    if (!check.ok) throw new RangeError(`applyRelief: invalid stored relief (${check.field})`);
    const covers =
      compareMonths(relief.fromMonth, month) <= 0 &&
      (relief.toMonth === undefined || compareMonths(month, relief.toMonth) <= 0);
    if (covers && (!chosen || compareMonths(relief.fromMonth, chosen.fromMonth) >= 0)) chosen = relief;
  }
  if (!chosen) return { amountFen: standardFen, standardFen, relief: null, explanation: '' };
  if (chosen.kind === 'waive') {
    return { amountFen: 0, standardFen, relief: chosen, explanation: `经批准免交党费（原因：${chosen.reason}）。` };
  }
  const amountFen = Math.min(standardFen, chosen.reducedAmountFen ?? standardFen);
  return {
    amountFen,
    standardFen,
    relief: chosen,
    explanation: `经批准减交党费，由 ${formatFen(standardFen)} 元减为 ${formatFen(amountFen)} 元（原因：${chosen.reason}）。`,
  };
}
