/**
 * 覆盖 on the desk (`desk.figures`), on a small hand-made street under 思明区: every count, the
 * rates and their empty cases, the waits of pending registrations, and who may read them.
 */
import { COLLECTIONS } from '../../../database/collections';
import type { DeskFigures } from '../../../typings/areas/desk';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { aPhone, anIdCard } from '../../helpers/registration';

let t: TestCloud;
const STREET = 'desk-t-street';
const BRANCH = 'desk-t-branch';
const EMPTY = 'desk-t-empty';
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await startTestCloud();
  const district = (await t.db.collection(COLLECTIONS.orgs).doc('xm-siming').get()).data[0] as { ancestors: string[] };
  const under = [...district.ancestors, 'xm-siming'];
  const node = (id: string, type: string, ancestors: string[], name: string) => ({
    _id: id,
    type,
    name,
    parentId: ancestors.at(-1)!,
    ancestors,
    sort: 0,
    childCount: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  await t.db
    .collection(COLLECTIONS.orgs)
    .add([
      node(STREET, 'street', under, '测试街道'),
      node(BRANCH, 'branch', [...under, STREET], '测试街道流动党员党支部'),
      node(EMPTY, 'street', under, '没有人的街道'),
    ]);
  const scopes = [...under, STREET];
  const member = (n: number, state: string, extra: Record<string, unknown> = {}) => ({
    _id: `desk-m-${n}`,
    openid: `desk-o-${n}`,
    idCard: { hash: `desk-h-${n}` },
    name: `党员${n}`,
    state,
    candidateScopes: scopes,
    branchId: null,
    orgPath: [],
    submittedAt: new Date(Date.now() - n * DAY - 3600_000),
    ...extra,
  });
  const assigned = { branchId: BRANCH, orgPath: [...under, STREET, BRANCH] };
  await t.db.collection(COLLECTIONS.members).add([
    // Pending for 1, 2, 5 and 9 days: median 4 (3.5 rounded up), oldest 9.
    member(1, 'pending'),
    member(2, 'pending'),
    member(5, 'pending'),
    member(9, 'pending'),
    member(20, 'active', assigned),
    member(21, 'active', assigned),
    member(22, 'lost_contact', assigned),
    member(23, 'sent_back'),
  ]);
  const found = (n: number) => ({
    _id: `desk-imp-${n}`,
    scopeId: STREET,
    scopePath: scopes,
    name: `摸排${n}`,
    importedAt: new Date(),
  });
  await t.db.collection(COLLECTIONS.memberImports).add([1, 2, 3, 4, 5, 6, 7, 8].map(found));
});
afterAll(() => t.close());

const coverage = (nodeId: string, openid = 'demo-super') => t.call('desk', 'figures', { nodeId }, openid);
const byId = (c: DeskFigures) =>
  new Map(c.groups.filter((g) => g.group === 'coverage').flatMap((g) => g.figures.map((f) => [f.id, f] as const)));

describe('覆盖 of a street', () => {
  test('counts found, registered, assigned, pending, sent back and lost contact, with the rates and waits', async () => {
    const { reply, roundTrips } = await coverage(STREET);
    const figures = byId(expectOk(reply));
    const value = (id: string) => figures.get(id)!.value;
    expect(value('coverage.found')).toBe(8);
    expect(value('coverage.pending')).toBe(4);
    expect(value('coverage.assigned')).toBe(2);
    expect(value('coverage.registered')).toBe(6);
    expect(figures.get('coverage.registrationRate')).toMatchObject({ value: 750, text: '75.0%' });
    expect(figures.get('coverage.assignmentRate')).toMatchObject({ value: 333, text: '33.3%' });
    expect(figures.get('coverage.pendingMedianDays')).toMatchObject({ value: 4, text: '4 天' });
    expect(value('coverage.pendingOldestDays')).toBe(9);
    expect(value('coverage.sentBack')).toBe(1);
    expect(value('coverage.lostContact')).toBe(1);
    // Every figure carries its definition for the legend.
    expect(figures.get('coverage.assignmentRate')!.definition).toBe('纳管人数 ÷ 报到人数');
    // Fixed whatever the subtree's size: the caller, the node, three for 覆盖, one for the period's activity,
    // and the period before (its report and row, or its activity).
    console.log(`desk.figures round trips: ${roundTrips}`);
    expect(roundTrips).toBeLessThanOrEqual(9);
  });

  test('the branch counts only its own members; a street with nobody says why there is no rate', async () => {
    const branch = byId(expectOk((await coverage(BRANCH)).reply));
    expect(branch.get('coverage.assigned')!.value).toBe(2);
    expect(branch.get('coverage.found')!.value).toBe(0);
    const empty = byId(expectOk((await coverage(EMPTY)).reply));
    expect(empty.get('coverage.registrationRate')).toMatchObject({ value: null, text: '本期无摸排人数' });
    expect(empty.get('coverage.pendingMedianDays')).toMatchObject({ value: null, text: '期末无待审核报到' });
    expect(empty.get('coverage.pendingOldestDays')!.value).toBeNull();
  });
});

describe('摸排 through the import', () => {
  test('a person imported at the street counts as found at the street and at the district above it', async () => {
    const before = byId(expectOk((await coverage('xm-siming')).reply)).get('coverage.found')!.value!;
    const rows = [{ name: '新摸排', idCardNumber: anIdCard(), phone: aPhone(), foundAt: '城中村入户摸排' }];
    expectOk((await t.call('member', 'importRows', { scopeId: STREET, rows }, 'demo-admin')).reply);
    expect(byId(expectOk((await coverage(STREET)).reply)).get('coverage.found')!.value).toBe(9);
    expect(byId(expectOk((await coverage('xm-siming')).reply)).get('coverage.found')!.value).toBe(before + 1);
  });
});

describe('who may read it', () => {
  test('the district administrator above it may; another district’s secretary and a member may not', async () => {
    expect((await coverage(STREET, 'demo-admin')).reply.ok).toBe(true);
    for (const openid of ['demo-secretary-huli', 'demo-member', 'demo-secretary']) {
      expect((await coverage(STREET, openid)).reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });

  test('an unknown node and bad input are coded errors', async () => {
    expect((await coverage('no-such-node')).reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await t.call('desk', 'figures', { nodeId: '' }, 'demo-super');
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
