import { COLLECTIONS } from '../../database/collections';
import type { OrgNodeSummary, OrgNodeType } from '../../typings/models';
import { _, db } from '../platform/cloudbase';

/** A stored organisation node. `_id` is its stable code (e.g. `xm-siming`). */
export interface OrgDoc {
  _id: string;
  type: OrgNodeType;
  name: string;
  parentId: string | null;
  ancestors: string[];
  sort: number;
  childCount: number;
  closed?: boolean;
  extra?: Record<string, unknown>;
  demo?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The most children one node is expected to have; a picker shows them all at once. */
export const MAX_CHILDREN = 1000;

export function toSummary(doc: OrgDoc): OrgNodeSummary {
  const summary: OrgNodeSummary = {
    id: doc._id,
    type: doc.type,
    name: doc.name,
    parentId: doc.parentId,
    ancestors: doc.ancestors,
    hasChildren: doc.childCount > 0,
  };
  if (doc.demo) summary.demo = true;
  return summary;
}

/** One node by id, or null. One round trip. */
export async function findOrg(id: string): Promise<OrgDoc | null> {
  const res = await db.collection(COLLECTIONS.orgs).doc(id).get();
  return ((res.data as OrgDoc[])[0] as OrgDoc | undefined) ?? null;
}

/** Open children of a node (roots when `parentId` is null), in display order. One round trip. */
export async function listChildren(parentId: string | null, types?: OrgNodeType[]): Promise<OrgDoc[]> {
  const where: Record<string, unknown> = { parentId, closed: _.neq(true) };
  if (types?.length) where.type = _.in(types);
  const res = await db.collection(COLLECTIONS.orgs).where(where).orderBy('sort', 'asc').limit(MAX_CHILDREN).get();
  return res.data as OrgDoc[];
}
