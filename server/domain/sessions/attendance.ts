/** Counting attendance: seats, the secretary's summary, a member's rate, voting rights. */
import type {
  AttendanceStatus,
  AttendanceSummary,
  AudienceType,
  MyStatus,
  RosterStatus,
  VotingRight,
} from '../../../typings/areas/sessions';

/** A seat may be taken while fewer than `capacity` are taken; no capacity means no limit. */
export function hasFreeSeat(capacity: number | null, taken: number): boolean {
  return capacity === null || taken < capacity;
}

/** Whole percent, capped at 100 (someone may attend without having been counted as expected); null for nothing expected. */
export function ratePercent(attended: number, expected: number): number | null {
  if (expected <= 0) return null;
  return Math.min(100, Math.round((attended * 100) / expected));
}

/** Per-status counts of a session's attendance records. */
export interface StatusCounts {
  signed_up: number;
  leave: number;
  attended: number;
}

/**
 * The secretary's figures for one session. Before the end nobody is absent yet. After it, for a
 * branch's own session the absent are the expected members who neither came nor asked leave; for
 * an open session (no fixed list of who should come) they are those who signed up and did not come.
 */
export function summarise(input: {
  audienceType: AudienceType;
  expected: number | null;
  seatsTaken: number;
  counts: StatusCounts;
  ended: boolean;
}): AttendanceSummary {
  const { counts, ended } = input;
  const expected = input.audienceType === 'branch' ? (input.expected ?? 0) : null;
  let absent: number | null = null;
  if (ended) {
    absent = expected !== null ? Math.max(0, expected - counts.attended - counts.leave) : counts.signed_up;
  }
  // For an open session the base is everyone who signed up or came: the signed-up who did not
  // come are still `signed_up`, everyone who came is `attended`.
  const base = expected !== null ? expected : counts.signed_up + counts.attended;
  return {
    signedUp: input.seatsTaken,
    attended: counts.attended,
    leave: counts.leave,
    absent,
    expected,
    ratePercent: ended ? ratePercent(counts.attended, base) : null,
  };
}

/** How a member's record reads in the secretary's list. */
export function rosterStatus(status: AttendanceStatus | null, ended: boolean): RosterStatus {
  switch (status) {
    case 'attended':
      return 'attended';
    case 'leave':
      return 'leave';
    case 'signed_up':
      return ended ? 'absent' : 'signed_up';
    default:
      return ended ? 'absent' : 'not_yet';
  }
}

/** How a member's own standing reads to them. */
export function myStatus(status: AttendanceStatus | null, ended: boolean, expected: boolean): MyStatus {
  switch (status) {
    case 'attended':
      return 'attended';
    case 'leave':
      return 'leave';
    case 'signed_up':
      return ended ? 'absent' : 'signed_up';
    default:
      return ended && expected ? 'absent' : 'none';
  }
}

/**
 * At a session that votes on the branch's business, who may vote. Holders of an activity
 * certificate take part in organisational life at the 流入地 but have no right to vote or stand
 * for election there (domain-rules.md); probationary members (预备党员) never vote.
 */
export function votingRightOf(
  session: { hasVote: boolean },
  member: { inflow: boolean; partyStatus: 'full' | 'probationary' },
): VotingRight | null {
  if (!session.hasVote) return null;
  if (member.partyStatus === 'probationary') return 'observer_probationary';
  if (member.inflow) return 'observer_inflow';
  return 'voting';
}

/**
 * A member registered here as 流动党员 keeps their 组织关系 with the home organisation named at
 * registration: at any branch of this system they are an inflow member.
 */
export function isInflowMember(member: { home?: { orgName?: string | null } | null }): boolean {
  return Boolean(member.home?.orgName);
}

/** A member's year: sessions held that they were expected at, and how they stood at each. */
export function memberRate(input: { held: number; attended: number; leave: number }): {
  absent: number;
  ratePercent: number | null;
} {
  const absent = Math.max(0, input.held - input.attended - input.leave);
  return { absent, ratePercent: ratePercent(input.attended, input.held) };
}
