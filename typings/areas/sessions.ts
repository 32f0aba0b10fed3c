/**
 * Actions of the `sessions` function: study sessions and volunteer activities (三会一课, 主题党日,
 * 志愿服务…), sign-up with capacity, leave (请假), check-in by rotating QR code, attendance by hand,
 * the cadence to-do of a branch and attendance statistics. Dates cross as ISO 8601 strings.
 */
import type { Page, PageCursor } from '../paging';

/** Kinds of session (《中国共产党支部工作条例（试行）》 and local practice). */
export type SessionKind =
  | 'branch_assembly'
  | 'committee'
  | 'group'
  | 'lecture'
  | 'theme_day'
  | 'life_meeting'
  | 'appraisal'
  | 'volunteer'
  | 'training'
  | 'other';

export type SessionState = 'published' | 'cancelled';

/** Who a session is for: the members of one branch, or every mobile member under an organisation node. */
export type AudienceType = 'branch' | 'subtree';

export interface AudienceInput {
  type: AudienceType;
  /** The branch (type `branch`) or the node whose members are all invited (type `subtree`). */
  orgId: string;
}

/** A 流动党员服务管理站 from the organisation tree, or a plain address. */
export type PlaceInput = { type: 'station'; stationId: string } | { type: 'address'; address: string };

export interface MaterialLink {
  title: string;
  /** https only: shown to copy, the mini-program cannot open arbitrary web pages. */
  url: string;
}

export interface MaterialsInput {
  text?: string;
  links?: MaterialLink[];
  /** Cloud file IDs (`cloud://…`) of images uploaded beforehand. */
  images?: string[];
}

/** What a secretary or administrator fills in to publish (or edit) a session. */
export interface SessionInput {
  kind: SessionKind;
  title: string;
  agenda?: string;
  /** ISO 8601 with an offset, e.g. 2026-03-05T19:30:00+08:00. */
  startAt: string;
  endAt: string;
  /** Where it happens; a session may be online only, but needs a place or a link. */
  place?: PlaceInput;
  /** https link of an online meeting (腾讯会议…). */
  onlineUrl?: string;
  /** Places for sign-up; absent or null means no limit. */
  capacity?: number | null;
  audience: AudienceInput;
  materials?: MaterialsInput;
  /** Volunteer service only (required there): whole hours credited to each attendee (the ledger counts whole units). */
  serviceHours?: number;
  /** The meeting votes on the branch's business (选举、发展党员、评议); only for 党员大会, 支委会, 民主评议. */
  hasVote?: boolean;
}

/** The stored state of one member's attendance at one session. */
export type AttendanceStatus = 'signed_up' | 'cancelled' | 'leave' | 'attended';

/** How the caller stands towards a session, as shown to them. */
export type MyStatus = 'none' | 'signed_up' | 'leave' | 'attended' | 'absent';

/**
 * At a session that votes: 'voting', or attending without a vote (列席) because the member's
 * 组织关系 is at the home branch (流动党员 holding an activity certificate) or because they are a
 * probationary member (预备党员).
 */
export type VotingRight = 'voting' | 'observer_inflow' | 'observer_probationary';

export interface PlaceView {
  type: 'station' | 'address';
  /** The station's id (for editing), null for a plain address. */
  stationId: string | null;
  /** The station's name, or '' for a plain address. */
  name: string;
  address: string;
}

/** A session in a list. */
export interface SessionRow {
  sessionId: string;
  kind: SessionKind;
  title: string;
  startAt: string;
  endAt: string;
  /** One line: station name, address or 线上. */
  placeText: string;
  state: SessionState;
  audienceName: string;
  capacity: number | null;
  seatsTaken: number;
  /** The caller's own standing; null in the managers' list. */
  myStatus: MyStatus | null;
}

export interface SessionDetail extends SessionRow {
  agenda: string;
  place: PlaceView | null;
  onlineUrl: string | null;
  materials: { text: string; links: MaterialLink[]; images: string[] };
  serviceHours: number | null;
  hasVote: boolean;
  audience: { type: AudienceType; orgId: string; orgName: string };
  cancelReason: string | null;
  /** Bumped on every edit. */
  version: number;
  /** Check-in by QR code opens 30 minutes before the start and closes at the end. */
  checkInOpensAt: string;
  /** What the caller may do now (the server checks again on every call). */
  canSignUp: boolean;
  canCancelSignUp: boolean;
  canAskLeave: boolean;
  canCheckIn: boolean;
  canManage: boolean;
  myLeaveReason: string | null;
  myCheckedInAt: string | null;
  /** At a session that votes, the caller's right; null otherwise or for a non-member. */
  myVotingRight: VotingRight | null;
}

/** The caller's attendance record after an action. */
export interface MyAttendance {
  sessionId: string;
  status: AttendanceStatus;
  seatsTaken: number;
  capacity: number | null;
  leaveReason: string | null;
  checkedInAt: string | null;
}

/** The code a secretary's phone shows; fetch the next one at `refreshAt`. */
export interface CheckinCode {
  sessionId: string;
  token: string;
  /** The QR code of `token` as a PNG data URL, big enough to read from a metre away. */
  qrImage: string;
  refreshAt: string;
  periodSeconds: number;
  opensAt: string;
  closesAt: string;
  serverTime: string;
}

export interface CheckInResult {
  sessionId: string;
  title: string;
  checkedInAt: string;
  /** True when the member had already checked in: nothing changed. */
  alreadyCheckedIn: boolean;
  /** Points credited for this attendance (once), or null when none were (yet). */
  points: number | null;
  /** Chinese: why no points, or a cap that applied. */
  pointsNote: string | null;
  votingRight: VotingRight | null;
}

/** A member's line in the secretary's attendance list. */
export type RosterStatus = 'attended' | 'leave' | 'signed_up' | 'not_yet' | 'absent';

export interface RosterRow {
  memberId: string;
  name: string;
  branchName: string | null;
  status: RosterStatus;
  checkedInAt: string | null;
  /** 'qr' (scanned) or 'hand' (marked by the secretary); null when not attended. */
  method: 'qr' | 'hand' | null;
  /** The secretary's reason for a hand mark, or the member's reason for leave. */
  reason: string | null;
  votingRight: VotingRight | null;
  points: number | null;
}

export interface AttendanceSummary {
  /** Places taken by sign-up. */
  signedUp: number;
  attended: number;
  leave: number;
  /** Null before the end: nobody is absent yet. */
  absent: number | null;
  /** Members expected (the branch's active members); null for open sessions. */
  expected: number | null;
  ratePercent: number | null;
}

export interface Roster {
  session: SessionRow & { hasVote: boolean; ended: boolean };
  summary: AttendanceSummary;
  rows: Page<RosterRow>;
}

/** A session in a member's history. */
export interface HistoryRow {
  sessionId: string;
  kind: SessionKind;
  title: string;
  startAt: string;
  status: MyStatus;
  checkedInAt: string | null;
  points: number | null;
}

export interface AttendanceHistory {
  memberId: string;
  name: string;
  /** The calendar year the rate is for (Asia/Shanghai). */
  year: number;
  /** Sessions of the member's branch that have been held this year and that they were expected at. */
  held: number;
  attended: number;
  leave: number;
  absent: number;
  ratePercent: number | null;
  volunteerHours: number;
  items: Page<HistoryRow>;
}

export type CadencePeriod = 'month' | 'quarter' | 'year';
export type CadenceStatus = 'done' | 'scheduled' | 'missing' | 'not_required';

/** One required meeting of the branch in the current period (domain-rules.md, 三会一课). */
export interface CadenceItem {
  kind: SessionKind;
  period: CadencePeriod;
  /** '2026年3月', '2026年第一季度', '2026年'. */
  periodLabel: string;
  /** Last day of the period, YYYY-MM-DD (Asia/Shanghai). */
  periodEndsOn: string;
  daysLeft: number;
  /** Sessions already started in the period / published but still to come. */
  held: number;
  scheduled: number;
  status: CadenceStatus;
  /** Chinese: why it is not required, or what to do. */
  note: string | null;
}

export interface CadenceReport {
  branchId: string;
  branchName: string;
  asOf: string;
  items: CadenceItem[];
  /** How many items are missing: the number on the red dot. */
  missing: number;
}

export interface BranchStatsRow {
  branchId: string;
  branchName: string;
  sessionsHeld: number;
  attended: number;
  expected: number;
  ratePercent: number | null;
}

export interface NodeStats {
  orgId: string;
  orgName: string;
  /** YYYY-MM, inclusive. */
  fromMonth: string;
  toMonth: string;
  rows: BranchStatsRow[];
  totals: { sessionsHeld: number; attended: number; expected: number; ratePercent: number | null };
  /** Sessions open to everyone under the node (open lectures, volunteer activities). */
  openSessions: { held: number; attended: number };
}

/** A change to a session the caller signed up for (or asked leave from), until they have seen it. */
export interface SessionUpdate {
  sessionId: string;
  title: string;
  startAt: string;
  state: SessionState;
  /** Chinese, e.g. 时间改为3月5日 19:30 / 活动已取消：… */
  note: string;
}

export type ListTab = 'upcoming' | 'mine' | 'past';

export interface SessionsApi {
  publish: { input: SessionInput & { requestId: string }; output: SessionDetail };
  /** Edit a session before its end; the audience cannot change. Members signed up see the change. */
  update: { input: SessionInput & { sessionId: string }; output: SessionDetail };
  cancel: { input: { sessionId: string; reason: string }; output: SessionDetail };
  /** Sessions open to the caller: upcoming (soonest first), mine and past (newest first). */
  list: { input: { tab: ListTab; cursor?: PageCursor; limit?: number }; output: Page<SessionRow> };
  /** Sessions the caller manages (secretary or administrator). */
  managed: {
    input: { tab: 'upcoming' | 'past'; scopeId?: string; cursor?: PageCursor; limit?: number };
    output: Page<SessionRow>;
  };
  detail: { input: { sessionId: string }; output: SessionDetail };
  signUp: { input: { sessionId: string }; output: MyAttendance };
  cancelSignUp: { input: { sessionId: string }; output: MyAttendance };
  askLeave: { input: { sessionId: string; reason: string }; output: MyAttendance };
  checkinCode: { input: { sessionId: string }; output: CheckinCode };
  checkIn: { input: { token: string }; output: CheckInResult };
  roster: {
    input: { sessionId: string; status?: 'signed_up' | 'leave' | 'attended'; cursor?: PageCursor; limit?: number };
    output: Roster;
  };
  /** Attendance by hand, with the reason; an attended record cannot be taken back here. */
  mark: {
    input: { sessionId: string; memberId: string; status: 'attended' | 'leave'; reason: string };
    output: RosterRow;
  };
  /** The caller's history, or (for a manager) a member's. */
  history: { input: { memberId?: string; cursor?: PageCursor; limit?: number }; output: AttendanceHistory };
  cadence: { input: { branchId: string }; output: CadenceReport };
  nodeStats: { input: { orgId: string; fromMonth: string; toMonth: string }; output: NodeStats };
  updates: { input: Record<string, never>; output: { items: SessionUpdate[] } };
  ackUpdate: { input: { sessionId: string }; output: { acknowledged: boolean } };
}
