/**
 * Every action of `desk` × every role, on 思明区 and on one of its branches: who may read, rank,
 * set, issue, drill down and export, and the code everyone else gets. Administrators read their
 * subtree; a secretary reads their own branch; setting and issuing need an administrator.
 */
import { grantByInvitation } from '../../helpers/grants';
import { addMonths, monthOf } from '../../../server/domain/dues/months';
import type { ErrorCode } from '../../../typings/reply';
import { tickJobs } from '../../helpers/jobs';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

jest.setTimeout(120_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await grantByInvitation(t, { to: 'admin-huli', role: 'admin', scopeId: 'xm-huli' });
  await tickJobs(t);
});
afterAll(() => t.close());

type Who = 'member' | 'secretary' | 'secretaryElsewhere' | 'admin' | 'adminElsewhere' | 'super' | 'stranger';
const OPENID: Record<Who, string> = {
  member: 'demo-member',
  secretary: 'demo-secretary',
  secretaryElsewhere: 'demo-secretary-huli',
  admin: 'demo-admin',
  adminElsewhere: 'admin-huli',
  super: 'demo-super',
  stranger: 'o-stranger',
};
const ALL = Object.keys(OPENID) as Who[];
type Outcome = 'ok' | ErrorCode;
const only = (...allowed: Who[]): Record<Who, Outcome> =>
  Object.fromEntries(ALL.map((w) => [w, allowed.includes(w) ? 'ok' : 'PERMISSION_DENIED'])) as Record<Who, Outcome>;

const DISTRICT = 'xm-siming';
const BRANCH = 'xm-siming-mobile';
const LAST_MONTH = addMonths(monthOf(new Date()), -1);

const CASES: { name: string; action: string; input: Record<string, unknown>; expected: Record<Who, Outcome> }[] = [
  { name: 'the district’s figures', action: 'figures', input: { nodeId: DISTRICT }, expected: only('admin', 'super') },
  {
    name: 'the branch’s figures',
    action: 'figures',
    input: { nodeId: BRANCH },
    expected: only('secretary', 'admin', 'super'),
  },
  {
    name: 'the district’s trend',
    action: 'trend',
    input: { nodeId: DISTRICT, figureId: 'life.held' },
    expected: only('admin', 'super'),
  },
  {
    name: 'ranking the district’s streets',
    action: 'ranking',
    input: { nodeId: DISTRICT, figureId: 'coverage.assigned' },
    expected: only('admin', 'super'),
  },
  {
    name: 'the district’s bands',
    action: 'rankingSettings',
    input: { nodeId: DISTRICT },
    expected: only('admin', 'super'),
  },
  {
    name: 'setting the district’s bands',
    action: 'setRankingSettings',
    input: { nodeId: DISTRICT, bands: [], weights: [], reason: '矩阵测试' },
    expected: only('admin', 'super'),
  },
  {
    name: 'setting the branch’s bands',
    action: 'setRankingSettings',
    input: { nodeId: BRANCH, bands: [], weights: [], reason: '矩阵测试' },
    expected: only('admin', 'super'),
  },
  { name: 'the district’s archive', action: 'reports', input: { nodeId: DISTRICT }, expected: only('admin', 'super') },
  {
    name: 'the district’s month report',
    action: 'report',
    input: { nodeId: DISTRICT, period: LAST_MONTH },
    expected: only('admin', 'super'),
  },
  {
    name: 'the branch’s month report',
    action: 'report',
    input: { nodeId: BRANCH, period: LAST_MONTH },
    expected: only('secretary', 'admin', 'super'),
  },
  {
    name: 'issuing a correction',
    action: 'issueReport',
    input: { nodeId: DISTRICT, period: LAST_MONTH, reason: '矩阵测试' },
    expected: only('admin', 'super'),
  },
  {
    name: 'a drill-down of the district',
    action: 'drilldown',
    input: { nodeId: DISTRICT, list: 'lostContact', reason: '矩阵测试' },
    expected: only('admin', 'super'),
  },
  {
    name: 'exporting the district’s report',
    action: 'export',
    input: { nodeId: DISTRICT, what: { kind: 'report', period: LAST_MONTH } },
    expected: only('admin', 'super'),
  },
];

describe.each(CASES)('$name ($action)', ({ action, input, expected }) => {
  test.each(ALL)('as %s', async (who) => {
    const reply = await t.callRaw('desk', { action, ...input }, OPENID[who]);
    const outcome = reply.ok ? 'ok' : reply.error.code;
    expect(outcome).toBe(expected[who]);
  });
});
