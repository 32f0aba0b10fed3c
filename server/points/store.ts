import { COLLECTIONS } from '../../database/collections';
import { emptyAccount, type AccountState } from '../domain/points/account';
import { DEFAULT_SCOPE, ruleIdOf } from '../domain/points/ids';
import { _, db } from '../platform/cloudbase';
import type { AccountDoc, ClaimDoc, EntryDoc, RuleDoc } from './docs';

/** Scopes an item may be defined at for a place: the default list, then the path from the root down. */
export const scopesFor = (orgPath: readonly string[]) => [DEFAULT_SCOPE, ...orgPath];

/**
 * The 清单 changes a few times a year and every award reads it: a container keeps an item's
 * definitions this long. An edit made in this container is seen at once (`forgetCachedRules`),
 * one made through another function's container within this time. Entries record the version used.
 */
const RULE_CACHE_MS = 60_000;
const ruleCache = new Map<string, { readAt: number; rules: RuleDoc[] }>();

/**
 * Every definition of one item (the default and each node's override): one round trip that does
 * not depend on the member, so it runs alongside the member read, and none while cached.
 * `resolveRule` picks the one that applies. Few nodes override an item; far fewer than the limit.
 */
export async function findRuleCandidates(code: string): Promise<RuleDoc[]> {
  const cached = ruleCache.get(code);
  if (cached && Math.abs(Date.now() - cached.readAt) < RULE_CACHE_MS) return cached.rules;
  const res = await db.collection(COLLECTIONS.pointsRules).where({ code }).limit(1000).get();
  const rules = res.data as RuleDoc[];
  ruleCache.set(code, { readAt: Date.now(), rules });
  return rules;
}

/** After an edit: the next award reads the item again. */
export function forgetCachedRules(code?: string): void {
  if (code === undefined) ruleCache.clear();
  else ruleCache.delete(code);
}

/** The definitions of one item at exactly these scopes: one round trip. */
export async function findRuleAtScopes(code: string, scopes: readonly string[]): Promise<RuleDoc[]> {
  const ids = scopes.map((s) => ruleIdOf(s, code));
  const res = await db
    .collection(COLLECTIONS.pointsRules)
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return res.data as RuleDoc[];
}

/** The most items one scope may define; a list longer than this is a data error. */
export const MAX_RULES_PER_SCOPE = 200;

/** Every item defined at any of `scopes`: one round trip. */
export async function findRulesAt(scopes: readonly string[]): Promise<RuleDoc[]> {
  const res = await db
    .collection(COLLECTIONS.pointsRules)
    .where({ scopeId: _.in([...scopes]) })
    .orderBy('sort', 'asc')
    .limit(1000)
    .get();
  return res.data as RuleDoc[];
}

/** One document by id from a points collection, or null. One round trip. */
async function findOne<T>(collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  return ((res.data as T[])[0] as T | undefined) ?? null;
}

export const findEntry = (id: string) => findOne<EntryDoc>(COLLECTIONS.pointsLedger, id);
export const findClaim = (id: string) => findOne<ClaimDoc>(COLLECTIONS.pointsClaims, id);
export const findRule = (id: string) => findOne<RuleDoc>(COLLECTIONS.pointsRules, id);
/** How many of these ledger entries exist: one round trip, whatever the number. */
export async function countEntries(ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db
    .collection(COLLECTIONS.pointsLedger)
    .where({ _id: _.in([...ids]) })
    .count();
  return res.total;
}

export const findAccountDoc = (memberId: string) => findOne<AccountDoc>(COLLECTIONS.pointsAccounts, memberId);

/** The pure account state of a stored account (or an empty one). */
export function toAccountState(doc: AccountDoc | null | undefined): AccountState {
  if (!doc) return emptyAccount();
  return { lifetime: doc.lifetime ?? 0, entries: doc.entries ?? 0, years: doc.years ?? {} };
}
