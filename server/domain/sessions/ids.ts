/** Deterministic ids of the sessions area: a retried publish or check-in cannot make a second record. */
import { createHash } from 'node:crypto';

/** A session exists once per publisher and the request id their form generated. */
export function sessionIdOf(openid: string, requestId: string): string {
  return `ses_${createHash('sha256').update(`${openid}\u0000${requestId}`).digest('hex').slice(0, 24)}`;
}

/** The counter documents of a session's places, numbered from 0. */
export const seatIdOf = (sessionId: string, shard: number) => `${sessionId}#${shard}`;

/** One attendance record per session and member. */
export const attendanceIdOf = (sessionId: string, memberId: string) => `${sessionId}~${memberId}`;

/** The single key a session is listed under: one branch's members, or everyone under a node. */
export const audienceKeyOf = (type: 'branch' | 'subtree', orgId: string) => `${type === 'branch' ? 'b' : 't'}:${orgId}`;

/** The keys under which sessions open to a member of this branch are listed. */
export function audienceKeysOfMember(member: { branchId: string | null; orgPath: readonly string[] }): string[] {
  if (!member.branchId) return [];
  return [audienceKeyOf('branch', member.branchId), ...member.orgPath.map((id) => audienceKeyOf('subtree', id))];
}
