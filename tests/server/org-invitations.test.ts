/**
 * Roles by invitation (org.createInvitation … acceptInvitation): who may invite to what, the one
 * use, the expiry, revoking, the audit, and that no openid is ever asked for or shown.
 */
import { COLLECTIONS } from '../../database/collections';
import { INVITATION_HOURS, QR_PREFIX } from '../../server/domain/invitations';
import type { InvitationView } from '../../typings/areas/org';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

const LIANQIAN = 'xm-siming-lianqian-mobile';

async function invite(
  forName = '郑新书记',
  scopeId = LIANQIAN,
  role: 'secretary' | 'admin' = 'secretary',
  by = 'demo-admin',
): Promise<InvitationView> {
  return expectOk((await t.call('org', 'createInvitation', { role, scopeId, forName }, by)).reply);
}

describe('an administrator invites a secretary, who accepts while signed in', () => {
  it('goes end to end: the card, the view, the acceptance, the new secretary at work, and the audit', async () => {
    const invitation = await invite();
    expect(invitation).toMatchObject({
      role: 'secretary',
      scopeName: '莲前街道流动党员党支部',
      forName: '郑新书记',
      // demo-admin has not registered: named by the post that lets them invite.
      invitedBy: '思明区管理员',
      state: 'open',
      path: `/pages-admin/accept/index?code=${invitation.code}`,
    });
    expect(invitation.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(invitation.qrImage).toMatch(/^data:image\/png;base64,/);
    const hours = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 3600_000;
    expect(hours).toBe(INVITATION_HOURS);

    // The person opens the card: what it offers, before anything changes.
    const seen = expectOk((await t.call('org', 'viewInvitation', { code: invitation.code }, 'o-inv-new')).reply);
    expect(seen).toMatchObject({ mayAccept: true, refusal: null, yourName: null });
    expect(seen.invitation.qrImage).toBe('');
    expect((await t.db.collection(COLLECTIONS.roles).where({ openid: 'o-inv-new' }).count()).total).toBe(0);

    // Typed with spaces and in small letters, or scanned with the prefix, it is the same code.
    const typed = `${invitation.code.slice(0, 4).toLowerCase()} ${invitation.code.slice(4)}`;
    const held = expectOk(
      (await t.call('org', 'acceptInvitation', { code: typed, name: '郑新书记' }, 'o-inv-new')).reply,
    );
    expect(held).toMatchObject({ role: 'secretary', scopeId: LIANQIAN, name: '郑新书记' });
    expect(JSON.stringify(held)).not.toContain('o-inv-new');

    const me = expectOk((await t.call('user', 'whoami', {}, 'o-inv-new')).reply);
    expect(me.roles).toEqual([{ role: 'secretary', scopeId: LIANQIAN, scopeName: '莲前街道流动党员党支部' }]);
    expect((await t.call('member', 'pendingQueue', {}, 'o-inv-new')).reply.ok).toBe(true);

    // The administrators of the node see the holder by name, never by openid.
    const roles = expectOk((await t.call('org', 'listRoles', { scopeId: LIANQIAN }, 'demo-admin')).reply);
    expect(roles.items.find((r) => r.grantId === held.grantId)).toMatchObject({ name: '郑新书记' });
    expect(JSON.stringify(roles)).not.toContain('o-inv-new');
    const listed = expectOk((await t.call('org', 'listInvitations', { scopeId: LIANQIAN }, 'demo-admin')).reply);
    expect(listed.items.find((i) => i.code === invitation.code)).toMatchObject({
      state: 'accepted',
      acceptedName: '郑新书记',
      qrImage: '',
    });

    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'role.grant', 'target.id': `secretary:${LIANQIAN}:o-inv-new` })
      .get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({
      actor: 'o-inv-new',
      reason: `接受邀请 ${invitation.code}`,
      after: { grantedBy: 'demo-admin' },
    });
    const made = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'invitation.create', 'target.id': invitation.code })
      .count();
    expect(made.total).toBe(1);
  });

  it('is used once: anyone else is refused afterwards, and nothing changes for them', async () => {
    const invitation = await invite('钱一次');
    expectOk((await t.call('org', 'acceptInvitation', { code: invitation.code, name: '钱一次' }, 'o-inv-first')).reply);
    const second = await t.call('org', 'acceptInvitation', { code: invitation.code, name: '孙二' }, 'o-inv-second');
    expect(second.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('已经被其他人接受') },
    });
    expect((await t.db.collection(COLLECTIONS.roles).where({ openid: 'o-inv-second' }).count()).total).toBe(0);
    const view = expectOk((await t.call('org', 'viewInvitation', { code: invitation.code }, 'o-inv-second')).reply);
    expect(view).toMatchObject({ mayAccept: false, refusal: expect.stringContaining('已经被其他人接受') });
  });

  it('a registered member is shown by their registered name; anyone else must give one', async () => {
    const invitation = await invite('林晓东');
    const seen = expectOk((await t.call('org', 'viewInvitation', { code: invitation.code }, 'demo-member')).reply);
    expect(seen.yourName).toBe('林晓东（演示）');
    const held = expectOk((await t.call('org', 'acceptInvitation', { code: invitation.code }, 'demo-member')).reply);
    expect(held.name).toBe('林晓东（演示）');

    const other = await invite('周无名');
    const nameless = await t.call('org', 'acceptInvitation', { code: other.code }, 'o-inv-nameless');
    expect(nameless.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'name' } });
  });

  it('expires: after its time nobody may accept it', async () => {
    const invitation = await invite('吴过期');
    await t.db
      .collection(COLLECTIONS.invitations)
      .doc(invitation.code)
      .update({ expiresAt: new Date(Date.now() - 1000) });
    const late = await t.call('org', 'acceptInvitation', { code: invitation.code, name: '吴过期' }, 'o-inv-late');
    expect(late.reply).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('过期') },
    });
    const listed = expectOk((await t.call('org', 'listInvitations', { scopeId: LIANQIAN }, 'demo-admin')).reply);
    expect(listed.items.find((i) => i.code === invitation.code)?.state).toBe('expired');
  });

  it('can be revoked before it is used, audited once; then it cannot be accepted', async () => {
    const invitation = await invite('冯撤销');
    const revoked = expectOk((await t.call('org', 'revokeInvitation', { code: invitation.code }, 'demo-admin')).reply);
    expect(revoked.state).toBe('revoked');
    expectOk((await t.call('org', 'revokeInvitation', { code: invitation.code }, 'demo-admin')).reply);
    const audits = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'invitation.revoke', 'target.id': invitation.code })
      .count();
    expect(audits.total).toBe(1);
    const late = await t.call('org', 'acceptInvitation', { code: invitation.code, name: '冯撤销' }, 'o-inv-revoked');
    expect(late.reply).toMatchObject({ ok: false, error: { message: '这个邀请已经被管理员撤销' } });
  });

  it('then the role can be revoked by its grant id, after which the former secretary is refused', async () => {
    const invitation = await invite('陈临时');
    const held = expectOk(
      (await t.call('org', 'acceptInvitation', { code: invitation.code, name: '陈临时' }, 'o-inv-tmp')).reply,
    );
    const revoked = expectOk(
      (await t.call('org', 'revokeRole', { scopeId: LIANQIAN, grantId: held.grantId }, 'demo-admin')).reply,
    );
    expect(revoked.revoked).toBe(true);
    expect((await t.call('member', 'pendingQueue', {}, 'o-inv-tmp')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    const again = await t.call('org', 'revokeRole', { scopeId: LIANQIAN, grantId: held.grantId }, 'demo-admin');
    expect(again.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A grant id from another node finds nothing there.
    const elsewhere = await t.call(
      'org',
      'revokeRole',
      { scopeId: 'xm-siming-mobile', grantId: held.grantId },
      'demo-admin',
    );
    expect(elsewhere.reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('who may invite, revoke and see invitations', () => {
  it('a secretary is invited only to a branch; an administrator to any node in the subtree', async () => {
    const street = await t.call(
      'org',
      'createInvitation',
      { role: 'secretary', scopeId: 'xm-siming-lianqian', forName: '王街道' },
      'demo-admin',
    );
    expect(street.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'role' } });
    const admin = await invite('王街道', 'xm-siming-lianqian', 'admin');
    expect(admin.scopeName).toBe('莲前街道');
  });

  it('refuses invitations outside the caller’s subtree and from people who administer nothing', async () => {
    for (const [who, scopeId] of [
      ['demo-admin', 'xm-huli-mobile'],
      ['demo-secretary', 'xm-siming-mobile'],
      ['demo-member', 'xm-siming-mobile'],
    ] as const) {
      const { reply } = await t.call('org', 'createInvitation', { role: 'secretary', scopeId, forName: '王某某' }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const huli = await invite('赵湖里', 'xm-huli-mobile', 'secretary', 'demo-super');
    // Another district's administrator can neither list nor revoke it, though they hold the code.
    expect((await t.call('org', 'listInvitations', { scopeId: 'xm-huli-mobile' }, 'demo-admin')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    expect((await t.call('org', 'revokeInvitation', { code: huli.code }, 'demo-admin')).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
  });

  it('a code that is not one, or not known, is said plainly', async () => {
    const bad = await t.call('org', 'viewInvitation', { code: '12' }, 'o-inv-x');
    expect(bad.reply).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'code', message: '邀请码：应为 8 位字母和数字' },
    });
    const unknown = await t.call('org', 'viewInvitation', { code: `${QR_PREFIX}ABCDEFGH` }, 'o-inv-x');
    expect(unknown.reply).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到这个邀请，请核对邀请码' },
    });
  });
});
