/** Points as people read them: signed numbers, Beijing dates, the terms of an item in words. */
import type { PointsCaps, PointsRuleView } from '../../../typings/areas/points';
import { UNIT_LABELS } from '../../constants/points';
import { dayTextOf, shanghaiDay } from '../../utils/shanghai-time';

/** '+3', '-2' or '0': the sign is part of what the member needs to see. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** '2026-03-05' or an ISO time → '2026年3月5日', in Beijing time; '' when unreadable (utils/shanghai-time.ts). */
export const formatDay = dayTextOf;

/** Today in Beijing as 'YYYY-MM-DD', for date pickers. */
export function todayInBeijing(now = Date.now()): string {
  return shanghaiDay(now);
}

/** The first day a claim may name: 1 January of last year (the server's limit). */
export function earliestClaimDay(now = Date.now()): string {
  return `${Number(todayInBeijing(now).slice(0, 4)) - 1}-01-01`;
}

/** '每次 +3 分', '每小时 +1 分', '每次扣 2 分'. */
export function pointsPerUnit(rule: Pick<PointsRuleView, 'points' | 'unit'>): string {
  const unit = UNIT_LABELS[rule.unit];
  return rule.points < 0 ? `每${unit}扣 ${-rule.points} 分` : `每${unit} +${rule.points} 分`;
}

/** '每天最多 8 分，每月最多 30 分'; '' when the item has no cap. */
export function capsText(caps: PointsCaps): string {
  const parts: string[] = [];
  if (caps.day !== null) parts.push(`每天最多 ${caps.day} 分`);
  if (caps.month !== null) parts.push(`每月最多 ${caps.month} 分`);
  if (caps.year !== null) parts.push(`每年最多 ${caps.year} 分`);
  return parts.join('，');
}
