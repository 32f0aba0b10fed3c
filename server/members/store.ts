import { COLLECTIONS } from '../../database/collections';
import { _, db } from '../platform/cloudbase';
import type { CandidateNode } from '../domain/assignment';
import type { OrgDoc } from '../orgs/org-store';
import type { MemberDoc } from './member-doc';

/** One member by id, or null. One round trip. */
export async function findMember(memberId: string): Promise<MemberDoc | null> {
  const res = await db.collection(COLLECTIONS.members).doc(memberId).get();
  return ((res.data as MemberDoc[])[0] as MemberDoc | undefined) ?? null;
}

/** Several org nodes by id, in one round trip. */
export async function findOrgs(ids: readonly string[]): Promise<Map<string, OrgDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get();
  return new Map((res.data as OrgDoc[]).map((o) => [o._id, o]));
}

/** Industry committees and home-county organisations: few, read in one round trip. */
export async function findSpecialParents(): Promise<OrgDoc[]> {
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ type: _.in(['industry_committee', 'home_county_org']), closed: _.neq(true) })
    .limit(1000)
    .get();
  return res.data as OrgDoc[];
}

/** An org node as the assignment rules see it. */
export function toCandidate(o: OrgDoc): CandidateNode {
  return {
    id: o._id,
    type: o.type,
    name: o.name,
    parentId: o.parentId,
    extra: (o.extra ?? {}) as CandidateNode['extra'],
  };
}
