import { startTestCloud, expectOk, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

describe('org.children', () => {
  it('starts the tree at 厦门市', async () => {
    const { items } = expectOk((await t.call('org', 'children', {}, 'demo-member')).reply);
    expect(items.map((i) => i.name)).toEqual(['厦门市']);
    expect(items[0]).toMatchObject({ id: 'xm', type: 'city', parentId: null, ancestors: [], hasChildren: true });
  });

  it('lists the six districts in order for the 区 picker', async () => {
    const { items } = expectOk(
      (await t.call('org', 'children', { parentId: 'xm', types: ['district'] }, 'demo-member')).reply,
    );
    expect(items.map((i) => i.name)).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']);
    for (const d of items) expect(d.ancestors).toEqual(['xm']);
  });

  it('lists streets under a district with their ancestors', async () => {
    const { items } = expectOk(
      (await t.call('org', 'children', { parentId: 'xm-siming', types: ['street'] }, 'demo-member')).reply,
    );
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.every((s) => s.type === 'street' && s.ancestors.join('/') === 'xm/xm-siming')).toBe(true);
  });

  it('answers in one round trip at the top and two under a parent', async () => {
    expect((await t.call('org', 'children', {}, 'demo-member')).roundTrips).toBe(1);
    expect((await t.call('org', 'children', { parentId: 'xm-huli' }, 'demo-member')).roundTrips).toBe(2);
  });

  it('says NOT_FOUND for an unknown parent', async () => {
    const { reply } = await t.call('org', 'children', { parentId: 'nowhere' }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该组织不存在' } });
  });
});

describe('org.get', () => {
  it('returns one node', async () => {
    const node = expectOk((await t.call('org', 'get', { id: 'xm-siming' }, 'demo-member')).reply);
    expect(node).toMatchObject({ id: 'xm-siming', name: '思明区', type: 'district', demo: true });
  });

  it('refuses an empty id', async () => {
    const { reply } = await t.call('org', 'get', { id: '  ' }, 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'id' } });
  });
});
