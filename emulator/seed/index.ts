import type { Database } from '../../server/platform/cloudbase';
import { COLLECTIONS } from '../../database/collections';
import { XIAMEN_ORG_SEED, type SeedOrgNode } from './xiamen-orgs';
import { DEMO_PEOPLE } from './demo-people';
import { memberIdOf, roleDocId } from '../../server/domain/ids';

/** The SDK allows at most this many ids in one read. */
const BATCH = 500;

export interface SeedReport {
  collection: string;
  created: number;
  existing: number;
}

/** Turn the seed list into stored org documents: ancestors and child counts derived once here. */
export function orgDocsFromSeed(nodes: readonly SeedOrgNode[], now: Date) {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const childCount = new Map<string, number>();
  for (const n of nodes) if (n.parentCode) childCount.set(n.parentCode, (childCount.get(n.parentCode) ?? 0) + 1);
  const ancestorsOf = (n: SeedOrgNode): string[] => {
    const chain: string[] = [];
    for (let p = n.parentCode; p; p = byCode.get(p)?.parentCode ?? null) chain.unshift(p);
    return chain;
  };
  return nodes.map((n) => ({
    _id: n.code,
    type: n.type,
    name: n.name,
    parentId: n.parentCode,
    ancestors: ancestorsOf(n),
    sort: n.sort,
    childCount: childCount.get(n.code) ?? 0,
    extra: n.extra ?? {},
    demo: true,
    createdAt: now,
    updatedAt: now,
  }));
}

/** Insert the documents whose `_id` is not there yet; never overwrite what people changed. */
async function insertMissing(db: Database, collection: string, docs: { _id: string }[]): Promise<SeedReport> {
  const _ = db.command;
  let created = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const found = await db
      .collection(collection)
      .where({ _id: _.in(batch.map((d) => d._id)) })
      .field({ _id: true })
      .limit(BATCH)
      .get();
    const have = new Set((found.data as { _id: string }[]).map((d) => d._id));
    const missing = batch.filter((d) => !have.has(d._id));
    if (missing.length) await db.collection(collection).add(missing);
    created += missing.length;
  }
  return { collection, created, existing: docs.length - created };
}

/** Seed the demo organisation tree and demo people. Idempotent: a second run adds nothing. */
export async function seedDemo(db: Database): Promise<SeedReport[]> {
  const now = new Date();
  const orgs = orgDocsFromSeed(XIAMEN_ORG_SEED, now);
  const orgName = new Map(orgs.map((o) => [o._id, o.name]));
  const roles = DEMO_PEOPLE.flatMap((p) =>
    p.role
      ? [
          {
            _id: roleDocId(p.role.role, p.role.scopeCode, p.openid),
            openid: p.openid,
            role: p.role.role,
            scopeId: p.role.scopeCode,
            scopeName: orgName.get(p.role.scopeCode) ?? p.role.scopeCode,
            grantedBy: 'seed',
            grantedAt: now,
            demo: true,
          },
        ]
      : [],
  );
  const members = DEMO_PEOPLE.flatMap((p) =>
    p.memberOfBranch
      ? [
          {
            _id: memberIdOf(p.openid),
            openid: p.openid,
            name: p.name,
            state: 'active',
            branchId: p.memberOfBranch,
            demo: true,
            createdAt: now,
            updatedAt: now,
          },
        ]
      : [],
  );
  return [
    await insertMissing(db, COLLECTIONS.orgs, orgs),
    await insertMissing(db, COLLECTIONS.roles, roles),
    await insertMissing(db, COLLECTIONS.members, members),
  ];
}
