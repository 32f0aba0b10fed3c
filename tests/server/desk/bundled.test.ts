/**
 * The built `desk` and `jobs` bundles (cloudfunctions/, as deployed; `npm test` builds them first):
 * the scheduler issues last month's report, and the desk exports it and a ranking with exceljs
 * bundled in. Strict mode in the bundle is where a library's getter-only property bites.
 */
import ExcelJS from 'exceljs';
import { addMonths, monthOf } from '../../../server/domain/dues/months';
import { tickJobs } from '../../helpers/jobs';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ bundles: true });
  await tickJobs(t);
});
afterAll(() => t.close());

async function bookOf(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

test('the bundled desk exports a ranking and last month’s report, with the header rows frozen', async () => {
  const ranking = expectOk(
    (
      await t.call(
        'desk',
        'export',
        { nodeId: 'xm', what: { kind: 'ranking', figureId: 'coverage.assigned' } },
        'demo-super',
      )
    ).reply,
  );
  const sheet = (await bookOf(ranking.url)).getWorksheet('排名')!;
  expect(sheet.rowCount).toBeGreaterThan(6);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: expect.any(Number) });

  const period = addMonths(monthOf(new Date()), -1);
  const report = expectOk(
    (await t.call('desk', 'export', { nodeId: 'xm-siming', what: { kind: 'report', period } }, 'demo-admin')).reply,
  );
  const book = await bookOf(report.url);
  expect(book.worksheets.map((w) => w.name)).toContain('指标口径');
});
