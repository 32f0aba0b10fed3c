/** Builders for the sessions tests: a cloud with the default 积分清单, members in a branch, sessions to publish. */
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../../database/collections';
import { seedPointsRules } from '../../emulator/seed/points-rules';
import { memberIdOf } from '../../server/domain/ids';
import type { MemberDoc } from '../../server/members/member-doc';
import type { OrgDoc } from '../../server/orgs/org-store';
import type { SessionDetail, SessionInput } from '../../typings/areas/sessions';
import { expectOk, startTestCloud, type TestCloud } from './local-cloud';

/** The test cloud with the demo seed and the default points 清单 (attendance earns points). */
export async function startSessionsCloud(): Promise<TestCloud> {
  const t = await startTestCloud();
  await seedPointsRules(t.db);
  return t;
}

const MINUTE = 60_000;

/** An ISO time `minutes` from now, with the Beijing offset as the mini-program sends it. */
export function inMinutes(minutes: number): string {
  const shifted = new Date(Date.now() + minutes * MINUTE + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** A branch meeting of 思明区流动党员党支部 the day after tomorrow, two hours long. */
export function aSession(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    kind: 'branch_assembly',
    title: '三月份支部党员大会',
    agenda: '学习传达上级精神；讨论本季度工作',
    startAt: inMinutes(2 * 24 * 60),
    endAt: inMinutes(2 * 24 * 60 + 120),
    place: { type: 'address', address: '思明区流动党员服务管理站二楼会议室' },
    audience: { type: 'branch', orgId: 'xm-siming-mobile' },
    ...overrides,
  };
}

/** Publish as `openid` (default the 思明 secretary) and return the detail; fails the test if refused. */
export async function published(
  t: TestCloud,
  overrides: Partial<SessionInput> = {},
  openid = 'demo-secretary',
): Promise<SessionDetail> {
  const { reply } = await t.call('sessions', 'publish', { ...aSession(overrides), requestId: randomUUID() }, openid);
  return expectOk(reply);
}

let serial = 0;

/**
 * Active members of a branch written straight into the database in MemberDoc shape (faster than
 * registering hundreds through the function; the member area's own tests cover registration).
 */
export async function membersIn(
  t: TestCloud,
  count: number,
  options: { branchId?: string; partyStatus?: 'full' | 'probationary'; name?: string; joinedAt?: Date } = {},
): Promise<{ openid: string; memberId: string }[]> {
  const branchId = options.branchId ?? 'xm-siming-mobile';
  const res = await t.db.collection(COLLECTIONS.orgs).doc(branchId).get();
  const branch = (res.data as OrgDoc[])[0]!;
  const now = new Date();
  const docs: MemberDoc[] = [];
  for (let i = 0; i < count; i++) {
    const n = ++serial;
    const openid = `o-ses-${process.pid}-${n}`;
    docs.push(
      aMemberDoc(openid, branch, options.joinedAt ?? now, {
        partyStatus: options.partyStatus,
        name: options.name ?? `党员${n}`,
      }),
    );
  }
  for (let i = 0; i < docs.length; i += 500) await t.db.collection(COLLECTIONS.members).add(docs.slice(i, i + 500));
  return docs.map((d) => ({ openid: d.openid, memberId: d._id }));
}

/** A minimal, complete MemberDoc of an active member of `branch`. */
export function aMemberDoc(
  openid: string,
  branch: Pick<OrgDoc, '_id' | 'name' | 'ancestors'>,
  now: Date,
  options: { partyStatus?: 'full' | 'probationary' | undefined; name?: string } = {},
): MemberDoc {
  const sealed = (v: string) => ({ cipher: `test:${v}`, hash: `hash:${v}`, masked: '***' });
  return {
    _id: memberIdOf(openid),
    openid,
    name: options.name ?? '测试党员',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1990-01-01',
    idCard: sealed(`id-${openid}`),
    phone: sealed(`phone-${openid}`),
    joinedPartyOn: '2015-07-01',
    partyStatus: options.partyStatus ?? 'full',
    home: { orgName: '宁都县梅江镇某村党支部', province: '江西省', county: '宁都县' },
    leftHomeOn: '2020-03',
    leftHomeReason: '外出务工',
    residence: {
      districtId: 'xm-siming',
      streetId: 'xm-siming-zhonghua',
      communityId: null,
      address: '测试路 1 号',
      districtName: '思明区',
      streetName: '中华街道',
      communityName: null,
    },
    work: { industry: 'express', employer: null, job: null },
    holdsPaperCertificate: false,
    wish: 'near_residence',
    privacyConsent: { version: 'test', at: now },
    scene: null,
    state: 'active',
    sentBackReason: null,
    branchId: branch._id,
    branchName: branch.name,
    orgPath: [...branch.ancestors, branch._id],
    candidateScopes: [],
    pairedWith: null,
    importId: null,
    history: [{ from: null, to: 'active', by: 'test', at: now, reason: '测试数据' }],
    fingerprint: 'test',
    submittedAt: now,
    updatedAt: now,
  };
}

/** Places taken in a session, summed over its counter documents as stored. */
export async function placesTaken(t: TestCloud, sessionId: string): Promise<number> {
  const res = await t.db.collection(COLLECTIONS.sessionSeats).where({ sessionId }).limit(100).get();
  return (res.data as { taken: number }[]).reduce((sum, s) => sum + s.taken, 0);
}

/** The demo member of 思明区流动党员党支部. */
export const DEMO_MEMBER_ID = memberIdOf('demo-member');
