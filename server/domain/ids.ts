import type { RoleName } from '../../typings/models';

/** Deterministic ids for things that must exist once; retries then cannot duplicate them. */

/** A member record exists once per WeChat account. */
export const memberIdOf = (openid: string) => `m_${openid}`;

/** A role is granted once per person and scope. */
export const roleDocId = (role: RoleName, scopeId: string, openid: string) => `${role}:${scopeId}:${openid}`;
