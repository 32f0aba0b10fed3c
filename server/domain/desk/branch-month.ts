/**
 * One branch's month, as the desk keeps it (`desk_branch_months`): what the month's sessions,
 * dues records and ledger entries add up to for the branch. Pure: the counts come from a few
 * aggregations over the branch's own records (server/desk/branch-months.ts); figures of any node
 * and period are then sums of these.
 */
import type { PointsCategory } from '../../../typings/areas/points';
import type { CadenceItem, SessionKind } from '../../../typings/areas/sessions';
import { addMonths } from '../dues/months';
import { arrearsBand, unpaidRunBefore } from '../dues/arrears';
import { SESSION_KINDS } from '../sessions/kinds';
import { CATEGORY_LABELS } from '../points/rules';

export const POINTS_CATEGORIES = Object.keys(CATEGORY_LABELS) as PointsCategory[];

export type ArrearsCounts = { '1': number; '3': number; '5': number; '6+': number };

export interface BranchMonthFigures {
  /** Active members when counted (the month's end for a closed month). */
  members: number;
  life: {
    held: number;
    heldByKind: Record<SessionKind, number>;
    cadenceDue: number;
    cadenceMet: number;
    expected: number;
    attended: number;
    leave: number;
    absentAll: number;
  };
  dues: {
    owing: number;
    paid: number;
    paidOnTime: number;
    waived: number;
    dueFen: number;
    receivedFen: number;
    arrears: ArrearsCounts;
  };
  vanguard: {
    points: number;
    byCategory: Record<PointsCategory, number>;
    membersWithPoints: number;
    volunteerHours: number;
    volunteerTimes: number;
  };
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The cadence rules whose period ends in `month` (quarterly ones in Mar/Jun/Sep/Dec, yearly in Dec). */
export function cadenceOfMonth(items: readonly CadenceItem[], month: string): { due: number; met: number } {
  const m = Number(month.slice(5));
  const ends = (i: CadenceItem) => i.period === 'month' || (i.period === 'quarter' && m % 3 === 0) || m === 12;
  const counted = items.filter((i) => ends(i) && i.status !== 'not_required');
  return { due: counted.length, met: counted.filter((i) => i.status === 'done').length };
}

/**
 * Members in each arrears band at the month's end: a closed month counts itself when unpaid; the
 * month still open does not (it is not arrears yet), as on the branch's board.
 */
export function arrearsAtEnd(
  unpaidByMember: readonly (readonly string[])[],
  month: string,
  final: boolean,
): ArrearsCounts {
  const counts: ArrearsCounts = { '1': 0, '3': 0, '5': 0, '6+': 0 };
  const before = final ? addMonths(month, 1) : month;
  for (const months of unpaidByMember) {
    const band = arrearsBand(unpaidRunBefore(before, months));
    if (band !== 'none') counts[band] += 1;
  }
  return counts;
}

export interface LifeInput {
  /** The branch's own sessions that started in the month and by now. */
  sessions: readonly {
    kind: SessionKind;
    tally?: { expected: number; attended: number; leave: number } | null;
  }[];
  cadence: { due: number; met: number };
  /** Whether the month held a session its members were expected at, and how many members neither came nor asked leave to any. */
  absentAll: number;
}

export function lifeOfMonth(input: LifeInput): BranchMonthFigures['life'] {
  const heldByKind = zeros(SESSION_KINDS);
  let expected = 0;
  let attended = 0;
  let leave = 0;
  for (const s of input.sessions) {
    heldByKind[s.kind] += 1;
    // Only counted sessions (ended, tallied) add to attendance, so the rate never counts a session twice or half.
    if (s.tally) {
      expected += s.tally.expected;
      attended += s.tally.attended;
      leave += s.tally.leave;
    }
  }
  return {
    held: input.sessions.length,
    heldByKind,
    cadenceDue: input.cadence.due,
    cadenceMet: input.cadence.met,
    expected,
    attended,
    leave,
    absentAll: input.absentAll,
  };
}

export type DuesStateGroup = {
  state: 'due' | 'reduced' | 'waived' | 'paid';
  onTime: boolean | null;
  n: number;
  fen: number;
};

export function duesOfMonth(
  groups: readonly DuesStateGroup[],
  receivedFen: number,
  arrears: ArrearsCounts,
): BranchMonthFigures['dues'] {
  const dues = { owing: 0, paid: 0, paidOnTime: 0, waived: 0, dueFen: 0, receivedFen, arrears };
  for (const g of groups) {
    if (g.state === 'waived') {
      dues.waived += g.n;
      continue;
    }
    dues.owing += g.n;
    dues.dueFen += g.fen;
    if (g.state === 'paid') {
      dues.paid += g.n;
      if (g.onTime) dues.paidOnTime += g.n;
    }
  }
  return dues;
}

export function vanguardOfMonth(
  entries: readonly { memberId: string; category: PointsCategory; points: number }[],
  volunteer: { hours: number; times: number },
): BranchMonthFigures['vanguard'] {
  const byCategory = zeros(POINTS_CATEGORIES);
  const withPoints = new Set<string>();
  let points = 0;
  for (const e of entries) {
    byCategory[e.category] = (byCategory[e.category] ?? 0) + e.points;
    points += e.points;
    if (e.points !== 0) withPoints.add(e.memberId);
  }
  return {
    points,
    byCategory,
    membersWithPoints: withPoints.size,
    volunteerHours: Math.round(volunteer.hours * 10) / 10,
    volunteerTimes: volunteer.times,
  };
}
