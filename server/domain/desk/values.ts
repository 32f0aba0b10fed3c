/**
 * Figure values from the counts they are defined on: the one place a rate's numerator and
 * denominator are chosen. The same function serves a node's desk, each row of a ranking and each
 * row of a report, so a figure means the same thing wherever it is read.
 */
import type { PointsCategory } from '../../../typings/areas/points';
import type { SessionKind } from '../../../typings/areas/sessions';
import { SESSION_KINDS } from '../sessions/kinds';
import { POINTS_CATEGORIES, type BranchMonthFigures } from './branch-month';
import { countedFor, FIGURES, rateOf, type FigureId } from './figures';
import type { ReportPeriodKind } from './periods';

/** 覆盖, counted now. */
export interface CoverageCounts {
  found: number;
  pending: number;
  assigned: number;
  sentBack: number;
  lostContact: number;
  pendingMedianDays: number | null;
  pendingOldestDays: number | null;
}

/** Sums over the period (branch months, or a week's sessions); "end" fields are the last month's. */
export interface ActivitySums {
  held: number;
  heldByKind: Record<SessionKind, number>;
  cadenceDue: number;
  cadenceMet: number;
  expected: number;
  attended: number;
  leave: number;
  absentAll: number;
  membersAtEnd: number;
  owingAtEnd: number;
  owingMonths: number;
  paidMonths: number;
  paidOnTime: number;
  dueFen: number;
  receivedFen: number;
  arrears1: number;
  arrears3: number;
  arrears5: number;
  arrears6: number;
  points: number;
  byCategory: Record<PointsCategory, number>;
  noPoints: number;
  volunteerHours: number;
  volunteerTimes: number;
}

/** Sums of nothing: a node with nothing under it yet. */
export const emptyActivity = (): ActivitySums => ({
  held: 0,
  heldByKind: Object.fromEntries(SESSION_KINDS.map((k) => [k, 0])) as ActivitySums['heldByKind'],
  cadenceDue: 0,
  cadenceMet: 0,
  expected: 0,
  attended: 0,
  leave: 0,
  absentAll: 0,
  membersAtEnd: 0,
  owingAtEnd: 0,
  owingMonths: 0,
  paidMonths: 0,
  paidOnTime: 0,
  dueFen: 0,
  receivedFen: 0,
  arrears1: 0,
  arrears3: 0,
  arrears5: 0,
  arrears6: 0,
  points: 0,
  byCategory: Object.fromEntries(POINTS_CATEGORIES.map((c) => [c, 0])) as ActivitySums['byCategory'],
  noPoints: 0,
  volunteerHours: 0,
  volunteerTimes: 0,
});

export type FigureValues = Partial<Record<FigureId, number | null>>;

const rate = (n: number, d: number) => rateOf(n, d, '').permille;

export function coverageValues(c: CoverageCounts): FigureValues {
  const registered = c.pending + c.assigned;
  return {
    'coverage.found': c.found,
    'coverage.registered': registered,
    'coverage.assigned': c.assigned,
    'coverage.registrationRate': rate(registered, c.found),
    'coverage.assignmentRate': rate(c.assigned, registered),
    'coverage.pending': c.pending,
    'coverage.pendingMedianDays': c.pendingMedianDays,
    'coverage.pendingOldestDays': c.pendingOldestDays,
    'coverage.sentBack': c.sentBack,
    'coverage.lostContact': c.lostContact,
  };
}

export function activityValues(a: ActivitySums, kind: ReportPeriodKind): FigureValues {
  const all: FigureValues = {
    'life.held': a.held,
    'life.cadenceRate': rate(a.cadenceMet, a.cadenceDue),
    'life.attendanceRate': rate(a.attended, a.expected),
    'life.leave': a.leave,
    'life.absentAll': a.absentAll,
    'dues.owing': a.owingAtEnd,
    'dues.paidRate': rate(a.paidMonths, a.owingMonths),
    'dues.paidOnTime': a.paidOnTime,
    'dues.arrears1': a.arrears1,
    'dues.arrears3': a.arrears3,
    'dues.arrears5': a.arrears5,
    'dues.arrears6': a.arrears6,
    'dues.dueFen': a.dueFen,
    'dues.receivedFen': a.receivedFen,
    'vanguard.points': a.points,
    'vanguard.pointsPerMember': a.membersAtEnd > 0 ? Math.round((a.points * 10) / a.membersAtEnd) / 10 : null,
    'vanguard.noPoints': a.noPoints,
    'vanguard.volunteerHours': Math.round(a.volunteerHours * 10) / 10,
    'vanguard.volunteerTimes': a.volunteerTimes,
  };
  const counted: FigureValues = {};
  for (const f of FIGURES) if (f.id in all && countedFor(f, kind)) counted[f.id] = all[f.id] ?? null;
  return counted;
}

/**
 * Add one branch month into a node's sums: the same definitions the desk's aggregation applies
 * on the database (server/desk/activity.ts), for a report that sums every node at once.
 */
export function addBranchMonth(sums: ActivitySums, doc: BranchMonthFigures, isLastMonth: boolean): void {
  sums.held += doc.life.held;
  for (const k of SESSION_KINDS) sums.heldByKind[k] += doc.life.heldByKind[k] ?? 0;
  sums.cadenceDue += doc.life.cadenceDue;
  sums.cadenceMet += doc.life.cadenceMet;
  sums.expected += doc.life.expected;
  sums.attended += doc.life.attended;
  sums.leave += doc.life.leave;
  sums.absentAll += doc.life.absentAll;
  sums.owingMonths += doc.dues.owing;
  sums.paidMonths += doc.dues.paid;
  sums.paidOnTime += doc.dues.paidOnTime;
  sums.dueFen += doc.dues.dueFen;
  sums.receivedFen += doc.dues.receivedFen;
  sums.points += doc.vanguard.points;
  for (const c of POINTS_CATEGORIES) sums.byCategory[c] += doc.vanguard.byCategory[c] ?? 0;
  sums.noPoints += doc.members - doc.vanguard.membersWithPoints;
  sums.volunteerHours += doc.vanguard.volunteerHours;
  sums.volunteerTimes += doc.vanguard.volunteerTimes;
  if (isLastMonth) {
    sums.membersAtEnd += doc.members;
    sums.owingAtEnd += doc.dues.owing;
    sums.arrears1 += doc.dues.arrears['1'];
    sums.arrears3 += doc.dues.arrears['3'];
    sums.arrears5 += doc.dues.arrears['5'];
    sums.arrears6 += doc.dues.arrears['6+'];
  }
}

/** Add one counted branch session into a week's sums (as the desk's weekly aggregation does). */
export function addWeekSession(
  sums: ActivitySums,
  s: { kind: SessionKind; tally?: { expected: number; attended: number; leave: number } | null },
): void {
  sums.held += 1;
  sums.heldByKind[s.kind] += 1;
  if (s.tally) {
    sums.expected += s.tally.expected;
    sums.attended += s.tally.attended;
    sums.leave += s.tally.leave;
  }
}
