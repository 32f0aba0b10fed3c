/**
 * Remote operations of the `sessions` function: lists, one session, sign-up and leave, check-in,
 * and the secretary's publishing, check-in code, attendance list, hand marking and cadence to-do.
 */
import type {
  ActionInput,
  AttendanceHistory,
  CadenceReport,
  CheckInResult,
  CheckinCode,
  ListTab,
  MyAttendance,
  NodeStats,
  Page,
  Roster,
  RosterRow,
  SessionDetail,
  SessionInput,
  SessionRow,
  SessionUpdate,
} from '../../typings';
import type { OrgNodeDetail } from '../../typings/areas/org';
import { backend } from '../config/backend';
import { callFunction, uploadToCloud } from './cloud';

/** Rows per page: a screenful or two. */
export const PAGE_SIZE = 20;

/** Sessions open to the caller, a page at a time. */
export function fetchSessions(tab: ListTab, cursor?: string | null): Promise<Page<SessionRow>> {
  return callFunction('sessions', 'list', cursor ? { tab, cursor, limit: PAGE_SIZE } : { tab, limit: PAGE_SIZE });
}

/** Sessions the caller manages (secretary, administrator). */
export function fetchManagedSessions(tab: 'upcoming' | 'past', cursor?: string | null): Promise<Page<SessionRow>> {
  const input: ActionInput<'sessions', 'managed'> = { tab, limit: PAGE_SIZE };
  if (cursor) input.cursor = cursor;
  return callFunction('sessions', 'managed', input);
}

export function fetchSessionDetail(sessionId: string): Promise<SessionDetail> {
  return callFunction('sessions', 'detail', { sessionId });
}

/** Publish; `requestId` is made once per form, so a double tap or a retry gives the same session. */
export function publishSession(input: SessionInput, requestId: string): Promise<SessionDetail> {
  return callFunction('sessions', 'publish', { ...input, requestId });
}

export function updateSession(sessionId: string, input: SessionInput): Promise<SessionDetail> {
  return callFunction('sessions', 'update', { ...input, sessionId });
}

export function cancelSession(sessionId: string, reason: string): Promise<SessionDetail> {
  return callFunction('sessions', 'cancel', { sessionId, reason: reason.trim() });
}

export function signUpForSession(sessionId: string): Promise<MyAttendance> {
  return callFunction('sessions', 'signUp', { sessionId });
}

export function cancelSessionSignUp(sessionId: string): Promise<MyAttendance> {
  return callFunction('sessions', 'cancelSignUp', { sessionId });
}

export function askSessionLeave(sessionId: string, reason: string): Promise<MyAttendance> {
  return callFunction('sessions', 'askLeave', { sessionId, reason: reason.trim() });
}

/** The code the secretary's phone shows now; fetch the next at `refreshAt`. */
export function fetchCheckinCode(sessionId: string): Promise<CheckinCode> {
  return callFunction('sessions', 'checkinCode', { sessionId });
}

/** Check in with the text of the scanned code. */
export function checkInWithCode(token: string): Promise<CheckInResult> {
  return callFunction('sessions', 'checkIn', { token: token.trim() });
}

export function fetchRoster(
  sessionId: string,
  status?: 'signed_up' | 'leave' | 'attended' | null,
  cursor?: string | null,
): Promise<Roster> {
  const input: ActionInput<'sessions', 'roster'> = { sessionId, limit: PAGE_SIZE };
  if (status) input.status = status;
  if (cursor) input.cursor = cursor;
  return callFunction('sessions', 'roster', input);
}

export function markAttendance(
  sessionId: string,
  memberId: string,
  status: 'attended' | 'leave',
  reason: string,
): Promise<RosterRow> {
  return callFunction('sessions', 'mark', { sessionId, memberId, status, reason: reason.trim() });
}

/** The caller's own attendance this year and their records (or a member's, for a manager). */
export function fetchAttendanceHistory(cursor?: string | null, memberId?: string): Promise<AttendanceHistory> {
  const input: ActionInput<'sessions', 'history'> = { limit: PAGE_SIZE };
  if (cursor) input.cursor = cursor;
  if (memberId) input.memberId = memberId;
  return callFunction('sessions', 'history', input);
}

export function fetchCadence(branchId: string): Promise<CadenceReport> {
  return callFunction('sessions', 'cadence', { branchId });
}

export function fetchNodeStats(orgId: string, fromMonth: string, toMonth: string): Promise<NodeStats> {
  return callFunction('sessions', 'nodeStats', { orgId, fromMonth, toMonth });
}

/** Changes to sessions the caller signed up for, not yet seen. */
export async function fetchSessionUpdates(): Promise<SessionUpdate[]> {
  const { items } = await callFunction('sessions', 'updates', {});
  return items;
}

export async function acknowledgeSessionUpdate(sessionId: string): Promise<void> {
  await callFunction('sessions', 'ackUpdate', { sessionId });
}

/**
 * Service stations for the place picker: those beside a branch (under its parent node), or those
 * directly under the node of an open session.
 */
export async function fetchStationsFor(audience: {
  type: 'branch' | 'subtree';
  orgId: string;
}): Promise<OrgNodeDetail['stations']> {
  let id = audience.orgId;
  if (audience.type === 'branch') {
    const node = await callFunction('org', 'get', { id: audience.orgId });
    id = node.parentId ?? node.id;
  }
  return (await callFunction('org', 'detail', { id })).stations;
}

/** Just the figures of a session (signed up, attended, on leave, absent), for the check-in screen. */
export async function fetchAttendanceSummary(sessionId: string): Promise<Roster['summary']> {
  return (await callFunction('sessions', 'roster', { sessionId, limit: 1 })).summary;
}

/** Images go to cloud storage first; only the cloud mode has it. */
export const canUploadImages = (): boolean => backend.mode === 'cloud';

/** Uploads a chosen image for a session's materials; resolves to its cloud file ID. */
export async function uploadSessionImage(filePath: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]+$/.exec(filePath)?.[0] ?? '.jpg';
  const cloudPath = `sessions/${Date.now()}-${Math.random().toString(36).slice(2, 10)}${ext}`;
  return uploadToCloud(cloudPath, filePath);
}
