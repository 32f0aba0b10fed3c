import { COLLECTIONS } from '../../database/collections';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

describe('org.detail', () => {
  it('shows a node with its branches and stations', async () => {
    const d = expectOk((await t.call('org', 'detail', { id: 'xm-siming-zhonghua' }, 'demo-member')).reply);
    expect(d.branches.map((b) => b.id)).toEqual(['xm-siming-zhonghua-mobile']);
    expect(d.stations[0]).toMatchObject({
      id: 'xm-siming-zhonghua-station',
      openingHours: expect.stringContaining('周一'),
    });
  });
});

describe('org administration', () => {
  it('adds a community under a street in the administrator’s district, once, with an audit record', async () => {
    const input = { parentId: 'xm-siming-binhai', type: 'community' as const, name: '演武社区' };
    const added = expectOk((await t.call('org', 'addNode', input, 'demo-admin')).reply);
    expect(added).toMatchObject({ parentId: 'xm-siming-binhai', ancestors: ['xm', 'xm-siming', 'xm-siming-binhai'] });
    const again = expectOk((await t.call('org', 'addNode', input, 'demo-admin')).reply);
    expect(again.id).toBe(added.id);
    const parent = expectOk((await t.call('org', 'get', { id: 'xm-siming-binhai' }, 'demo-admin')).reply);
    expect(parent.hasChildren).toBe(true);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'org.add', 'target.id': added.id })
      .count();
    expect(audit.total).toBe(1);
  });

  it('refuses a child type that does not belong there', async () => {
    const { reply } = await t.call(
      'org',
      'addNode',
      { parentId: 'xm-siming-binhai', type: 'district', name: '新区' },
      'demo-admin',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'type' } });
  });

  it('keeps administrators, secretaries and members out of other subtrees', async () => {
    for (const who of ['demo-admin', 'demo-secretary', 'demo-member']) {
      const { reply } = await t.call('org', 'renameNode', { id: 'xm-huli-huli', name: '改名街道' }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const node = expectOk((await t.call('org', 'get', { id: 'xm-huli-huli' }, 'demo-member')).reply);
    expect(node.name).toBe('湖里街道');
  });

  it('renames within scope and records before and after', async () => {
    expectOk(
      (await t.call('org', 'renameNode', { id: 'xm-siming-gulangyu', name: '鼓浪屿街道（测试）' }, 'demo-admin')).reply,
    );
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'org.rename', 'target.id': 'xm-siming-gulangyu' })
      .get();
    expect(audit.data[0]).toMatchObject({ before: { name: '鼓浪屿街道' }, after: { name: '鼓浪屿街道（测试）' } });
  });

  it('closes only an empty node, and not one with members', async () => {
    const withKids = await t.call('org', 'closeNode', { id: 'xm-siming-zhonghua', reason: '测试撤销' }, 'demo-admin');
    expect(withKids.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const withMembers = await t.call('org', 'closeNode', { id: 'xm-siming-mobile', reason: '测试撤销' }, 'demo-admin');
    expect(withMembers.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    if (!withMembers.reply.ok) expect(withMembers.reply.error.message).toMatch(/在册党员/);
    const empty = expectOk(
      (
        await t.call(
          'org',
          'addNode',
          { parentId: 'xm-siming-lujiang', type: 'community', name: '待撤社区' },
          'demo-admin',
        )
      ).reply,
    );
    expectOk((await t.call('org', 'closeNode', { id: empty.id, reason: '合并撤销' }, 'demo-admin')).reply);
    const kids = expectOk((await t.call('org', 'children', { parentId: 'xm-siming-lujiang' }, 'demo-admin')).reply);
    expect(kids.items.map((k) => k.id)).not.toContain(empty.id);
  });
});

describe('role grants', () => {
  it('grants a secretary role over a branch in scope; the holder then sees the work', async () => {
    const held = expectOk(
      (
        await t.call(
          'org',
          'grantRole',
          { openid: 'o-new-sec', role: 'secretary', scopeId: 'xm-siming-lianqian-mobile' },
          'demo-admin',
        )
      ).reply,
    );
    expect(held).toMatchObject({ role: 'secretary', scopeName: '莲前街道流动党员党支部', grantedBy: 'demo-admin' });
    const me = expectOk((await t.call('user', 'whoami', {}, 'o-new-sec')).reply);
    expect(me.roles).toEqual([
      { role: 'secretary', scopeId: 'xm-siming-lianqian-mobile', scopeName: '莲前街道流动党员党支部' },
    ]);
    const queue = await t.call('member', 'pendingQueue', {}, 'o-new-sec');
    expect(queue.reply.ok).toBe(true);
    const list = expectOk(
      (await t.call('org', 'listRoles', { scopeId: 'xm-siming-lianqian-mobile' }, 'demo-admin')).reply,
    );
    expect(list.items.map((r) => r.openid)).toEqual(['o-new-sec']);
  });

  it('grants a secretary role only over a branch', async () => {
    const { reply } = await t.call(
      'org',
      'grantRole',
      { openid: 'o-x', role: 'secretary', scopeId: 'xm-siming-lianqian' },
      'demo-admin',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'role' } });
  });

  it('refuses grants outside the caller’s subtree and to non-administrators', async () => {
    const cases: [string, string][] = [
      ['demo-admin', 'xm-huli-mobile'],
      ['demo-secretary', 'xm-siming-mobile'],
      ['demo-member', 'xm-siming-mobile'],
    ];
    for (const [who, scopeId] of cases) {
      const { reply } = await t.call('org', 'grantRole', { openid: 'o-y', role: 'secretary', scopeId }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const roles = await t.db.collection(COLLECTIONS.roles).where({ openid: 'o-y' }).count();
    expect(roles.total).toBe(0);
  });

  it('revokes, after which the former secretary is refused', async () => {
    expectOk(
      (
        await t.call(
          'org',
          'grantRole',
          { openid: 'o-tmp', role: 'secretary', scopeId: 'xm-siming-mobile' },
          'demo-admin',
        )
      ).reply,
    );
    const revoked = expectOk(
      (
        await t.call(
          'org',
          'revokeRole',
          { openid: 'o-tmp', role: 'secretary', scopeId: 'xm-siming-mobile' },
          'demo-admin',
        )
      ).reply,
    );
    expect(revoked.revoked).toBe(true);
    const { reply } = await t.call('member', 'pendingQueue', {}, 'o-tmp');
    expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const again = expectOk(
      (
        await t.call(
          'org',
          'revokeRole',
          { openid: 'o-tmp', role: 'secretary', scopeId: 'xm-siming-mobile' },
          'demo-admin',
        )
      ).reply,
    );
    expect(again.revoked).toBe(false);
  });

  it('lets the super administrator from configuration act anywhere', async () => {
    const held = expectOk(
      (await t.call('org', 'grantRole', { openid: 'o-huli-admin', role: 'admin', scopeId: 'xm-huli' }, 'demo-super'))
        .reply,
    );
    expect(held.scopeName).toBe('湖里区');
  });
});
