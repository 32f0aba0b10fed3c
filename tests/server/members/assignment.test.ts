import { COLLECTIONS } from '../../../database/collections';
import { aRegistration } from '../../helpers/registration';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

let n = 0;
async function registered(overrides: Parameters<typeof aRegistration>[0] = {}) {
  const openid = `o-asg-${++n}`;
  const me = expectOk((await t.call('member', 'register', aRegistration(overrides), openid)).reply);
  return { openid, memberId: me.memberId };
}

describe('the secretary queue', () => {
  it('shows a registration in 思明区 to the 思明 secretary and administrator, not to 湖里', async () => {
    const { memberId } = await registered();
    const ids = async (openid: string) => {
      const { reply } = await t.call('member', 'pendingQueue', { limit: 100 }, openid);
      return expectOk(reply).items.map((r) => r.memberId);
    };
    expect(await ids('demo-secretary')).toContain(memberId);
    expect(await ids('demo-admin')).toContain(memberId);
    expect(await ids('demo-super')).toContain(memberId);
    expect(await ids('demo-secretary-huli')).not.toContain(memberId);
  });

  it('keeps a registration sent back in sight, in its own list, until the person corrects it', async () => {
    const { memberId } = await registered();
    expectOk((await t.call('member', 'sendBack', { memberId, reason: '请补充老家联系人' }, 'demo-super')).reply);
    const list = async (state: 'pending' | 'sent_back', openid = 'demo-secretary') =>
      expectOk((await t.call('member', 'pendingQueue', { state, limit: 100 }, openid)).reply).items;
    expect((await list('pending')).map((r) => r.memberId)).not.toContain(memberId);
    const back = (await list('sent_back')).find((r) => r.memberId === memberId);
    expect(back).toMatchObject({ state: 'sent_back' });
    // Scoped as the queue is: 湖里 sees nothing of it.
    expect((await list('sent_back', 'demo-secretary-huli')).map((r) => r.memberId)).not.toContain(memberId);
    const bad = await t.call('member', 'pendingQueue', { state: 'active' as never }, 'demo-secretary');
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'state' } });
  });

  it('refuses the queue to a plain member', async () => {
    const { reply } = await t.call('member', 'pendingQueue', {}, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('pages oldest first with a cursor, carrying masks only', async () => {
    for (let i = 0; i < 3; i++) await registered();
    const first = expectOk((await t.call('member', 'pendingQueue', { limit: 2 }, 'demo-secretary')).reply);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = expectOk(
      (await t.call('member', 'pendingQueue', { limit: 2, cursor: first.nextCursor! }, 'demo-secretary')).reply,
    );
    expect(second.items[0]!.memberId).not.toBe(first.items[1]!.memberId);
    expect(first.items[0]!.submittedAt <= first.items[1]!.submittedAt).toBe(true);
    expect(JSON.stringify(first)).not.toMatch(/cipher|hash/);
  });
});

describe('suggestions', () => {
  it('puts the wished-for kind first and says why', async () => {
    const { memberId } = await registered({ wish: 'by_industry', work: { industry: 'food_delivery' } });
    const { items } = expectOk((await t.call('member', 'suggestions', { memberId }, 'demo-secretary')).reply);
    expect(items[0]).toMatchObject({ branchId: 'xm-ind-internet-b01', kind: 'by_industry', matchesWish: true });
    expect(items[0]!.reason).toContain('外卖');
    // Residence branches follow, the closest level first: community, then street, then district.
    const residence = items.filter((i) => i.kind === 'near_residence').map((i) => i.branchId);
    expect(residence).toEqual(['xm-siming-zhonghua-c01-mobile', 'xm-siming-zhonghua-mobile', 'xm-siming-mobile']);
    // 宁都县 has an organisation in Xiamen under a co-management agreement.
    expect(items.find((i) => i.kind === 'home_county')).toMatchObject({ branchId: 'xm-home-ningdu-b01' });
  });

  it('puts residence first for a member who wants to stay near home', async () => {
    const { memberId } = await registered({ wish: 'near_residence' });
    const { items } = expectOk((await t.call('member', 'suggestions', { memberId }, 'demo-admin')).reply);
    expect(items[0]).toMatchObject({ branchId: 'xm-siming-zhonghua-c01-mobile', matchesWish: true });
  });

  it('says for each branch whether the caller may assign it, in words for the secretary', async () => {
    const { memberId } = await registered({ wish: 'by_industry', work: { industry: 'food_delivery' } });
    const { items } = expectOk((await t.call('member', 'suggestions', { memberId }, 'demo-secretary')).reply);
    expect(items.find((i) => i.branchId === 'xm-siming-mobile')).toMatchObject({ canAssign: true });
    expect(items.find((i) => i.branchId === 'xm-ind-internet-b01')).toMatchObject({ canAssign: false });
    expect(items.filter((i) => i.canAssign).map((i) => i.branchId)).toEqual(['xm-siming-mobile']);
    for (const i of items) expect(i.reason).not.toContain('您');
    // The super administrator may assign every one.
    const all = expectOk((await t.call('member', 'suggestions', { memberId }, 'demo-super')).reply);
    expect(all.items.every((i) => i.canAssign)).toBe(true);
  });

  it('one the secretary may not assign is referred: history, audit, once; never one they run', async () => {
    const { memberId } = await registered({ wish: 'by_industry', work: { industry: 'food_delivery' } });
    const refer = (branchId: string, who = 'demo-secretary') =>
      t.call('member', 'refer', { memberId, branchId, note: '同行业，建议由行业支部接收' }, who);
    const detail = expectOk((await refer('xm-ind-internet-b01')).reply);
    expect(detail.history.at(-1)).toMatchObject({ reason: expect.stringContaining('同行业，建议由行业支部接收') });
    expect(detail.state).toBe('pending');
    expectOk((await refer('xm-ind-internet-b01')).reply);
    const audits = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'member.refer', 'target.id': memberId })
      .count();
    expect(audits.total).toBe(1);
    expect((await refer('xm-siming-mobile')).reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    for (const outsider of ['demo-secretary-huli', 'demo-member'])
      expect((await refer('xm-ind-internet-b01', outsider)).reply).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    expect((await refer('xm-ind-internet-b01', 'demo-member')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    expect((await refer('no-such-branch')).reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is refused to a secretary of another district', async () => {
    const { memberId } = await registered();
    const { reply } = await t.call('member', 'suggestions', { memberId }, 'demo-secretary-huli');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('assignment and the certificate', () => {
  it('assigns, issues a certificate that verifies, and shows both on the member page', async () => {
    const { openid, memberId } = await registered();
    const { reply, roundTrips } = await t.call(
      'member',
      'assign',
      { memberId, branchId: 'xm-siming-mobile' },
      'demo-secretary',
    );
    const detail = expectOk(reply);
    expect(detail).toMatchObject({ state: 'active', branchId: 'xm-siming-mobile', branchName: '思明区流动党员党支部' });
    expect(detail.history.map((h) => h.to)).toEqual(['pending', 'active']);
    // The assignment itself (10) and the registration points award on first assignment (7).
    expect(roundTrips).toBeLessThanOrEqual(17);

    const me = expectOk((await t.call('member', 'me', {}, openid)).reply)!;
    expect(me.branch).toMatchObject({ id: 'xm-siming-mobile', secretaryName: '陈美华（演示）' });
    expect(me.branch!.station).toMatchObject({ name: '思明区流动党员服务管理站' });
    expect(me.certificate).toMatchObject({ state: 'valid', branchName: '思明区流动党员党支部' });
    expect(me.certificate!.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(me.certificate!.qrToken).not.toContain('张建华');

    const verified = expectOk(
      (await t.call('member', 'verifyCertificate', { token: me.certificate!.qrToken }, 'demo-secretary-huli')).reply,
    );
    expect(verified).toMatchObject({ valid: true, number: me.certificate!.number, holderNameMasked: '张**' });

    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'member.assign', 'target.id': memberId })
      .count();
    expect(audit.total).toBe(1);
  });

  it('assigning again to the same branch changes nothing', async () => {
    const { memberId } = await registered();
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply);
    const again = expectOk(
      (await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply,
    );
    expect(again.history).toHaveLength(2);
    const certs = await t.db.collection(COLLECTIONS.certificates).where({ memberId }).get();
    expect(certs.data[0].version).toBe(1);
  });

  it('neither shows nor assigns the member to a secretary of another district', async () => {
    const { memberId } = await registered();
    for (const action of ['detail', 'assign'] as const) {
      const input = action === 'assign' ? { memberId, branchId: 'xm-huli-mobile' } : { memberId };
      const { reply } = await t.call('member', action, input as never, 'demo-secretary-huli');
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const doc = await t.db.collection(COLLECTIONS.members).doc(memberId).get();
    expect(doc.data[0].state).toBe('pending');
  });

  it('refuses a branch outside the caller’s scope even for a member they see', async () => {
    const { memberId } = await registered();
    const { reply } = await t.call('member', 'assign', { memberId, branchId: 'xm-ind-internet-b01' }, 'demo-secretary');
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED', message: '目标支部不在您的管理范围内' },
    });
  });

  it('a transfer re-issues the certificate and voids the old QR code', async () => {
    const { openid, memberId } = await registered();
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-admin')).reply);
    const oldToken = expectOk((await t.call('member', 'me', {}, openid)).reply)!.certificate!.qrToken;
    expectOk(
      (await t.call('member', 'assign', { memberId, branchId: 'xm-siming-zhonghua-mobile' }, 'demo-admin')).reply,
    );
    const stale = expectOk((await t.call('member', 'verifyCertificate', { token: oldToken }, 'demo-admin')).reply);
    expect(stale).toMatchObject({ valid: false, reason: '活动证已重新签发，此二维码已作废' });
    const fresh = expectOk((await t.call('member', 'me', {}, openid)).reply)!;
    expect(fresh.certificate!.branchName).toBe('中华街道流动党员党支部');
  });

  it('revokes the certificate when the member loses contact, and re-issues on return', async () => {
    const { openid, memberId } = await registered();
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply);
    const token = expectOk((await t.call('member', 'me', {}, openid)).reply)!.certificate!.qrToken;
    expectOk(
      (
        await t.call(
          'member',
          'changeState',
          { memberId, to: 'lost_contact', reason: '多次联系未果' },
          'demo-secretary',
        )
      ).reply,
    );
    const revoked = expectOk((await t.call('member', 'verifyCertificate', { token }, 'demo-secretary')).reply);
    expect(revoked.valid).toBe(false);
    expect(revoked.reason).toContain('活动证已收回');
    const back = expectOk(
      (await t.call('member', 'changeState', { memberId, to: 'active', reason: '已恢复联系' }, 'demo-secretary')).reply,
    );
    expect(back.history.map((h) => h.to)).toEqual(['pending', 'active', 'lost_contact', 'active']);
    const me = expectOk((await t.call('member', 'me', {}, openid)).reply)!;
    const ok = expectOk(
      (await t.call('member', 'verifyCertificate', { token: me.certificate!.qrToken }, 'demo-secretary')).reply,
    );
    expect(ok.valid).toBe(true);
  });

  it('refuses a forged or foreign token', async () => {
    const forged = expectOk(
      (await t.call('member', 'verifyCertificate', { token: 'abc.def' }, 'demo-secretary')).reply,
    );
    expect(forged.valid).toBe(false);
    const { reply } = await t.call('member', 'verifyCertificate', { token: 'abc.def' }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('sending back', () => {
  it('returns the registration with the reason; the member sees it and resubmits', async () => {
    const input = aRegistration();
    const openid = `o-sb-${++n}`;
    const { memberId } = expectOk((await t.call('member', 'register', input, openid)).reply);
    expectOk(
      (await t.call('member', 'sendBack', { memberId, reason: '入党时间请与档案核对' }, 'demo-secretary')).reply,
    );
    const me = expectOk((await t.call('member', 'me', {}, openid)).reply)!;
    expect(me).toMatchObject({ state: 'sent_back', sentBackReason: '入党时间请与档案核对' });
    const again = expectOk(
      (await t.call('member', 'register', { ...input, joinedPartyOn: '2016-07-01' }, openid)).reply,
    );
    expect(again.state).toBe('pending');
  });

  it('requires a reason', async () => {
    const { memberId } = await registered();
    const { reply } = await t.call('member', 'sendBack', { memberId, reason: '' }, 'demo-secretary');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
  });
});

describe('full identity values', () => {
  it('are revealed to a secretary in scope, with an audit record', async () => {
    const input = aRegistration();
    const { memberId } = expectOk((await t.call('member', 'register', input, `o-rv-${++n}`)).reply);
    const shown = expectOk(
      (await t.call('member', 'reveal', { memberId, reason: '电话联系核实身份' }, 'demo-secretary')).reply,
    );
    expect(shown).toEqual({ idCardNumber: input.idCardNumber, phone: input.phone, homeContactPhone: null });
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'member.reveal', 'target.id': memberId })
      .get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ actor: 'demo-secretary', reason: '电话联系核实身份' });
    expect(JSON.stringify(audit.data)).not.toContain(input.idCardNumber);
  });

  it('are refused out of scope and to the member next door', async () => {
    const { memberId } = await registered();
    for (const who of ['demo-secretary-huli', 'demo-member']) {
      const { reply } = await t.call('member', 'reveal', { memberId, reason: '好奇' }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });
});

describe('pairing', () => {
  it('links a committee member of the same branch; the member sees the contact', async () => {
    const { openid, memberId } = await registered();
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply);
    expectOk(
      (await t.call('member', 'pair', { memberId, contactMemberId: 'm_demo-secretary' }, 'demo-secretary')).reply,
    );
    const me = expectOk((await t.call('member', 'me', {}, openid)).reply)!;
    expect(me.pairedContact).toEqual({ name: '陈美华（演示）', phone: '13800000002' });
  });

  it('refuses a contact from another branch', async () => {
    const { memberId } = await registered();
    expectOk(
      (await t.call('member', 'assign', { memberId, branchId: 'xm-siming-zhonghua-mobile' }, 'demo-admin')).reply,
    );
    const { reply } = await t.call('member', 'pair', { memberId, contactMemberId: 'm_demo-member' }, 'demo-admin');
    expect(reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});

describe('branch members', () => {
  it('lists, searches by name and filters by state for the branch secretary only', async () => {
    const { memberId } = await registered({ name: '欧阳小梅' });
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary')).reply);
    const found = expectOk(
      (await t.call('member', 'branchMembers', { branchId: 'xm-siming-mobile', name: '小梅' }, 'demo-secretary')).reply,
    );
    expect(found.items.map((r) => r.name)).toEqual(['欧阳小梅']);
    const active = expectOk(
      (
        await t.call(
          'member',
          'branchMembers',
          { branchId: 'xm-siming-mobile', state: 'active', limit: 100 },
          'demo-secretary',
        )
      ).reply,
    );
    expect(active.items.every((r) => r.state === 'active')).toBe(true);
    const { reply } = await t.call('member', 'branchMembers', { branchId: 'xm-siming-mobile' }, 'demo-secretary-huli');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });

  it('treats a regular-expression search as plain text', async () => {
    const res = expectOk(
      (await t.call('member', 'branchMembers', { branchId: 'xm-siming-mobile', name: '.*' }, 'demo-secretary')).reply,
    );
    expect(res.items).toEqual([]);
  });
});
