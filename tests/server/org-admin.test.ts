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
