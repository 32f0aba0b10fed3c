/**
 * Builders and a routing network stub for the member pages' tests: each test states only the
 * replies that matter to it; anything it did not expect fails loudly.
 */
import type { CertificateView, MyMembership, OrgNodeSummary, StationInfo } from '../../typings';
import { anOrgNode, aProfile, failed, ok } from './builders';
import { stubRequest, type Answer, type SentRequest } from './harness';

export function aStation(overrides: Partial<StationInfo> = {}): StationInfo {
  return {
    name: '殿前街道流动党员服务管理站',
    address: '厦门市湖里区殿前街道兴隆路1号',
    openingHours: '周一至周五 8:30-12:00，14:30-17:30',
    contactPhone: '0592-1234567',
    ...overrides,
  };
}

export function aCertificate(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    number: 'XMLD-2026-1A2B3C4D',
    branchName: '兴隆社区流动党员党支部',
    homeOrgName: '中共固始县段集镇委员会',
    issuedOn: '2026-03-01',
    reviewDueOn: '2027-03-01',
    state: 'valid',
    qrToken: 'signed-token',
    qrImage: 'data:image/png;base64,iVBORw0KGgo=',
    ...overrides,
  };
}

/** A member waiting for review; override the state and what comes with it. */
export function aMembership(overrides: Partial<MyMembership> = {}): MyMembership {
  return {
    memberId: 'member-1',
    name: '李红梅',
    state: 'pending',
    branch: null,
    residence: { district: '湖里区', street: '殿前街道', community: '兴隆社区', address: '兴隆路12号' },
    industry: 'express',
    wish: 'near_residence',
    idCardMasked: '3505**********1234',
    phoneMasked: '138****5678',
    sentBackReason: null,
    pairedContact: null,
    certificate: null,
    submittedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** An assigned member with a branch, a secretary, a station, a paired contact and a certificate. */
export function anActiveMembership(overrides: Partial<MyMembership> = {}): MyMembership {
  return aMembership({
    state: 'active',
    branch: {
      id: 'branch-1',
      name: '兴隆社区流动党员党支部',
      secretaryName: '陈志强',
      station: aStation(),
    },
    pairedContact: { name: '张丽', phone: '13900001111' },
    certificate: aCertificate(),
    ...overrides,
  });
}

/** The seeded shape of the tree: 厦门市 at the top, districts under it. */
export const CITY = anOrgNode({ id: 'xm', type: 'city', name: '厦门市' });
export const DISTRICTS: OrgNodeSummary[] = [
  anOrgNode({ id: 'xm-huli', name: '湖里区', parentId: 'xm', ancestors: ['xm'] }),
  anOrgNode({ id: 'xm-siming', name: '思明区', parentId: 'xm', ancestors: ['xm'] }),
];
export const STREETS: OrgNodeSummary[] = [
  anOrgNode({ id: 'xm-huli-dq', type: 'street', name: '殿前街道', parentId: 'xm-huli', ancestors: ['xm', 'xm-huli'] }),
  anOrgNode({ id: 'xm-huli-jm', type: 'street', name: '金山街道', parentId: 'xm-huli', ancestors: ['xm', 'xm-huli'] }),
  // Not a street: must not be offered.
  anOrgNode({
    id: 'xm-huli-station',
    type: 'station',
    name: '湖里区流动党员服务管理站',
    parentId: 'xm-huli',
    ancestors: ['xm', 'xm-huli'],
    hasChildren: false,
  }),
];
export const COMMUNITIES: OrgNodeSummary[] = [
  anOrgNode({
    id: 'xm-huli-dq-c01',
    type: 'community',
    name: '兴隆社区',
    parentId: 'xm-huli-dq',
    ancestors: ['xm', 'xm-huli', 'xm-huli-dq'],
  }),
  anOrgNode({
    id: 'xm-huli-dq-c02',
    type: 'community',
    name: '高林社区',
    parentId: 'xm-huli-dq',
    ancestors: ['xm', 'xm-huli', 'xm-huli-dq'],
  }),
];

/** `org.children` over the small tree above; unknown parents have no children. */
export function orgChildren(parentId: string | undefined): OrgNodeSummary[] {
  if (parentId === undefined) return [CITY];
  if (parentId === 'xm') return DISTRICTS;
  if (parentId === 'xm-huli') return STREETS;
  if (parentId === 'xm-huli-dq') return COMMUNITIES;
  return [];
}

/** What one function action receives, and what it answers. */
export type Route = (data: Record<string, unknown>, req: SentRequest) => Answer | Promise<Answer>;

/**
 * Stubs wx.request and answers each call by `<function>.<action>`, e.g. 'member.me'. Unless a route
 * overrides them: the org tree above answers `org.children`, `user.whoami` a plain member, and
 * `member.me` null (not registered), `user.todos` nothing to do. A call nobody routed gets an INTERNAL error.
 */
export function stubBackend(routes: Record<string, Route> = {}): jest.Mock {
  const defaults: Record<string, Route> = {
    'org.children': (data) => ({ body: ok({ items: orgChildren(data.parentId as string | undefined) }) }),
    'user.whoami': () => ({ body: ok(aProfile()) }),
    'member.me': () => ({ body: ok(null) }),
    'user.todos': () => ({ body: ok({ items: [] }) }),
  };
  const all = { ...defaults, ...routes };
  return stubRequest((req) => {
    const fn = req.url.split('/functions/')[1] ?? '';
    const data = req.data as Record<string, unknown>;
    const key = `${fn}.${String(data.action)}`;
    const route = all[key];
    if (!route) return { status: 500, body: failed('INTERNAL', `test did not expect ${key}`) };
    return route(data, req);
  });
}

/** The `data` of every call to one action, in order. */
export function callsTo(mock: jest.Mock, key: string): Record<string, unknown>[] {
  return mock.mock.calls
    .map(([opts]: [WechatMiniprogram.RequestOption]) => ({
      key: `${opts.url.split('/functions/')[1] ?? ''}.${String((opts.data as { action?: unknown }).action)}`,
      data: opts.data as Record<string, unknown>,
    }))
    .filter((c) => c.key === key)
    .map((c) => c.data);
}
