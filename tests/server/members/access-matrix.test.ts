import { grantByInvitation } from '../../helpers/grants';
import { aPhone, aRegistration, anIdCard } from '../../helpers/registration';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  // An administrator of another district, granted by the super administrator.
  await grantByInvitation(t, { to: 'admin-huli', role: 'admin', scopeId: 'xm-huli' });
});
afterAll(() => t.close());

let n = 0;
async function pendingMember(): Promise<string> {
  return expectOk((await t.call('member', 'register', aRegistration(), `o-mx-${++n}`)).reply).memberId;
}
async function activeMember(): Promise<string> {
  const id = await pendingMember();
  expectOk((await t.call('member', 'assign', { memberId: id, branchId: 'xm-siming-mobile' }, 'demo-super')).reply);
  return id;
}

type Who = 'member' | 'secretary' | 'secretaryElsewhere' | 'admin' | 'adminElsewhere' | 'super';
const OPENID: Record<Who, string> = {
  member: 'demo-member',
  secretary: 'demo-secretary',
  secretaryElsewhere: 'demo-secretary-huli',
  admin: 'demo-admin',
  adminElsewhere: 'admin-huli',
  super: 'demo-super',
};
const ALL: Who[] = ['member', 'secretary', 'secretaryElsewhere', 'admin', 'adminElsewhere', 'super'];
const MANAGERS_IN_SCOPE: Who[] = ['secretary', 'admin', 'super'];
const ADMINS_IN_SCOPE: Who[] = ['admin', 'super'];
const ANY_MANAGER: Who[] = ['secretary', 'secretaryElsewhere', 'admin', 'adminElsewhere', 'super'];

/** Each action with a fresh fixture and who may perform it on a member of 思明区流动党员党支部 / 思明区. */
const ACTIONS: { action: string; allowed: Who[]; input: () => Promise<Record<string, unknown>> }[] = [
  { action: 'pendingQueue', allowed: ANY_MANAGER, input: async () => ({}) },
  { action: 'branchMembers', allowed: MANAGERS_IN_SCOPE, input: async () => ({ branchId: 'xm-siming-mobile' }) },
  { action: 'detail', allowed: MANAGERS_IN_SCOPE, input: async () => ({ memberId: await pendingMember() }) },
  {
    action: 'reveal',
    allowed: MANAGERS_IN_SCOPE,
    input: async () => ({ memberId: await pendingMember(), reason: '核实身份' }),
  },
  { action: 'suggestions', allowed: MANAGERS_IN_SCOPE, input: async () => ({ memberId: await pendingMember() }) },
  {
    action: 'assign',
    allowed: MANAGERS_IN_SCOPE,
    input: async () => ({ memberId: await pendingMember(), branchId: 'xm-siming-mobile' }),
  },
  {
    action: 'sendBack',
    allowed: MANAGERS_IN_SCOPE,
    input: async () => ({ memberId: await pendingMember(), reason: '请补充信息' }),
  },
  {
    action: 'changeState',
    allowed: MANAGERS_IN_SCOPE,
    input: async () => ({ memberId: await activeMember(), to: 'lost_contact', reason: '联系不上' }),
  },
  {
    action: 'pair',
    allowed: MANAGERS_IN_SCOPE,
    input: async () => ({ memberId: await activeMember(), contactMemberId: 'm_demo-secretary' }),
  },
  {
    action: 'importRows',
    allowed: ADMINS_IN_SCOPE,
    input: async () => ({
      scopeId: 'xm-siming',
      rows: [{ name: '测试', idCardNumber: anIdCard(), phone: aPhone(), foundAt: '工地' }],
    }),
  },
  { action: 'verifyCertificate', allowed: ANY_MANAGER, input: async () => ({ token: 'not-a-token' }) },
];

describe.each(ACTIONS)('member.$action', ({ action, allowed, input }) => {
  it.each(ALL)('as %s', async (who) => {
    const { reply } = await t.call('member', action as never, (await input()) as never, OPENID[who]);
    if (allowed.includes(who)) {
      expect(reply).toMatchObject({ ok: true });
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });
});
