/**
 * 组织生活、党费、先锋作用 on the desk, on a hand-made street under 思明区 over last month: the
 * branch months the scheduler closes, every figure's definition, period boundaries in Beijing time,
 * a member who moved branch mid-month, a closed branch, and the change on the month before.
 */
import { COLLECTIONS } from '../../../database/collections';
import { addMonths, monthOf } from '../../../server/domain/dues/months';
import { parseReportPeriod, reportPeriodOf } from '../../../server/domain/desk/periods';
import type { BranchMonthDoc } from '../../../server/desk/branch-months';
import { forgetRun, outcomeOf, tickJobs } from '../../helpers/jobs';
import { periodKey } from '../../../server/domain/jobs/periods';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import {
  DAY,
  duesMonth,
  figuresById,
  heldSession,
  HOUR,
  ledgerEntry,
  memberOf,
  orgNode,
  orgOf,
  receipt,
} from '../../helpers/desk';

jest.setTimeout(60_000);

let t: TestCloud;
const STREET = 'desk-a-street';
const A = 'desk-a-branch-a';
const B = 'desk-a-branch-b';
const CLOSED = 'desk-a-branch-closed';
const now = new Date();
const P = addMonths(monthOf(now), -1);
const period = parseReportPeriod(P)!;
const S = period.start.getTime();
const E = period.end.getTime();
const m: Record<string, string> = {};
const sessionStarts: number[] = [];
let themeDay = '';

beforeAll(async () => {
  t = await startTestCloud();
  const district = await orgOf(t, 'xm-siming');
  const street = orgNode(STREET, 'street', district, '测试街道');
  await t.db
    .collection(COLLECTIONS.orgs)
    .add([
      street,
      orgNode(A, 'branch', street, '甲支部'),
      orgNode(B, 'branch', street, '乙支部'),
      orgNode(CLOSED, 'branch', street, '已撤销支部', { closed: true }),
    ]);
  const [a, b] = [await orgOf(t, A), await orgOf(t, B)];
  const longAgo = new Date(S - 90 * DAY);
  for (const n of [1, 2, 3, 4]) m[`m${n}`] = await memberOf(t, `desk-a-m${n}`, a, longAgo);
  // m5 joined A after its first meeting of the month; m6 moved from B to A later still.
  m.m5 = await memberOf(t, 'desk-a-m5', a, new Date(S + 10 * DAY), 'probationary');
  m.m6 = await memberOf(t, 'desk-a-m6', a, new Date(S + 20 * DAY));
  m.b1 = await memberOf(t, 'desk-a-b1', b, longAgo);
  m.b2 = await memberOf(t, 'desk-a-b2', b, longAgo);

  const at = (ms: number) => {
    sessionStarts.push(ms);
    return new Date(ms);
  };
  // A's month: a 党小组会, a 主题党日 at 23:30 on the last day, a volunteer session; a cancelled 支委会.
  await heldSession(t, a, {
    kind: 'group',
    startAt: at(S + 2 * DAY + 19 * HOUR),
    expected: 4,
    attended: [m.m1!, m.m2!],
    leave: [m.m3!],
  });
  themeDay = await heldSession(t, a, {
    kind: 'theme_day',
    startAt: at(E - 30 * 60_000),
    expected: 6,
    attended: [m.m1!, m.m5!],
  });
  await heldSession(t, a, {
    kind: 'volunteer',
    startAt: at(S + 5 * DAY),
    expected: 4,
    attended: [m.m2!, m.m4!],
    serviceHours: 3,
  });
  await heldSession(t, a, { kind: 'committee', startAt: new Date(S + 3 * DAY), expected: 4, state: 'cancelled' });
  // Ten minutes into this month: this month's, not last month's.
  await heldSession(t, a, { kind: 'group', startAt: new Date(E + 10 * 60_000), expected: 6, attended: [m.m1!] });

  // Dues of last month: paid on time, paid late, owed, waived, reduced and owed; m3 owes three months running.
  await duesMonth(t, a, m.m1!, P, 'paid', 1000, true);
  await duesMonth(t, a, m.m2!, P, 'paid', 1000, false);
  await duesMonth(t, a, m.m3!, P, 'due', 1000);
  await duesMonth(t, a, m.m3!, addMonths(P, -1), 'due', 1000);
  await duesMonth(t, a, m.m3!, addMonths(P, -2), 'due', 1000);
  await duesMonth(t, a, m.m4!, P, 'waived', 1000);
  await duesMonth(t, a, m.m5!, P, 'reduced', 500);
  await duesMonth(t, b, m.b1!, P, 'paid', 2000, true);
  await duesMonth(t, b, m.b2!, P, 'paid', 2000, true);
  // Receipts by when they were recorded: two last month and a reversal of one; one this month.
  await receipt(t, a, new Date(S + 1 * HOUR), 1000);
  await receipt(t, a, new Date(E - 1000), 1000);
  await receipt(t, a, new Date(S + 4 * DAY), -1000);
  await receipt(t, a, new Date(E + 1000), 1000);

  const pathA = [...a.ancestors, A];
  const pathB = [...b.ancestors, B];
  await ledgerEntry(t, m.m1!, pathA, new Date(S + 3 * DAY), 'organisational_life', 3);
  await ledgerEntry(t, m.m1!, pathA, new Date(S + 6 * DAY), 'volunteer', 2);
  await ledgerEntry(t, m.m2!, pathA, new Date(S + 7 * DAY), 'organisational_life', 1);
  await ledgerEntry(t, m.m2!, pathA, new Date(E - 1000), 'study', 1);
  await ledgerEntry(t, m.m3!, pathA, new Date(S + 8 * DAY), 'deduction', -1);
  await ledgerEntry(t, m.m5!, pathA, new Date(E + 1000), 'study', 1);
  // m6 earned these while still in B: they follow the member to A.
  await ledgerEntry(t, m.m6!, pathB, new Date(S + 9 * DAY), 'welfare', 2);
  await ledgerEntry(t, m.b1!, pathB, new Date(S + 9 * DAY), 'study', 4);

  await tickJobs(t);
});
afterAll(() => t.close());

const figuresOf = async (nodeId: string, key?: string, openid = 'demo-admin') =>
  t.call('desk', 'figures', key ? { nodeId, period: key } : { nodeId }, openid);

const monthOfP = Number(P.slice(5));
/** 三会一课 due in P for a branch of under 7 full members: 党小组会 and 主题党日, plus the quarter's two at its end, the year's two in December. */
const cadenceDue = 2 + (monthOfP % 3 === 0 ? 2 : 0) + (monthOfP === 12 ? 2 : 0);

describe('a branch’s month, closed by the scheduler', () => {
  test('is counted once the month has closed, and marked final', async () => {
    const doc = (await t.db.collection(COLLECTIONS.deskBranchMonths).doc(`${A}@${P}`).get()).data[0] as BranchMonthDoc;
    expect(doc).toMatchObject({ final: true, members: 6, month: P });
    expect(doc.life).toMatchObject({ held: 3, expected: 14, attended: 6, leave: 1, cadenceDue, cadenceMet: 2 });
    expect(doc.life.heldByKind).toMatchObject({ group: 1, theme_day: 1, volunteer: 1, committee: 0 });
    // m4 and m6 missed both meetings; m6 joined after the first, so only m4 was absent all month.
    expect(doc.life.absentAll).toBe(1);
  });

  test('a closed branch is not counted', async () => {
    const res = await t.db.collection(COLLECTIONS.deskBranchMonths).doc(`${CLOSED}@${P}`).get();
    expect(res.data).toHaveLength(0);
  });
});

describe('the figures of last month', () => {
  test('组织生活: held, 三会一课, attendance, leave, absent all month', async () => {
    const { reply } = await figuresOf(STREET, P);
    const d = expectOk(reply);
    const f = figuresById(d);
    expect(d.period).toMatchObject({ key: P, kind: 'month', closed: true });
    expect(f.get('life.held')).toMatchObject({ value: 3, text: '3 场' });
    // A held its two monthly meetings; B held nothing: each branch's due meetings are added up.
    expect(f.get('life.cadenceRate')!.value).toBe(Math.round((2 * 1000) / (2 * cadenceDue)));
    // 6 attended of 14 expected (4 + 6 + 4).
    expect(f.get('life.attendanceRate')).toMatchObject({ value: 429, text: '42.9%' });
    expect(f.get('life.leave')!.value).toBe(1);
    expect(f.get('life.absentAll')!.value).toBe(1);
    expect(d.heldByKind).toEqual([
      { kind: 'group', label: '党小组会', held: 1 },
      { kind: 'theme_day', label: '主题党日', held: 1 },
      { kind: 'volunteer', label: '志愿服务', held: 1 },
    ]);
  });

  test('党费: owing, 交纳率 over member-months, on time, arrears bands at the month’s end, due and received', async () => {
    const f = figuresById(expectOk((await figuresOf(STREET, P)).reply));
    // A owes 4 (m4 waived), B owes 2; paid: m1, m2, b1, b2.
    expect(f.get('dues.owing')!.value).toBe(6);
    expect(f.get('dues.paidRate')).toMatchObject({ value: 667, text: '66.7%' });
    expect(f.get('dues.paidOnTime')!.value).toBe(3);
    expect(f.get('dues.arrears1')!.value).toBe(1); // m5: last month only
    expect(f.get('dues.arrears3')!.value).toBe(1); // m3: three months running
    expect(f.get('dues.arrears6')!.value).toBe(0);
    expect(f.get('dues.dueFen')).toMatchObject({ value: 7500, text: '75.00 元' });
    // 1,000 + 1,000 − 1,000 recorded last month; this month's receipt is not counted.
    expect(f.get('dues.receivedFen')!.value).toBe(1000);
  });

  test('先锋作用: points by when they were recorded, per member, none, volunteer hours', async () => {
    const d = expectOk((await figuresOf(STREET, P)).reply);
    const f = figuresById(d);
    // A: 3 + 2 + 1 + 1 − 1 + m6's 2; B: 4. m5's entry is this month's.
    expect(f.get('vanguard.points')!.value).toBe(12);
    expect(f.get('vanguard.pointsPerMember')!.value).toBe(1.5);
    // Without points: m4, m5 (A), b2 (B).
    expect(f.get('vanguard.noPoints')!.value).toBe(3);
    expect(f.get('vanguard.volunteerHours')).toMatchObject({ value: 6, text: '6 小时' });
    expect(f.get('vanguard.volunteerTimes')!.value).toBe(2);
    expect(d.pointsByCategory).toEqual(
      expect.arrayContaining([
        { category: 'organisational_life', label: '组织生活', points: 4 },
        { category: 'deduction', label: '履责扣分', points: -1 },
      ]),
    );
  });

  test('a branch reads its own month; the moved member’s points count where he is now', async () => {
    const a = figuresById(expectOk((await figuresOf(A, P)).reply));
    const b = figuresById(expectOk((await figuresOf(B, P)).reply));
    expect(a.get('vanguard.points')!.value).toBe(8);
    expect(b.get('vanguard.points')!.value).toBe(4);
    expect(b.get('life.attendanceRate')).toMatchObject({ value: null, text: '本期无应到人员' });
    expect(b.get('life.absentAll')!.value).toBe(0);
  });

  test('the change on the month before is given with each figure', async () => {
    const f = figuresById(expectOk((await figuresOf(STREET, P)).reply));
    // Nothing was held two months ago.
    expect(f.get('life.held')).toMatchObject({ previous: 0, change: 3, better: 'higher' });
    expect(f.get('dues.arrears3')).toMatchObject({ better: 'lower' });
  });
});

describe('other periods', () => {
  test('this month has the session ten minutes into it, counted within the hour', async () => {
    const d = expectOk((await figuresOf(A)).reply);
    expect(d.period.key).toBe(monthOf(now));
    expect(figuresById(d).get('life.held')!.value).toBe(1);
    expect(d.activityAsOf).not.toBeNull();
  });

  test('a week counts the sessions that started in it, and no 党费', async () => {
    const week = reportPeriodOf('week', new Date(S + 2 * DAY + 19 * HOUR));
    const d = expectOk((await figuresOf(STREET, week.key)).reply);
    const f = figuresById(d);
    const inWeek = sessionStarts.filter((ms) => ms >= week.start.getTime() && ms < week.end.getTime()).length;
    expect(f.get('life.held')!.value).toBe(inWeek);
    expect(f.has('dues.paidRate')).toBe(false);
    expect(f.has('coverage.found')).toBe(true);
  });

  test('a quarter sums its months, with the arrears of its last month', async () => {
    const quarter = reportPeriodOf('quarter', period.start);
    const f = figuresById(expectOk((await figuresOf(STREET, quarter.key)).reply));
    expect(f.get('vanguard.points')!.value).toBeGreaterThanOrEqual(12);
  });
});

describe('bad input and scope', () => {
  test('a period not yet begun, or not a period, is refused with a coded error', async () => {
    const next = reportPeriodOf('month', new Date(E + 40 * DAY)).key;
    expect((await figuresOf(STREET, next)).reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    for (const bad of ['2026-13', '2026-W54', 'last month']) {
      expect((await figuresOf(STREET, bad)).reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  test('湖里’s secretary, a secretary of another 思明 branch and a member cannot read it', async () => {
    for (const openid of ['demo-secretary-huli', 'demo-secretary', 'demo-member']) {
      const { reply } = await figuresOf(STREET, P, openid);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });
});

describe('the reconcile job', () => {
  test('finds a corrupted session tally and branch month, repairs both, and reports what drifted', async () => {
    const months = t.db.collection(COLLECTIONS.deskBranchMonths);
    const sessions = t.db.collection(COLLECTIONS.sessions);
    await months.doc(`${A}@${P}`).update({ 'life.attended': 99 });
    await sessions.doc(themeDay).update({ 'tally.attended': 99 });
    const day = periodKey('day', new Date());
    await forgetRun(t, 'desk.reconcile', day);
    const run = outcomeOf(await tickJobs(t), 'desk.reconcile', day);
    expect(run?.outcome).toBe('ran');
    const result = run!.result as {
      sessions: { repaired: string[] };
      months: { repaired: { id: string; fields: string[] }[] };
    };
    expect(result.sessions.repaired).toContain(themeDay);
    expect(result.months.repaired).toContainEqual({ id: `${A}@${P}`, fields: ['life'] });
    expect(((await months.doc(`${A}@${P}`).get()).data[0] as BranchMonthDoc).life.attended).toBe(6);
    expect((await sessions.doc(themeDay).get()).data[0].tally.attended).toBe(2);
    // A second pass finds nothing to repair.
    await forgetRun(t, 'desk.reconcile', day);
    const again = outcomeOf(await tickJobs(t), 'desk.reconcile', day)!.result as typeof result;
    expect(again.sessions.repaired).toEqual([]);
    expect(again.months.repaired).toEqual([]);
  });
});

describe('the 12-month trend', () => {
  test('gives each month’s value, oldest first, ending with this month; months without counts say so', async () => {
    const { reply, roundTrips } = await t.call(
      'desk',
      'trend',
      { nodeId: STREET, figureId: 'life.held' },
      'demo-admin',
    );
    const trend = expectOk(reply);
    expect(trend.points).toHaveLength(12);
    expect(trend.points.at(-1)).toMatchObject({ period: monthOf(now), value: 1 });
    expect(trend.points.at(-2)).toMatchObject({ period: P, value: 3, text: '3 场' });
    expect(trend.points[0]).toMatchObject({ value: null, text: '无数据' });
    expect(trend.figure).toMatchObject({ name: '开展组织生活', unit: '场', better: 'higher' });
    // The caller, the node, one aggregation.
    expect(roundTrips).toBeLessThanOrEqual(3);
  });

  test('覆盖 has no trend here, and a name not in the set is refused', async () => {
    for (const figureId of ['coverage.found', 'dues.everything']) {
      const { reply } = await t.call('desk', 'trend', { nodeId: STREET, figureId }, 'demo-admin');
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});
