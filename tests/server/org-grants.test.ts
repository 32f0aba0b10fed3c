/**
 * Grants and the tree under concurrency: closing a node ends its grants (audited), revoke and list
 * work on closed nodes, parallel retries of addNode make one node, and an invitation accepted
 * repeatedly one grant with one audit.
 */
import { COLLECTIONS } from '../../database/collections';
import { grantByInvitation } from '../helpers/grants';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

const auditCount = async (where: Record<string, unknown>) =>
  (await t.db.collection(COLLECTIONS.auditLog).where(where).count()).total;

describe('closing a node', () => {
  it('ends the grants on it: the former secretary loses manager rights, and the end is audited', async () => {
    const branch = expectOk(
      (
        await t.call(
          'org',
          'addNode',
          { parentId: 'xm-siming-binhai', type: 'mobile_branch', name: '临时流动党员党支部' },
          'demo-admin',
        )
      ).reply,
    );
    await grantByInvitation(t, { to: 'o-temp-secretary', role: 'secretary', scopeId: branch.id }, 'demo-admin');
    expectOk((await t.call('points', 'rules', { scopeId: branch.id }, 'o-temp-secretary')).reply);

    expectOk((await t.call('org', 'closeNode', { id: branch.id, reason: '并入社区支部' }, 'demo-admin')).reply);
    expect((await t.db.collection(COLLECTIONS.roles).where({ scopeId: branch.id }).count()).total).toBe(0);
    expect(await auditCount({ action: 'role.revoke', 'target.id': `secretary:${branch.id}:o-temp-secretary` })).toBe(1);
    const rules = await t.call('points', 'rules', { scopeId: 'xm-siming' }, 'o-temp-secretary');
    expect(rules.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const verify = await t.call('member', 'verifyCertificate', { token: 'x' }, 'o-temp-secretary');
    expect(verify.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });

    // Closing again (a retry) changes nothing more.
    expectOk((await t.call('org', 'closeNode', { id: branch.id, reason: '并入社区支部' }, 'demo-admin')).reply);
    expect(await auditCount({ action: 'org.close', 'target.id': branch.id })).toBe(1);
  });

  it('leaves grants made on it earlier listable and revocable by the super administrator', async () => {
    const branch = expectOk(
      (
        await t.call(
          'org',
          'addNode',
          { parentId: 'xm-siming-binhai', type: 'branch', name: '旧数据支部' },
          'demo-admin',
        )
      ).reply,
    );
    expectOk((await t.call('org', 'closeNode', { id: branch.id, reason: '撤销' }, 'demo-admin')).reply);
    // A grant left on a closed node by data from before this rule.
    const id = `secretary:${branch.id}:o-left-over`;
    await t.db.collection(COLLECTIONS.roles).add({
      _id: id,
      openid: 'o-left-over',
      role: 'secretary',
      scopeId: branch.id,
      scopeName: branch.name,
      scopePath: [...branch.ancestors, branch.id],
      holderName: null,
      grantedBy: 'demo-super',
      grantedAt: new Date(),
    });
    const listed = expectOk((await t.call('org', 'listRoles', { scopeId: branch.id }, 'demo-super')).reply);
    expect(listed.items).toHaveLength(1);
    const revoked = expectOk(
      (await t.call('org', 'revokeRole', { scopeId: branch.id, grantId: listed.items[0]!.grantId }, 'demo-super'))
        .reply,
    );
    expect(revoked.revoked).toBe(true);
  });
});

describe('retries at once', () => {
  it('ten parallel addNode calls make one node, one audit entry and one more child on the parent', async () => {
    const parentBefore = (await t.db.collection(COLLECTIONS.orgs).doc('xm-siming-lianqian').get()).data[0] as {
      childCount: number;
    };
    const input = { parentId: 'xm-siming-lianqian', type: 'community' as const, name: '并发测试社区' };
    const replies = await Promise.all(Array.from({ length: 10 }, () => t.call('org', 'addNode', input, 'demo-admin')));
    const ids = new Set(replies.map((r) => expectOk(r.reply).id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(
      (await t.db.collection(COLLECTIONS.orgs).where({ parentId: input.parentId, name: input.name }).count()).total,
    ).toBe(1);
    expect(await auditCount({ action: 'org.add', 'target.id': id })).toBe(1);
    const parentAfter = (await t.db.collection(COLLECTIONS.orgs).doc('xm-siming-lianqian').get()).data[0] as {
      childCount: number;
    };
    expect(parentAfter.childCount).toBe(parentBefore.childCount + 1);
  });

  it('an invitation accepted again, in turn or at once, is one grant with one audit entry', async () => {
    const scopeId = 'xm-siming-lianqian-mobile';
    const invitation = expectOk(
      (await t.call('org', 'createInvitation', { role: 'secretary', scopeId, forName: '郑两次' }, 'demo-admin')).reply,
    );
    const accept = () => t.call('org', 'acceptInvitation', { code: invitation.code, name: '郑两次' }, 'o-twice');
    const first = expectOk((await accept()).reply);
    const replies = await Promise.all(Array.from({ length: 4 }, accept));
    for (const { reply } of replies) expect(expectOk(reply).grantId).toBe(first.grantId);
    expect(expectOk((await accept()).reply).grantId).toBe(first.grantId);
    expect(await auditCount({ action: 'role.grant', 'target.id': `secretary:${scopeId}:o-twice` })).toBe(1);
    expect((await t.db.collection(COLLECTIONS.roles).where({ openid: 'o-twice' }).count()).total).toBe(1);
  });
});
