import { createHash } from 'node:crypto';

/**
 * Deterministic ids for what must exist once: one ledger entry per member, item and source event,
 * one reversal per entry, one claim per identical submission. Retries and double taps then
 * cannot double-count.
 */

const digest = (parts: readonly (string | number)[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);

/** The entry for a member, an item code and a source event. Keyed by code, not by scope, so an override cannot mint a second. */
export const entryIdOf = (memberId: string, ruleCode: string, source: { type: string; id: string }) =>
  `e_${digest([memberId, ruleCode, source.type, source.id])}`;

/** An entry is reversed at most once. */
export const reversalIdOf = (entryId: string) => `r_${entryId}`;

/** The same claim submitted twice (a double tap, a retried request) is one claim. */
export const claimIdOf = (memberId: string, ruleCode: string, occurredOn: string, description: string) =>
  `c_${digest([memberId, ruleCode, occurredOn, description])}`;

/** A manual award by the same person of the same item for the same day and note is one event. */
export const manualSourceIdOf = (actor: string, memberId: string, ruleCode: string, occurredOn: string, note: string) =>
  `m_${digest([actor, memberId, ruleCode, occurredOn, note])}`;

/** A member's total for one year (the ranking document). */
export const totalsIdOf = (memberId: string, year: number) => `${memberId}:${year}`;

/** An item of the 清单 at a scope ('*' is the default list). */
export const ruleIdOf = (scopeId: string, code: string) => `${scopeId}:${code}`;

/** One saved version of an item. */
export const ruleVersionIdOf = (ruleId: string, version: number) => `${ruleId}@${version}`;

/** Scope of the default 清单, which applies everywhere unless a node overrides an item. */
export const DEFAULT_SCOPE = '*';
