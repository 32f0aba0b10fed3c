/**
 * Drill-down lists (`desk.drilldown`): the people behind a figure, masked, paged, every read and
 * export audited with its reason, and only within the caller's node.
 */
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../../../database/collections';
import { addMonths, monthOf } from '../../../server/domain/dues/months';
import type { DrilldownRow } from '../../../typings/areas/desk';
import { DAY, duesMonth, memberOf, orgNode, orgOf } from '../../helpers/desk';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
const STREET = 'desk-d-street';
const BRANCH = 'desk-d-branch';
const current = monthOf(new Date());

beforeAll(async () => {
  t = await startTestCloud();
  const street = orgNode(STREET, 'street', await orgOf(t, 'xm-siming'), '名单街道');
  await t.db.collection(COLLECTIONS.orgs).add([street, orgNode(BRANCH, 'branch', street, '名单支部')]);
  const branch = await orgOf(t, BRANCH);
  const behind = async (openid: string, months: number) => {
    const id = await memberOf(t, openid, branch, new Date(Date.now() - 400 * DAY));
    for (let i = 1; i <= months; i++) await duesMonth(t, branch, id, addMonths(current, -i), 'due', 1000);
  };
  await behind('desk-d-one', 1);
  await behind('desk-d-three', 3);
  await behind('desk-d-four', 4);
  await behind('desk-d-seven', 7);
  const lost = await memberOf(t, 'desk-d-lost', branch, new Date(Date.now() - 400 * DAY));
  await t.db.collection(COLLECTIONS.members).doc(lost).update({ state: 'lost_contact' });
  for (const [openid, days] of [
    ['desk-d-wait10', 10],
    ['desk-d-wait2', 2],
  ] as const) {
    const id = await memberOf(t, openid, branch, new Date());
    await t.db
      .collection(COLLECTIONS.members)
      .doc(id)
      .update({
        state: 'pending',
        branchId: null,
        orgPath: [],
        candidateScopes: [...street.ancestors, STREET],
        submittedAt: new Date(Date.now() - days * DAY - 3600_000),
      });
  }
});
afterAll(() => t.close());

const read = (input: Record<string, unknown>, openid = 'demo-admin') =>
  t.call('desk', 'drilldown', { nodeId: STREET, reason: '周例会前核对欠费情况', ...input } as never, openid);

/** Every row of a list, one page of `limit` after another. */
async function allRows(list: string, limit: number): Promise<DrilldownRow[]> {
  const rows: DrilldownRow[] = [];
  let cursor: string | undefined;
  do {
    const page = expectOk((await read({ list, limit, ...(cursor ? { cursor } : {}) })).reply);
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

describe('the lists', () => {
  test('3+ and 6+ months behind, paged one member at a time, each once', async () => {
    const three = await allRows('arrears3', 1);
    expect(three.map((r) => r.name).sort()).toEqual(['desk-d-four', 'desk-d-seven', 'desk-d-three']);
    expect(three.find((r) => r.name === 'desk-d-four')).toMatchObject({
      placeName: '名单支部',
      detail: expect.stringMatching(/^连续欠交 4 个月（最早 \d{4}年\d{1,2}月）$/),
    });
    expect((await allRows('arrears6', 50)).map((r) => r.name)).toEqual(['desk-d-seven']);
  });

  test('registrations waiting over a week, oldest first; members lost contact', async () => {
    const waiting = expectOk((await read({ list: 'pendingLong' })).reply);
    expect(waiting).toMatchObject({
      title: '报到待审核超过 7 天',
      rows: [{ name: 'desk-d-wait10', detail: '已等待 10 天' }],
    });
    expect(expectOk((await read({ list: 'lostContact' })).reply).rows.map((r) => r.name)).toEqual(['desk-d-lost']);
  });

  test('masked: the phone as stored masked, and nothing of the 身份证号', async () => {
    const { reply } = await read({ list: 'arrears3' });
    const text = JSON.stringify(reply);
    expect(expectOk(reply).rows.every((r) => r.phoneMasked === '***')).toBe(true);
    expect(text).not.toMatch(/id-desk|hash:|test:/);
  });
});

describe('audit, scope and bad input', () => {
  test('every read is audited with who, what and why; a read without a reason is refused and not audited', async () => {
    const audit = () => t.db.collection(COLLECTIONS.auditLog).where({ action: 'desk.drilldown' }).count();
    const before = (await audit()).total;
    await read({ list: 'lostContact', reason: '核对失联人员' });
    const after = await t.db.collection(COLLECTIONS.auditLog).where({ action: 'desk.drilldown' }).get();
    expect(after.data).toHaveLength(before + 1);
    expect(after.data.at(-1)).toMatchObject({
      actor: 'demo-admin',
      reason: '核对失联人员',
      after: { list: 'lostContact' },
    });
    expect((await read({ list: 'lostContact', reason: '' })).reply).toMatchObject({
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect((await read({ list: 'everyone' })).reply).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await audit()).total).toBe(before + 1);
  });

  test('湖里’s secretary and a member cannot read it', async () => {
    for (const openid of ['demo-secretary-huli', 'demo-member']) {
      expect((await read({ list: 'arrears3' }, openid)).reply).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    }
  });

  test('the export writes every row, masked, and is audited as a read', async () => {
    const what = { kind: 'drilldown' as const, list: 'arrears3' as const, reason: '报送区委组织部' };
    const file = expectOk((await t.call('desk', 'export', { nodeId: STREET, what }, 'demo-admin')).reply);
    expect(file).toMatchObject({ rows: 3, fileName: '名单街道连续欠交党费3个月以上.xlsx' });
    const book = new ExcelJS.Workbook();
    const res = await fetch(file.url);
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('名单')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['姓名', '手机号', '所在组织', '情况']);
    expect(sheet.rowCount).toBe(6);
    const audited = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'desk.drilldown', reason: '报送区委组织部' })
      .get();
    expect(audited.data[0]).toMatchObject({ after: { list: 'arrears3', rows: 3 } });
  });
});
