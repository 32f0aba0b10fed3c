import type { Database } from '../../server/platform/cloudbase';
import { COLLECTIONS } from '../../database/collections';
import { XIAMEN_ORG_SEED, type SeedOrgNode } from './xiamen-orgs';
import { DEMO_PEOPLE } from './demo-people';
import { seedPointsRules } from './points-rules';
import { memberIdOf, roleDocId } from '../../server/domain/ids';
import { idCardCheckChar } from '../../server/domain/id-card';
import { certificateNumberOf, reviewDueOf } from '../../server/domain/certificate';
import { shanghaiDay } from '../../server/domain/shanghai-day';
import { maskName } from '../../server/domain/masking';
import { sealSensitive } from '../../server/platform/sensitive';
import type { MemberDoc } from '../../server/members/member-doc';
import { certIdOf, type CertificateDoc } from '../../server/members/certificates';
import type { DemoPerson } from './demo-people';

type SeedOrg = ReturnType<typeof orgDocsFromSeed>[number];

/** A complete demo member in a branch of 思明区, identity data sealed as real data would be. */
function demoMemberDoc(p: DemoPerson, orgs: Map<string, SeedOrg>, now: Date): MemberDoc {
  const branch = orgs.get(p.memberOfBranch!)!;
  const idCard = `${p.idCard17}${idCardCheckChar(p.idCard17!)}`;
  const birthDate = `${idCard.slice(6, 10)}-${idCard.slice(10, 12)}-${idCard.slice(12, 14)}`;
  return {
    _id: memberIdOf(p.openid),
    openid: p.openid,
    name: p.name,
    gender: Number(idCard[16]) % 2 ? 'male' : 'female',
    ethnicity: '汉族',
    birthDate,
    idCard: sealSensitive('idCard', idCard),
    phone: sealSensitive('phone', p.phone!),
    joinedPartyOn: `${Number(birthDate.slice(0, 4)) + 24}-07-01`,
    partyStatus: 'full',
    home: { orgName: '江西省宁都县梅江镇（演示）村党支部', province: '江西省', county: '宁都县' },
    leftHomeOn: '2019-03',
    leftHomeReason: '外出务工',
    residence: {
      districtId: 'xm-siming',
      streetId: 'xm-siming-zhonghua',
      communityId: 'xm-siming-zhonghua-c01',
      address: '演示路 1 号',
      districtName: '思明区',
      streetName: '中华街道',
      communityName: '仁安社区',
    },
    work: { industry: 'food_delivery', employer: '演示配送站', job: '外卖骑手' },
    holdsPaperCertificate: false,
    wish: 'near_residence',
    privacyConsent: { version: 'demo', at: now },
    scene: null,
    state: 'active',
    sentBackReason: null,
    branchId: branch._id,
    branchName: branch.name,
    orgPath: [...branch.ancestors, branch._id],
    candidateScopes: [],
    pairedWith: null,
    importId: null,
    history: [{ from: null, to: 'active', by: 'seed', at: now, reason: '演示数据' }],
    fingerprint: 'demo',
    submittedAt: now,
    updatedAt: now,
    demo: true,
  };
}

function demoCertificate(m: MemberDoc, now: Date): CertificateDoc {
  const issuedOn = shanghaiDay(now);
  return {
    _id: certIdOf(m._id),
    memberId: m._id,
    number: certificateNumberOf(m._id, Number(issuedOn.slice(0, 4))),
    holderNameMasked: maskName(m.name),
    branchId: m.branchId!,
    branchName: m.branchName!,
    homeOrgName: m.home.orgName,
    issuedOn,
    reviewDueOn: reviewDueOf(issuedOn),
    state: 'valid',
    version: 1,
    paysDuesHere: true,
    issuedBy: 'seed',
    revokedAt: null,
    revokeReason: null,
    updatedAt: now,
  };
}

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
  const orgById = new Map(orgs.map((o) => [o._id, o]));
  const nameOf = new Map(DEMO_PEOPLE.map((p) => [p.openid, p.name]));
  const roles = DEMO_PEOPLE.flatMap((p) =>
    p.role
      ? [
          {
            _id: roleDocId(p.role.role, p.role.scopeCode, p.openid),
            openid: p.openid,
            role: p.role.role,
            scopeId: p.role.scopeCode,
            scopeName: orgById.get(p.role.scopeCode)?.name ?? p.role.scopeCode,
            scopePath: [...(orgById.get(p.role.scopeCode)?.ancestors ?? []), p.role.scopeCode],
            holderName: nameOf.get(p.openid) ?? null,
            grantedBy: 'seed',
            grantedAt: now,
            demo: true,
          },
        ]
      : [],
  );
  const members = DEMO_PEOPLE.flatMap((p) => (p.memberOfBranch ? [demoMemberDoc(p, orgById, now)] : []));
  const certificates = members.map((m) => demoCertificate(m, now));
  return [
    await insertMissing(db, COLLECTIONS.orgs, orgs),
    await insertMissing(db, COLLECTIONS.roles, roles),
    await insertMissing(db, COLLECTIONS.members, members),
    await insertMissing(db, COLLECTIONS.certificates, certificates),
    // The default 积分管理清单 (in a real environment, installed once the same way).
    await seedPointsRules(db, now),
  ];
}
