/**
 * The demo history `npm start` seeds: six months across the six districts, counted by the
 * scheduler, so the desk, its rankings, its trend and its report archive show real figures.
 */
import { addMonths, monthOf } from '../../server/domain/dues/months';
import { seedDemoHistory } from '../../emulator/seed/demo-history';
import { figuresById } from '../helpers/desk';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

jest.setTimeout(120_000);

let t: TestCloud;
let report: Awaited<ReturnType<typeof seedDemoHistory>>;
beforeAll(async () => {
  t = await startTestCloud();
  report = await seedDemoHistory(t.db, t.cloud.functions);
});
afterAll(() => t.close());

const lastMonth = addMonths(monthOf(new Date()), -1);

test('seeds six months once', async () => {
  expect(report).toMatchObject({ monthsClosed: 6 });
  expect(report!.members).toBeGreaterThan(200);
  expect(await seedDemoHistory(t.db, t.cloud.functions)).toBeNull();
});

test('the city’s desk has every group of figures for last month, from its issued report', async () => {
  const d = expectOk((await t.call('desk', 'figures', { nodeId: 'xm', period: lastMonth }, 'demo-super')).reply);
  expect(d.source).toBe('report');
  const f = figuresById(d);
  expect(f.get('life.held')!.value).toBeGreaterThan(20);
  expect(f.get('life.attendanceRate')!.value).toBeGreaterThan(500);
  expect(f.get('dues.paidRate')!.value).toBeGreaterThan(600);
  expect(f.get('dues.arrears3')!.value).toBeGreaterThan(0);
  expect(f.get('vanguard.points')!.value).toBeGreaterThan(0);
  expect(f.get('coverage.registrationRate')!.value).not.toBeNull();
});

test('every district is ranked, and each of the six months has a trend point', async () => {
  const r = expectOk(
    (await t.call('desk', 'ranking', { nodeId: 'xm', figureId: 'dues.paidRate', period: lastMonth }, 'demo-super'))
      .reply,
  );
  expect(r.rows.filter((x) => x.rank !== null).length).toBe(6);
  for (let i = 1; i <= 6; i++) {
    const month = addMonths(monthOf(new Date()), -i);
    const f = figuresById(
      expectOk((await t.call('desk', 'figures', { nodeId: 'xm', period: month }, 'demo-super')).reply),
    );
    expect(f.get('life.held')!.value).toBeGreaterThan(0);
  }
});

test('the report archive has last month’s and last week’s reports', async () => {
  const a = expectOk((await t.call('desk', 'reports', { nodeId: 'xm-siming' }, 'demo-admin')).reply);
  expect(a.latest.find((l) => l.kind === 'month')!.report).not.toBeNull();
  expect(a.latest.find((l) => l.kind === 'week')!.report).not.toBeNull();
});
