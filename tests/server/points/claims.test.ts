/**
 * Claims: a member claims points for a volunteer or public-welfare act with photos uploaded to
 * storage; the secretary of their branch approves (once: the entry is written in the same
 * transaction) or rejects with a reason. Every action × role, in and out of scope.
 */
import * as tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../../database/collections';
import type { ClaimView } from '../../../typings/areas/points';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { anActiveMember, startPointsCloud, thisYear, today } from '../../helpers/points';
import { aRegistration } from '../../helpers/registration';
import { forgetCachedRules } from '../../../server/points/store';

let t: TestCloud;
let app: ReturnType<typeof tcb.init>;
beforeAll(async () => {
  t = await startPointsCloud();
  app = tcb.init({ env: t.cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: t.cloud.adminUrl });
});
afterAll(() => t.close());

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
let photoSerial = 0;

/** Upload a photo into the member's evidence folder, as the mini-program does. */
async function aPhoto(memberId: string): Promise<string> {
  const { fileID } = await app.uploadFile({
    cloudPath: `points-evidence/${memberId}/p${++photoSerial}.jpg`,
    fileContent: jpeg,
  });
  return fileID;
}

let d = 0;
/** A pending claim of one volunteer service, unique by its description. */
async function aClaim(openid: string, memberId: string, hours = 3): Promise<ClaimView> {
  const { reply } = await t.call(
    'points',
    'submitClaim',
    {
      ruleCode: 'volunteer.hour',
      occurredOn: today(),
      quantity: hours,
      description: `社区核酸点志愿服务 ${++d}`,
      photos: [await aPhoto(memberId)],
    },
    openid,
  );
  return expectOk(reply);
}

async function entriesFor(claimId: string) {
  return (await t.db.collection(COLLECTIONS.pointsLedger).where({ 'source.type': 'claim', 'source.id': claimId }).get())
    .data;
}

describe('submitting', () => {
  it('records a pending claim with its photos; the member sees it and the pending count', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const photo = await aPhoto(memberId);
    const { reply, roundTrips } = await t.call(
      'points',
      'submitClaim',
      {
        ruleCode: 'volunteer.hour',
        occurredOn: today(),
        quantity: 2,
        description: '在社区帮助独居老人打扫卫生',
        photos: [photo],
      },
      openid,
    );
    const claim = expectOk(reply);
    expect(claim).toMatchObject({
      state: 'pending',
      ruleName: '志愿服务（按小时）',
      quantity: 2,
      photos: [photo],
      points: null,
      branchName: '思明区流动党员党支部',
    });
    expect(roundTrips).toBe(4);
    const mine = expectOk((await t.call('points', 'myClaims', {}, openid)).reply);
    expect(mine.items.map((c) => c.claimId)).toEqual([claim.claimId]);
    expect(expectOk((await t.call('points', 'summary', {}, openid)).reply).pendingClaims).toBe(1);
    const detail = expectOk((await t.call('points', 'claim', { claimId: claim.claimId }, openid)).reply);
    const served = await fetch(detail.photoUrls[0]!);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);
  });

  it('the same claim sent twice is one claim', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const input = {
      ruleCode: 'welfare.act',
      occurredOn: today(),
      description: '调解邻里纠纷',
      photos: [await aPhoto(memberId)],
    };
    const [a, b] = await Promise.all([
      t.call('points', 'submitClaim', input, openid),
      t.call('points', 'submitClaim', input, openid),
    ]);
    expect(expectOk(a.reply).claimId).toBe(expectOk(b.reply).claimId);
    expect((await t.db.collection(COLLECTIONS.pointsClaims).where({ memberId }).count()).total).toBe(1);
  });

  it.each([
    [
      'photos of someone else’s folder',
      (m: string) => ({ photos: [`cloud://test-env.x/points-evidence/${m}-other/p.jpg`] }),
      'INVALID_ARGUMENT',
      'photos.0',
    ],
    [
      'a photo that was never uploaded',
      (m: string) => ({ photos: [`cloud://test-env.7465-test-env-1250000000/points-evidence/${m}/never.jpg`] }),
      'INVALID_ARGUMENT',
      'photos.0',
    ],
    ['no photo for an item that needs one', () => ({ photos: [] }), 'INVALID_ARGUMENT', 'photos'],
    ['no hours for an hourly item', () => ({ quantity: undefined }), 'INVALID_ARGUMENT', 'quantity'],
    ['a day in the future', () => ({ occurredOn: `${thisYear() + 1}-01-01` }), 'INVALID_ARGUMENT', 'occurredOn'],
    ['a day two years back', () => ({ occurredOn: `${thisYear() - 2}-06-01` }), 'INVALID_ARGUMENT', 'occurredOn'],
    ['a day that does not exist', () => ({ occurredOn: '2026-02-30' }), 'INVALID_ARGUMENT', 'occurredOn'],
    ['a description too short', () => ({ description: '好' }), 'INVALID_ARGUMENT', 'description'],
    [
      'more than nine photos',
      () => ({ photos: Array.from({ length: 10 }, (_, i) => `cloud://e.b/p${i}.jpg`) }),
      'INVALID_ARGUMENT',
      'photos',
    ],
  ])('refuses %s and writes nothing', async (_what, change, code, field) => {
    const { openid, memberId } = await anActiveMember(t);
    const input = {
      ruleCode: 'volunteer.hour',
      occurredOn: today(),
      quantity: 2,
      description: '社区志愿服务活动',
      photos: [await aPhoto(memberId)],
      ...change(memberId),
    };
    const { reply } = await t.call('points', 'submitClaim', input, openid);
    expect(reply).toMatchObject({ ok: false, error: { code, field } });
    if (!reply.ok) expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.db.collection(COLLECTIONS.pointsClaims).where({ memberId }).count()).total).toBe(0);
  });

  it('refuses items members cannot claim (automatic ones, deductions, commendations)', async () => {
    const { openid, memberId } = await anActiveMember(t);
    for (const ruleCode of ['attendance.theme_day', 'deduction.no_report', 'commendation.district']) {
      const { reply } = await t.call(
        'points',
        'submitClaim',
        { ruleCode, occurredOn: today(), description: '我参加了活动', photos: [await aPhoto(memberId)] },
        openid,
      );
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'FAILED_PRECONDITION', message: '该项目不能由本人申报' },
      });
    }
  });

  it('refuses someone who has not registered, or is not yet assigned', async () => {
    const input = { ruleCode: 'welfare.act', occurredOn: today(), description: '帮助邻居搬家具', photos: [] };
    const nobody = await t.call('points', 'submitClaim', input, 'o-never-registered');
    expect(nobody.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectOk((await t.call('member', 'register', aRegistration(), 'o-pending-claimant')).reply);
    const pending = await t.call('points', 'submitClaim', input, 'o-pending-claimant');
    expect(pending.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '您还没有编入支部，编入后才能申报积分' },
    });
  });
});

describe('the approval queue', () => {
  it('shows a 思明 claim to its secretary and the 思明 administrator, with photo links; not to 湖里 or a member', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId);
    const queueOf = async (who: string) => t.call('points', 'pendingClaims', { limit: 100 }, who);
    for (const who of ['demo-secretary', 'demo-admin', 'demo-super']) {
      const page = expectOk((await queueOf(who)).reply);
      const row = page.items.find((c) => c.claimId === claim.claimId);
      expect(row).toMatchObject({ memberName: '张建华', state: 'pending' });
      expect(row!.photoUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\/object\//);
    }
    expect(expectOk((await queueOf('demo-secretary-huli')).reply).items.map((c) => c.claimId)).not.toContain(
      claim.claimId,
    );
    expect((await queueOf('demo-member')).reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('filters by a node the caller runs, and refuses one they do not', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId);
    const inScope = expectOk(
      (await t.call('points', 'pendingClaims', { scopeId: 'xm-siming-mobile' }, 'demo-admin')).reply,
    );
    expect(inScope.items.map((c) => c.claimId)).toContain(claim.claimId);
    const other = await t.call('points', 'pendingClaims', { scopeId: 'xm-huli' }, 'demo-admin');
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('a claim’s detail is refused to people outside its branch', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId);
    for (const who of ['demo-secretary-huli', 'demo-member']) {
      expect((await t.call('points', 'claim', { claimId: claim.claimId }, who)).reply).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    }
  });
});

describe('approving and rejecting', () => {
  it('approval writes the entry (with the claim as its source) and the totals, once', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId, 3);
    forgetCachedRules(); // a container's first award reads the 清单 item
    const { reply, roundTrips } = await t.call(
      'points',
      'approveClaim',
      { claimId: claim.claimId, note: '情况属实' },
      'demo-secretary',
    );
    const approved = expectOk(reply);
    expect(approved).toMatchObject({ state: 'approved', points: 3, decidedBy: '支部书记', decisionNote: '情况属实' });
    expect(roundTrips).toBe(13);
    const entries = await entriesFor(claim.claimId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      _id: approved.entryId,
      points: 3,
      memberId,
      approvedBy: 'demo-secretary',
      approvedByName: '支部书记',
    });
    const summary = expectOk((await t.call('points', 'summary', {}, openid)).reply);
    expect(summary).toMatchObject({ yearTotal: 8, lifetimeTotal: 8, pendingClaims: 0 });
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'points.claim.approve', 'target.id': claim.claimId })
      .count();
    expect(audit.total).toBe(1);

    const again = await t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-admin');
    expect(again.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '该申报已经审批通过，不能重复审批' },
    });
    expect(await entriesFor(claim.claimId)).toHaveLength(1);
  });

  it('two reviewers approving at once: one approval, one entry, the other is told', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId, 2);
    const replies = await Promise.all(
      ['demo-secretary', 'demo-admin', 'demo-super'].map((who) =>
        t.call('points', 'approveClaim', { claimId: claim.claimId }, who),
      ),
    );
    expect(replies.filter((r) => r.reply.ok)).toHaveLength(1);
    for (const r of replies.filter((x) => !x.reply.ok)) {
      expect(r.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    }
    expect(await entriesFor(claim.claimId)).toHaveLength(1);
    expect(expectOk((await t.call('points', 'summary', {}, openid)).reply).lifetimeTotal).toBe(7);
  });

  it('approve and reject at once: exactly one wins, and an entry exists only if approval won', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId, 2);
    const [approve, reject] = await Promise.all([
      t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-secretary'),
      t.call('points', 'rejectClaim', { claimId: claim.claimId, reason: '照片不清楚' }, 'demo-admin'),
    ]);
    expect([approve.reply.ok, reject.reply.ok].filter(Boolean)).toHaveLength(1);
    const stored = (await t.db.collection(COLLECTIONS.pointsClaims).doc(claim.claimId).get()).data[0];
    expect(await entriesFor(claim.claimId)).toHaveLength(stored.state === 'approved' ? 1 : 0);
  });

  it('rejection records the reason for the member and writes no entry; it cannot then be approved', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId);
    const rejected = expectOk(
      (
        await t.call(
          'points',
          'rejectClaim',
          { claimId: claim.claimId, reason: '照片看不出服务内容' },
          'demo-secretary',
        )
      ).reply,
    );
    expect(rejected).toMatchObject({ state: 'rejected', decisionNote: '照片看不出服务内容', points: null });
    const mine = expectOk((await t.call('points', 'myClaims', { state: 'rejected' }, openid)).reply);
    expect(mine.items[0]).toMatchObject({ claimId: claim.claimId, decisionNote: '照片看不出服务内容' });
    const late = await t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-secretary');
    expect(late.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '该申报已被退回，不能再审批' },
    });
    expect(await entriesFor(claim.claimId)).toHaveLength(0);
  });

  it('a claim over the day cap is approved with the points the cap allows, and says so', async () => {
    const { openid, memberId } = await anActiveMember(t);
    const claim = await aClaim(openid, memberId, 12);
    const approved = expectOk(
      (await t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-secretary')).reply,
    );
    expect(approved).toMatchObject({ points: 8, decisionNote: '已接近该项目每日积分上限，本次按 8 分计' });
  });

  it.each([
    ['the secretary of another district', 'demo-secretary-huli'],
    ['a plain member', 'demo-member'],
  ])('%s can neither approve nor reject', async (_who, openid) => {
    const m = await anActiveMember(t);
    const claim = await aClaim(m.openid, m.memberId);
    for (const action of ['approveClaim', 'rejectClaim'] as const) {
      const input =
        action === 'approveClaim' ? { claimId: claim.claimId } : { claimId: claim.claimId, reason: '不同意申报' };
      const { reply } = await t.call('points', action, input as never, openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    expect((await t.db.collection(COLLECTIONS.pointsClaims).doc(claim.claimId).get()).data[0].state).toBe('pending');
  });

  it('a secretary cannot approve their own claim', async () => {
    const claim = await aClaim('demo-secretary', 'm_demo-secretary');
    const { reply } = await t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-secretary');
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '不能审批本人的申报，请由其他负责人审批' },
    });
    expect(
      expectOk((await t.call('points', 'approveClaim', { claimId: claim.claimId }, 'demo-admin')).reply).state,
    ).toBe('approved');
  });

  it.each([
    ['an unknown claim', 'approveClaim', { claimId: 'c_nope' }, 'NOT_FOUND'],
    ['a reject without a reason', 'rejectClaim', { claimId: 'c_nope', reason: '' }, 'INVALID_ARGUMENT'],
    ['a claim id that is not text', 'approveClaim', { claimId: 42 }, 'INVALID_ARGUMENT'],
    [
      'an approval note over 200 characters',
      'approveClaim',
      { claimId: 'c_nope', note: '好'.repeat(201) },
      'INVALID_ARGUMENT',
    ],
  ])('%s is a coded error', async (_what, action, input, code) => {
    const reply = await t.callRaw('points', { action, ...input }, 'demo-secretary');
    expect(reply).toMatchObject({ ok: false, error: { code } });
  });
});
