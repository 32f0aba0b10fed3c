/** What a member's stored months say: arrears, paid-through, the months on offer. Pure. */
import type { ArrearsBand, PayChoice } from '../../typings/areas/dues';
import {
  ARREARS_FOLLOW_UP,
  MAX_PREPAY_MONTHS,
  MAX_ARREARS_MONTHS,
  addMonths,
  arrearsBand,
  compareMonths,
  monthRange,
  unpaidRunBefore,
} from '../domain/dues';
import { amountForMonth } from './amounts';
import type { DuesMonthDoc } from './docs';
import { HISTORY_MONTHS, UNPAID_STATES, windowStart } from './records';
import type { DuesMember } from './standing';

export const PAY_RULE =
  `党费按月交纳。补交欠交的党费最多补交 ${MAX_ARREARS_MONTHS} 个月，预交最多预交 ${MAX_PREPAY_MONTHS} 个月；` +
  '请从最早欠交的月份起按顺序交纳。更早的欠交请联系所在党支部。';

const isUnpaid = (d: DuesMonthDoc) => (UNPAID_STATES as readonly string[]).includes(d.state);

/** Unpaid months up to `current`, oldest first. */
export function unpaidMonthsOf(known: Map<string, DuesMonthDoc>, current: string): string[] {
  return [...known.values()]
    .filter((d) => isUnpaid(d) && compareMonths(d.month, current) <= 0)
    .map((d) => d.month)
    .sort(compareMonths);
}

export function bandOf(known: Map<string, DuesMonthDoc>, current: string): { band: ArrearsBand; run: number } {
  const run = unpaidRunBefore(current, unpaidMonthsOf(known, current));
  return { band: arrearsBand(run), run };
}

export const bandLabel = (band: ArrearsBand) => ARREARS_FOLLOW_UP[band].label;

/**
 * The last month up to which everything owed is settled (paid or waived), walking from the first
 * owed month; months with no amount in force are not owed and are stepped over.
 */
export function paidThroughOf(dm: DuesMember, known: Map<string, DuesMonthDoc>, current: string): string | null {
  if (!dm.owesFrom) return null;
  const floor = addMonths(current, -HISTORY_MONTHS);
  const start = compareMonths(dm.owesFrom, floor) > 0 ? dm.owesFrom : floor;
  let through: string | null = null;
  for (const month of monthRange(start, addMonths(current, MAX_PREPAY_MONTHS))) {
    const rec = known.get(month);
    if (rec) {
      if (isUnpaid(rec)) break;
      through = month;
      continue;
    }
    if (compareMonths(month, current) > 0) break;
    if (amountForMonth(dm.profile, month) !== null) break;
  }
  return through;
}

/**
 * The months on offer: the payable window's arrears, this month, and up to six ahead, each with its
 * amount; paid and waived ones are shown but not selectable.
 */
export function payChoicesOf(dm: DuesMember, known: Map<string, DuesMonthDoc>, current: string): PayChoice[] {
  if (dm.standing !== 'owes_here') return [];
  const choices: PayChoice[] = [];
  for (const month of monthRange(windowStart(dm, current), addMonths(current, MAX_PREPAY_MONTHS))) {
    const cmp = compareMonths(month, current);
    const kind: PayChoice['kind'] = cmp < 0 ? 'arrears' : cmp === 0 ? 'current' : 'ahead';
    const rec = known.get(month);
    if (rec) {
      const payable = isUnpaid(rec) && rec.amountFen > 0;
      const note = rec.state === 'paid' ? '已交纳' : rec.state === 'waived' ? '已免交' : '';
      choices.push({ month, amountFen: rec.amountFen, kind, payable, note });
      continue;
    }
    if (cmp <= 0) continue; // not owed (no amount in force then)
    const amount = amountForMonth(dm.profile, month);
    if (!amount) continue;
    const payable = amount.amountFen > 0;
    choices.push({ month, amountFen: amount.amountFen, kind, payable, note: payable ? '' : '已免交' });
  }
  return choices;
}
