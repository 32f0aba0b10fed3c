/**
 * Every action of `sessions` × every role, on a session of 思明区流动党员党支部: who may, and the
 * code everyone else gets. Managers are the branch's secretary and administrators above it;
 * taking part needs a member record in the audience.
 */
import { grantByInvitation } from '../../helpers/grants';
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../../typings/reply';
import { issueCheckinToken } from '../../../server/sessions/checkin';
import type { TestCloud } from '../../helpers/local-cloud';
import { aSession, DEMO_MEMBER_ID, inMinutes, membersIn, published, startSessionsCloud } from '../../helpers/sessions';

jest.setTimeout(120_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
  await grantByInvitation(t, { to: 'admin-huli', role: 'admin', scopeId: 'xm-huli' });
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
const ALL: Who[] = ['member', 'secretary', 'secretaryElsewhere', 'admin', 'adminElsewhere', 'super', 'stranger'];
type Outcome = 'ok' | ErrorCode;

/** Managers in scope may; everyone else is refused. */
const MANAGERS: Record<Who, Outcome> = {
  member: 'PERMISSION_DENIED',
  secretary: 'ok',
  secretaryElsewhere: 'PERMISSION_DENIED',
  admin: 'ok',
  adminElsewhere: 'PERMISSION_DENIED',
  super: 'ok',
  stranger: 'PERMISSION_DENIED',
};
/** Members of the branch may (the secretary is one too); managers without a member record cannot take part. */
const PARTICIPANTS: Record<Who, Outcome> = {
  member: 'ok',
  secretary: 'ok',
  secretaryElsewhere: 'FAILED_PRECONDITION',
  admin: 'FAILED_PRECONDITION',
  adminElsewhere: 'FAILED_PRECONDITION',
  super: 'FAILED_PRECONDITION',
  stranger: 'FAILED_PRECONDITION',
};
/** Anyone signed in gets an answer about their own things. */
const ANYONE: Record<Who, Outcome> = Object.fromEntries(ALL.map((w) => [w, 'ok'])) as Record<Who, Outcome>;

const later = () => published(t, { capacity: 100 });
const underWay = () => published(t, { startAt: inMinutes(-10), endAt: inMinutes(80) });

const ACTIONS: {
  action: string;
  expect: Record<Who, Outcome>;
  input: (who: Who) => Promise<Record<string, unknown>>;
}[] = [
  { action: 'publish', expect: MANAGERS, input: async () => ({ ...aSession(), requestId: randomUUID() }) },
  { action: 'update', expect: MANAGERS, input: async () => ({ ...aSession(), sessionId: (await later()).sessionId }) },
  { action: 'cancel', expect: MANAGERS, input: async () => ({ sessionId: (await later()).sessionId, reason: '改期' }) },
  {
    action: 'managed',
    expect: { ...MANAGERS, secretaryElsewhere: 'ok', adminElsewhere: 'ok' },
    input: async () => ({ tab: 'upcoming' }),
  },
  { action: 'checkinCode', expect: MANAGERS, input: async () => ({ sessionId: (await underWay()).sessionId }) },
  { action: 'roster', expect: MANAGERS, input: async () => ({ sessionId: (await later()).sessionId }) },
  {
    action: 'mark',
    expect: MANAGERS,
    input: async () => ({
      sessionId: (await underWay()).sessionId,
      memberId: (await membersIn(t, 1))[0]!.memberId,
      status: 'attended',
      reason: '现场核对',
    }),
  },
  { action: 'cadence', expect: MANAGERS, input: async () => ({ branchId: 'xm-siming-mobile' }) },
  {
    action: 'nodeStats',
    expect: { ...MANAGERS, secretary: 'PERMISSION_DENIED' },
    input: async () => ({ orgId: 'xm-siming', fromMonth: '2026-01', toMonth: '2026-03' }),
  },
  {
    action: 'detail',
    expect: { ...MANAGERS, member: 'ok' },
    input: async () => ({ sessionId: (await later()).sessionId }),
  },
  { action: 'list', expect: ANYONE, input: async () => ({ tab: 'upcoming' }) },
  { action: 'updates', expect: ANYONE, input: async () => ({}) },
  { action: 'ackUpdate', expect: ANYONE, input: async () => ({ sessionId: (await later()).sessionId }) },
  { action: 'signUp', expect: PARTICIPANTS, input: async () => ({ sessionId: (await later()).sessionId }) },
  { action: 'cancelSignUp', expect: PARTICIPANTS, input: async () => ({ sessionId: (await later()).sessionId }) },
  {
    action: 'askLeave',
    expect: PARTICIPANTS,
    input: async () => ({ sessionId: (await later()).sessionId, reason: '外出务工' }),
  },
  {
    action: 'checkIn',
    expect: PARTICIPANTS,
    input: async () => {
      const s = await underWay();
      return {
        token: issueCheckinToken(
          { _id: s.sessionId, startAt: new Date(s.startAt), endAt: new Date(s.endAt) },
          new Date(),
        )!.token,
      };
    },
  },
  {
    action: 'history',
    // Their own history needs a member record; another's, the right to see that member.
    expect: {
      ...PARTICIPANTS,
      member: 'PERMISSION_DENIED',
      secretary: 'ok',
      admin: 'ok',
      super: 'ok',
      secretaryElsewhere: 'PERMISSION_DENIED',
      adminElsewhere: 'PERMISSION_DENIED',
      stranger: 'PERMISSION_DENIED',
    },
    input: async (who) =>
      who === 'member' ? { memberId: (await membersIn(t, 1))[0]!.memberId } : { memberId: DEMO_MEMBER_ID },
  },
];

describe.each(ACTIONS)('sessions.$action', ({ action, expect: outcomes, input }) => {
  it.each(ALL)('as %s', async (who) => {
    const { reply } = await t.call('sessions', action as never, (await input(who)) as never, OPENID[who]);
    const outcome = outcomes[who];
    if (outcome === 'ok') expect(reply).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: outcome } });
  });
});

describe('without a caller', () => {
  it.each(ACTIONS.map((a) => a.action))('%s is refused as UNAUTHENTICATED', async (action) => {
    const reply = await t.callRaw('sessions', { action });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
