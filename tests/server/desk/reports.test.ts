/**
 * 周报、月报、季报: issued by the scheduler after each period closes, never recounted; a later
 * correction is a new version that lists what changed; who may read and issue; bad input.
 */
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../../../database/collections';
import { addMonths, monthOf } from '../../../server/domain/dues/months';
import { periodKey, previousPeriod } from '../../../server/domain/jobs/periods';
import type { IssueOutcome } from '../../../server/desk/reports';
import { duesMonth, figuresById, memberOf, orgNode, orgOf } from '../../helpers/desk';
import { forgetRun, outcomeOf, tickJobs } from '../../helpers/jobs';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

jest.setTimeout(60_000);

let t: TestCloud;
const STREET = 'desk-p-street';
const BRANCH = 'desk-p-branch';
const thisMonth = monthOf(new Date());
const P = addMonths(thisMonth, -1);
const LONG_AGO = new Date(Date.now() - 200 * 24 * 3600_000);
let first: IssueOutcome | undefined;

beforeAll(async () => {
  t = await startTestCloud();
  const street = orgNode(STREET, 'street', await orgOf(t, 'xm-siming'), '报表街道');
  await t.db.collection(COLLECTIONS.orgs).add([street, orgNode(BRANCH, 'branch', street, '报表支部')]);
  const branch = await orgOf(t, BRANCH);
  for (const n of [1, 2]) {
    const id = await memberOf(t, `desk-p-m${n}`, branch, LONG_AGO);
    await duesMonth(t, branch, id, P, n === 1 ? 'paid' : 'due', 1000, n === 1 ? true : null);
  }
  const outcomes = await tickJobs(t);
  first = outcomeOf(outcomes, 'desk.report-month', thisMonth)?.result as IssueOutcome;
});
afterAll(() => t.close());

const figures = async (nodeId = STREET, openid = 'demo-admin') =>
  figuresById(expectOk((await t.call('desk', 'figures', { nodeId, period: P }, openid)).reply));
const report = (input: Record<string, unknown>, openid = 'demo-admin') =>
  t.call('desk', 'report', { nodeId: STREET, period: P, ...input }, openid);
const issue = (input: Record<string, unknown>, openid = 'demo-admin') =>
  t.call('desk', 'issueReport', { nodeId: STREET, period: P, reason: '补录了上月党费', ...input }, openid);

/** A correction to last month: a third member paid, recorded late; last month is closed again. */
async function correctLastMonth() {
  const branch = await orgOf(t, BRANCH);
  const id = await memberOf(t, 'desk-p-m3', branch, LONG_AGO);
  await duesMonth(t, branch, id, P, 'paid', 1000, false);
  await forgetRun(t, 'desk.close-month', thisMonth);
  await forgetRun(t, 'desk.report-month', thisMonth);
  return tickJobs(t);
}

describe('the month’s report', () => {
  test('is issued once by the scheduler after the month closes, with every node', async () => {
    expect(first).toMatchObject({ period: P, version: 1, issued: true });
    const r = expectOk((await report({})).reply);
    expect(r).toMatchObject({ name: '月报', version: 1, versions: [1], issuedBy: '系统定时出具' });
    const owing = r.groups.flatMap((g) => g.figures).find((f) => f.id === 'dues.owing');
    expect(owing).toMatchObject({ value: 2, text: '2 人' });
    expect(r.children.map((c) => c.nodeName)).toEqual(['报表支部']);
    // The desk reads the issued report for a closed month.
    const f = expectOk((await t.call('desk', 'figures', { nodeId: STREET, period: P }, 'demo-admin')).reply);
    expect(f).toMatchObject({ source: 'report', report: { version: 1 } });
  });

  test('stays the same when the records change; the scheduler does not issue it again', async () => {
    const outcomes = await correctLastMonth();
    expect(outcomeOf(outcomes, 'desk.report-month', thisMonth)?.result).toMatchObject({
      issued: false,
      skipped: 'exists',
    });
    expect((await figures()).get('dues.owing')!.value).toBe(2);
    expect(expectOk((await report({})).reply).version).toBe(1);
    // The branch month itself was recounted: the correction is there to be issued.
    const month = (await t.db.collection(COLLECTIONS.deskBranchMonths).doc(`${BRANCH}@${P}`).get()).data[0];
    expect(month.dues.owing).toBe(3);
  });

  test('an administrator issues a correction: version 2 lists what changed, version 1 is still there', async () => {
    const { reply } = await issue({});
    expect(expectOk(reply)).toMatchObject({ version: 2, issued: true });
    expect(expectOk(reply).message).toMatch(/第 2 版/);
    const v2 = expectOk((await report({})).reply);
    expect(v2).toMatchObject({ version: 2, versions: [1, 2], issuedBy: '管理员更正', reason: '补录了上月党费' });
    expect(v2.changes).toEqual(
      expect.arrayContaining([
        { nodeId: STREET, nodeName: '报表街道', figureName: '应交党员', beforeText: '2 人', afterText: '3 人' },
        { nodeId: BRANCH, nodeName: '报表支部', figureName: '交纳率', beforeText: '50.0%', afterText: '66.7%' },
      ]),
    );
    const v1 = expectOk((await report({ version: 1 })).reply);
    expect(v1.groups.flatMap((g) => g.figures).find((f) => f.id === 'dues.owing')!.value).toBe(2);
    expect((await figures()).get('dues.owing')!.value).toBe(3);
    const audit = await t.db.collection(COLLECTIONS.auditLog).where({ action: 'desk.issueReport' }).get();
    expect(audit.data).toHaveLength(1);
  });

  test('issuing again with nothing changed makes no new version', async () => {
    const again = expectOk((await issue({})).reply);
    expect(again).toMatchObject({ version: 2, issued: false, message: '数字与第 2 版相同，未生成新版本' });
    const count = await t.db.collection(COLLECTIONS.deskReports).where({ period: P }).count();
    expect(count.total).toBe(2);
  });

  test('the archive lists last week’s, last month’s and last quarter’s, and every version', async () => {
    const a = expectOk((await t.call('desk', 'reports', { nodeId: STREET }, 'demo-admin')).reply);
    expect(a.latest.map((l) => l.name)).toEqual(['周报', '月报', '季报']);
    expect(a.latest[1]).toMatchObject({ period: { key: P }, report: { version: 2 } });
    expect(a.latest[0]!.report?.period).toBe(previousPeriod('week', periodKey('week', new Date())));
    expect(a.recent.filter((r) => r.period === P).map((r) => r.version)).toEqual([2, 1]);
  });
});

describe('who may read and issue', () => {
  test('the branch’s secretary reads the branch’s row; another district’s cannot; a secretary cannot issue', async () => {
    await t.db.collection(COLLECTIONS.roles).add({
      _id: 'desk-p-role',
      openid: 'desk-p-secretary',
      role: 'secretary',
      scopeId: BRANCH,
      grantedBy: 'test',
      grantedAt: new Date(),
    });
    expect((await report({ nodeId: BRANCH }, 'desk-p-secretary')).reply.ok).toBe(true);
    expect((await report({}, 'desk-p-secretary')).reply).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    expect((await report({}, 'demo-secretary-huli')).reply).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    expect((await issue({ nodeId: BRANCH }, 'desk-p-secretary')).reply).toMatchObject({
      error: { code: 'PERMISSION_DENIED' },
    });
  });

  test('a period not ended, a year, an unknown version: coded errors, nothing written', async () => {
    const before = (await t.db.collection(COLLECTIONS.deskReports).count()).total;
    expect((await issue({ period: thisMonth })).reply).toMatchObject({ error: { code: 'FAILED_PRECONDITION' } });
    expect((await issue({ period: P.slice(0, 4) })).reply).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await issue({ reason: '' })).reply).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await report({ version: 9 })).reply).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await t.db.collection(COLLECTIONS.deskReports).count()).total).toBe(before);
  });
});

describe('the exported file, read back', () => {
  const download = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0]);
    return book;
  };

  test('a report: a sheet per section with Chinese headers and number formats, the changes, the definitions', async () => {
    const { reply } = await t.call(
      'desk',
      'export',
      { nodeId: STREET, what: { kind: 'report', period: P } },
      'demo-admin',
    );
    const file = expectOk(reply);
    expect(file.fileName).toMatch(/^报表街道.+月报（第2版）\.xlsx$/);
    const book = await download(file.url);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '覆盖',
      '组织生活',
      '党费',
      '先锋作用',
      '与上一版相比',
      '指标口径',
    ]);
    const dues = book.getWorksheet('党费')!;
    // Two heading lines, then the header, then the street and its branch.
    const header = (dues.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['组织', '应交党员（人）', '交纳率（%）', '应交党费（元）']));
    const col = (name: string) => header.indexOf(name) + 1;
    expect(dues.getRow(4).getCell(1).value).toBe('报表街道（合计）');
    expect(dues.getRow(4).getCell(col('应交党员（人）')).value).toBe(3);
    const rate = dues.getRow(4).getCell(col('交纳率（%）'));
    expect(rate.value).toBeCloseTo(0.667, 3);
    expect(rate.numFmt).toBe('0.0%');
    const due = dues.getRow(4).getCell(col('应交党费（元）'));
    expect(due).toMatchObject({ value: 30, numFmt: '#,##0.00' });
    expect(dues.getRow(5).getCell(1).value).toBe('报表支部');
    const defs = book.getWorksheet('指标口径')!;
    expect((defs.getRow(1).values as unknown[]).slice(1)).toEqual(['分类', '指标', '单位', '口径（统计方法）']);
    expect(defs.getColumn(4).values).toContain('本期各月已交的人月数 ÷ 应交的人月数（免交的月份不计入）');
    const changes = book.getWorksheet('与上一版相比')!;
    expect(changes.rowCount).toBeGreaterThan(3);
    const audit = await t.db.collection(COLLECTIONS.auditLog).where({ action: 'desk.export' }).get();
    expect(audit.data[0]).toMatchObject({
      actor: 'demo-admin',
      after: { kind: 'report', period: P, rows: expect.any(Number) },
    });
  });

  test('a ranking: places, values with their format, bands', async () => {
    const what = { kind: 'ranking' as const, figureId: 'dues.paidRate', period: P };
    const file = expectOk((await t.call('desk', 'export', { nodeId: STREET, what }, 'demo-admin')).reply);
    const sheet = (await download(file.url)).getWorksheet('排名')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const first = rows.find((r) => r[2] === '报表支部')!;
    expect(first[1]).toBe(1);
    expect(first[3]).toBeCloseTo(0.667, 3);
    expect(first[7]).toBe('红');
  });

  test('another district’s report cannot be exported, and bad input is refused', async () => {
    const what = { kind: 'report' as const, period: P };
    expect((await t.call('desk', 'export', { nodeId: STREET, what }, 'demo-secretary-huli')).reply).toMatchObject({
      error: { code: 'PERMISSION_DENIED' },
    });
    const bad = await t.callRaw(
      'desk',
      { action: 'export', nodeId: STREET, what: { kind: 'everything' } },
      'demo-admin',
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('晾晒 of 覆盖 against the period before', () => {
  test('takes the period before from its issued report', async () => {
    const { reply } = await t.call(
      'desk',
      'ranking',
      { nodeId: STREET, figureId: 'coverage.assigned', period: thisMonth },
      'demo-admin',
    );
    const r = expectOk(reply);
    // Three members assigned now; the month before's report (version 2) said three as well.
    expect(r.rows[0]).toMatchObject({ nodeName: '报表支部', value: 3, previous: 3, change: 0, placesUp: 0 });
    expect(r.notes.join('')).toContain('上期数字取自上期已出具的报表');
  });
});
