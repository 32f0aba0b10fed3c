/**
 * What the preview adds to the demo data so each page has its main state to show, made through
 * the functions as the people concerned would make it: a registration waiting for review, one
 * sent back, a member assigned today who has no dues base yet, and an invitation to be secretary. Returns the ids scenes name in
 * their queries as `{sessionId}`, `{memberId}`, `{pendingId}`…
 */
import type { FunctionHost } from '../emulator/function-host';
import { memberIdOf } from '../server/domain/ids';
import { aRegistration } from '../tests/helpers/registration';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../typings/api';
import type { Reply } from '../typings/reply';

export type Fixtures = Record<string, string>;

/** The people who registered for the preview and wait for the secretary. */
export const APPLICANTS = {
  waiting: 'preview-applicant',
  sentBack: 'preview-sent-back',
  /** Assigned to the demo branch today: no dues base yet. */
  newlyAssigned: 'preview-new-member',
} as const;

async function call<F extends FunctionName, A extends ActionName<F>>(
  host: FunctionHost,
  name: F,
  action: A,
  input: ActionInput<F, A>,
  openid: string,
): Promise<ActionOutput<F, A>> {
  const { reply } = await host.invoke(name, { ...(input as object), action }, { openid });
  const r = reply as Reply<ActionOutput<F, A>>;
  if (!r.ok) throw new Error(`preview fixture ${name}.${action} as ${openid}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export async function seedPreviewFixtures(host: FunctionHost): Promise<Fixtures> {
  const waiting = await call(
    host,
    'member',
    'register',
    aRegistration({ name: '张建华', privacyConsentVersion: '2026-11' }),
    APPLICANTS.waiting,
  );
  const sentBack = await call(
    host,
    'member',
    'register',
    aRegistration({
      name: '刘芳',
      gender: 'female',
      work: { industry: 'food_delivery', employer: '某外卖站点', job: '骑手' },
    }),
    APPLICANTS.sentBack,
  );
  await call(
    host,
    'member',
    'sendBack',
    { memberId: sentBack.memberId, reason: '身份证号与姓名不一致，请核对后重新提交' },
    'demo-secretary',
  );
  const newcomer = await call(
    host,
    'member',
    'register',
    aRegistration({ name: '陈立新', work: { industry: 'ride_hailing', employer: '某网约车平台', job: '司机' } }),
    APPLICANTS.newlyAssigned,
  );
  await call(host, 'member', 'assign', { memberId: newcomer.memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary');
  // The district administrator invites a new secretary of the demo branch: the card they forward.
  const invitation = await call(
    host,
    'org',
    'createInvitation',
    { role: 'secretary', scopeId: 'xm-siming-mobile', forName: '郑新书记' },
    'demo-admin',
  );
  const sessions = await call(host, 'sessions', 'managed', { tab: 'upcoming' }, 'demo-secretary');
  const sessionId = sessions.items[0]?.sessionId;
  if (!sessionId) throw new Error('preview fixture: the demo branch has no upcoming session');
  return {
    memberId: memberIdOf('demo-member'),
    pendingId: waiting.memberId,
    sentBackId: sentBack.memberId,
    newMemberId: newcomer.memberId,
    sessionId,
    branchId: 'xm-siming-mobile',
    districtId: 'xm-siming',
    inviteCode: invitation.code,
  };
}
