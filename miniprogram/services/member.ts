/** Remote operations of the `member` function that a member performs on their own record. */
import type { MyMembership, OrgNodeSummary, RegistrationInput, ResidenceInput } from '../../typings';
import { callFunction } from './cloud';

/** 报到 / 亮身份: submits (or, when sent back, resubmits) the registration; the record as it now is. */
export function registerMember(input: RegistrationInput): Promise<MyMembership> {
  return callFunction('member', 'register', input);
}

/** The caller's own membership (state, branch, contact, certificate), or null before 报到. */
export function fetchMyMembership(): Promise<MyMembership | null> {
  return callFunction('member', 'me', {});
}

/** An assigned member reports a new phone and/or residence (a duty of every 流动党员). */
export function updateMyContact(input: { phone?: string; residence?: ResidenceInput }): Promise<MyMembership> {
  return callFunction('member', 'updateContact', input);
}

/**
 * The organisation node a registration-point QR code names (its `scene`), so the form can
 * start from that place. Lives here because only registration uses it.
 */
export function fetchRegistrationPoint(scene: string): Promise<OrgNodeSummary> {
  return callFunction('org', 'get', { id: scene });
}
