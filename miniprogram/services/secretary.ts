/**
 * Remote operations of the `member` function for secretaries and administrators: the registration
 * queue, branch lists, assignment, later state changes, pairing, 摸排 imports and certificate checks.
 * Lists carry masked identifiers only; the full values come from `revealMemberIdentity`, which the
 * server writes to the audit log.
 */
import type {
  ActionInput,
  ActionOutput,
  BranchSuggestion,
  ImportRow,
  Industry,
  MemberDetail,
  MemberRow,
  MemberState,
  Page,
} from '../../typings';
import { callFunction } from './cloud';

/** Rows per page of the secretary's lists: a screenful or two, small enough for a slow network. */
export const PAGE_SIZE = 20;

/** What the branch list can be narrowed by; empty fields mean "all". */
export interface BranchMemberFilters {
  branchId: string;
  name?: string;
  state?: MemberState;
  industry?: Industry;
  cursor?: string | null;
  limit?: number;
}

/** The new states a secretary may set on an assigned member. */
export type StateChangeTarget = ActionInput<'member', 'changeState'>['to'];

/** The outcome of a 摸排 import, one entry per submitted row (row numbers start at 1). */
export type ImportResult = ActionOutput<'member', 'importRows'>['results'][number];

/** What the certificate check says about a scanned code. */
export type CertificateCheck = ActionOutput<'member', 'verifyCertificate'>;

/**
 * One page of the registrations waiting for the caller, or of those sent back to be corrected
 * (pass back `nextCursor` for the next).
 */
export function fetchPendingQueue(
  cursor?: string | null,
  limit = PAGE_SIZE,
  state: 'pending' | 'sent_back' = 'pending',
): Promise<Page<MemberRow>> {
  const input = cursor ? { cursor, limit } : { limit };
  return callFunction('member', 'pendingQueue', state === 'sent_back' ? { ...input, state } : input);
}

/** One page of a branch's members, narrowed by name, state and industry when given. */
export function fetchBranchMembers(filters: BranchMemberFilters): Promise<Page<MemberRow>> {
  const input: ActionInput<'member', 'branchMembers'> = {
    branchId: filters.branchId,
    limit: filters.limit ?? PAGE_SIZE,
  };
  const name = filters.name?.trim();
  if (name) input.name = name;
  if (filters.state) input.state = filters.state;
  if (filters.industry) input.industry = filters.industry;
  if (filters.cursor) input.cursor = filters.cursor;
  return callFunction('member', 'branchMembers', input);
}

/** One member, identifiers masked, with the history of state changes. */
export function fetchMemberDetail(memberId: string): Promise<MemberDetail> {
  return callFunction('member', 'detail', { memberId });
}

/** The full 身份证号 and phone, once; the server records who asked and why. */
export function revealMemberIdentity(memberId: string, reason: string): Promise<ActionOutput<'member', 'reveal'>> {
  return callFunction('member', 'reveal', { memberId, reason: reason.trim() });
}

/** Branches suggested for a registration, best first, each with the reason. */
export async function fetchSuggestions(memberId: string): Promise<BranchSuggestion[]> {
  const { items } = await callFunction('member', 'suggestions', { memberId });
  return items;
}

/** 划转: assigns a registration (or transfers a member) to a branch. */
export function assignMember(memberId: string, branchId: string, note?: string): Promise<MemberDetail> {
  const trimmed = note?.trim();
  return callFunction('member', 'assign', trimmed ? { memberId, branchId, note: trimmed } : { memberId, branchId });
}

/** 转给该支部: puts a registration in the queue of a branch the secretary does not run. */
export function referRegistration(memberId: string, branchId: string, note?: string): Promise<MemberDetail> {
  const trimmed = note?.trim();
  return callFunction('member', 'refer', trimmed ? { memberId, branchId, note: trimmed } : { memberId, branchId });
}

/** 退回修改: returns a registration to the member with the reason, for them to correct. */
export function sendBackRegistration(memberId: string, reason: string): Promise<MemberDetail> {
  return callFunction('member', 'sendBack', { memberId, reason: reason.trim() });
}

/** 状态变更: 转出, 返乡, 失联 or back to normal, with the reason. */
export function changeMemberState(memberId: string, to: StateChangeTarget, reason: string): Promise<MemberDetail> {
  return callFunction('member', 'changeState', { memberId, to, reason: reason.trim() });
}

/** 结对联系: links a committee member of the same branch to the member. */
export function pairMember(memberId: string, contactMemberId: string): Promise<MemberDetail> {
  return callFunction('member', 'pair', { memberId, contactMemberId });
}

/** 摸排导入: sends found members for a node; each row succeeds or fails on its own. */
export async function importFoundMembers(scopeId: string, rows: ImportRow[]): Promise<ImportResult[]> {
  const { results } = await callFunction('member', 'importRows', { scopeId, rows });
  return results;
}

/** Checks a scanned activity certificate code. */
export function verifyCertificate(token: string): Promise<CertificateCheck> {
  return callFunction('member', 'verifyCertificate', { token: token.trim() });
}
