import { compareMonths, isMonth, yearOfMonth } from './months';

/**
 * One monthly amount in a member's dues history, computed from a declared base by quoteMonthlyDues.
 *
 * The model, in four rules:
 * 1. Only confirmed records count; a declaration the branch has not confirmed changes nothing.
 * 2. A record applies from its effectiveMonth on, until a later record takes over. Two records for the
 *    same month: the later one in the array supersedes the earlier (that is how a mistake is corrected).
 * 3. Yearly fixing: the amount in force in January of a year (the latest record effective in or before
 *    that January) applies to the whole year, unless a confirmed change takes effect mid-year: then
 *    the new amount applies from that month on. This is the default, "a change of pay changes it
 *    from that month on".
 * 4. fixedForYear: the branch fixed this amount for the rest of the calendar year of its
 *    effectiveMonth. Records effective later in that same year do not apply in it; they are not lost,
 *    they take effect from the next January (rule 3 picks the latest record at the year's start).
 *    A branch that fixes yearly records each January's amount with fixedForYear: true.
 */
export interface DuesAmountRecord {
  effectiveMonth: string;
  amountFen: number;
  confirmed: boolean;
  fixedForYear?: boolean;
}

/** The record per month after corrections: the last one in array order wins. */
function confirmedByMonth(history: readonly DuesAmountRecord[]): DuesAmountRecord[] {
  const byMonth = new Map<string, DuesAmountRecord>();
  for (const record of history) {
    if (!isMonth(record.effectiveMonth)) {
      throw new RangeError(`dues history: bad effectiveMonth ${String(record.effectiveMonth)}`);
    }
    if (!Number.isSafeInteger(record.amountFen) || record.amountFen < 0) {
      throw new RangeError(`dues history: bad amountFen ${String(record.amountFen)}`);
    }
    if (record.confirmed === true) byMonth.set(record.effectiveMonth, record);
  }
  return [...byMonth.values()].sort((a, b) => compareMonths(a.effectiveMonth, b.effectiveMonth));
}

/**
 * The monthly amount owed for `month` under the yearly-fixing model of DuesAmountRecord, or null when
 * no confirmed amount is in force yet (the member has no confirmed dues profile for that month).
 */
export function monthlyAmountFor(month: string, history: readonly DuesAmountRecord[]): number | null {
  if (!isMonth(month)) throw new RangeError(`monthlyAmountFor: bad month ${String(month)}`);
  const year = yearOfMonth(month);
  let inForce: DuesAmountRecord | null = null;
  let lockedForYear = false;
  for (const record of confirmedByMonth(history)) {
    if (compareMonths(record.effectiveMonth, month) > 0) break;
    const recordYear = yearOfMonth(record.effectiveMonth);
    if (recordYear < year) {
      inForce = record;
      continue;
    }
    if (lockedForYear) break;
    inForce = record;
    if (record.fixedForYear === true) lockedForYear = true;
  }
  return inForce ? inForce.amountFen : null;
}
