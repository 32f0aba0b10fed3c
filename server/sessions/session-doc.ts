/** Stored shapes of the sessions area and how they cross the boundary. */
import type {
  AttendanceStatus,
  AudienceType,
  MaterialLink,
  SessionKind,
  SessionRow,
  SessionState,
} from '../../typings/areas/sessions';

export type StoredPlace =
  { type: 'station'; stationId: string; name: string; address: string } | { type: 'address'; address: string };

/** A session. `_id` is `sessionIdOf(publisher, requestId)`. Its places are counted in `SeatDoc`s. */
export interface SessionDoc {
  _id: string;
  kind: SessionKind;
  title: string;
  agenda: string;
  startAt: Date;
  endAt: Date;
  place: StoredPlace | null;
  onlineUrl: string | null;
  capacity: number | null;
  /** How many counter documents (`SeatDoc`) hold its places; fixed at publishing. */
  seatShards: number;
  audience: { type: AudienceType; orgId: string; orgName: string };
  /** `b:<branch>` or `t:<node>`: what member lists query. */
  audienceKey: string;
  /** The node the session belongs to (its audience node) and its ancestors, for managers and statistics. */
  ownerPath: string[];
  /** The audience branch for a branch's own session (the cadence check counts these), else null. */
  branchId: string | null;
  materials: { text: string; links: MaterialLink[]; images: string[] };
  serviceHours: number | null;
  hasVote: boolean;
  /** Active members of the audience branch when published or last edited; null for open sessions. */
  expected: number | null;
  state: SessionState;
  cancelReason: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set while the tally is to be counted: from publishing, and again after a correction past the end. */
  tallyDue?: boolean;
  /** Bumped by every correction past the end, so a tally counted before it does not clear the mark. */
  tallyRevision?: number;
  /** Counted once after the end (sessions/tally.ts): the figures read these, never the records. */
  tally?: SessionTally | null;
  demo?: boolean;
}

/** A session's attendance, counted once it has ended. */
export interface SessionTally {
  /** Whom it was counted against: the branch's members when published, or (an open session) those signed up. */
  expected: number;
  attended: number;
  leave: number;
  /** Expected members (a branch's session) or those signed up (an open one) who neither came nor asked leave. */
  absent: number;
  /** Hours credited by a volunteer session: its hours × those who came; 0 for other kinds. */
  volunteerHours: number;
  countedAt: Date;
}

/**
 * One counter of a session's places; `_id` is `seatIdOf(sessionId, shard)`. Sign-ups serialise on
 * it: `taken` changes only inside a transaction that read it, and never passes `quota`.
 */
export interface SeatDoc {
  _id: string;
  sessionId: string;
  shard: number;
  /** Null for a session without a limit. */
  quota: number | null;
  taken: number;
}

/** How attendance was taken. */
export interface StoredCheckIn {
  method: 'qr' | 'hand';
  by: string;
  reason: string | null;
}

/**
 * One member's attendance at one session; `_id` is `attendanceIdOf(sessionId, memberId)`. Session
 * fields are copied in so a member's history and the statistics need no join.
 */
export interface AttendanceDoc {
  _id: string;
  sessionId: string;
  memberId: string;
  openid: string;
  memberName: string;
  memberBranchId: string | null;
  memberBranchName: string | null;
  partyStatus: 'full' | 'probationary';
  inflow: boolean;
  sessionKind: SessionKind;
  sessionTitle: string;
  sessionStartAt: Date;
  sessionEndAt: Date;
  sessionOwnerPath: string[];
  sessionAudienceType: AudienceType;
  /** The audience branch of a branch's own session, else null. */
  sessionBranchId: string | null;
  /** Hours a volunteer session credits; null for other kinds. */
  sessionServiceHours: number | null;
  status: AttendanceStatus;
  /** The counter (shard) holding this record's place, or null while it holds none. */
  seatShard: number | null;
  signedUpAt: Date | null;
  leaveReason: string | null;
  checkedInAt: Date | null;
  checkIn: StoredCheckIn | null;
  /** Filled once the ledger has credited the attendance. */
  points: { entryId: string; points: number; capped: boolean; reason: string | null } | null;
  /** Attended and owed an award the ledger has not made yet (see sessions/points.ts). */
  pointsPending?: boolean;
  /** Set when the session changed after this member signed up or asked leave, until they have seen it. */
  changed: boolean;
  changeNote: string | null;
  updatedAt: Date;
}

const iso = (d: Date) => d.toISOString();

/** One line for lists: station name, address, or 线上. */
export function placeText(s: Pick<SessionDoc, 'place' | 'onlineUrl'>): string {
  if (s.place?.type === 'station') return s.place.name;
  if (s.place?.type === 'address') return s.place.address;
  return s.onlineUrl ? '线上' : '';
}

export function toRow(s: SessionDoc, seatsTaken: number, myStatus: SessionRow['myStatus']): SessionRow {
  return {
    sessionId: s._id,
    kind: s.kind,
    title: s.title,
    startAt: iso(s.startAt),
    endAt: iso(s.endAt),
    placeText: placeText(s),
    state: s.state,
    audienceName: s.audience.orgName,
    capacity: s.capacity,
    seatsTaken,
    myStatus,
  };
}

export function withId<T extends { _id: string }>(doc: Omit<T, '_id'> | T, id: string): T {
  return { ...(doc as T), _id: id };
}
