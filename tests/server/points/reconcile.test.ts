/** Reconcile: totals recomputed from the ledger by aggregation, drift reported and, on request, repaired. */
import { COLLECTIONS } from '../../../database/collections';
import { totalsIdOf } from '../../../server/domain/points/ids';
import { awardPoints } from '../../../server/points/award';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { anActiveMember, startPointsCloud, thisYear } from '../../helpers/points';

let t: TestCloud;
beforeAll(async () => {
  t = await startPointsCloud();
});
afterAll(() => t.close());

let n = 0;
async function withHistory() {
  const m = await anActiveMember(t);
  const award = (ruleCode: string, occurredAt = new Date()) =>
    awardPoints({
      memberId: m.memberId,
      ruleCode,
      source: { type: 'attendance', id: `rc-${++n}` },
      approvedBy: 'system',
      occurredAt,
    });
  await award('attendance.theme_day');
  await award('study.daily', new Date(`${thisYear() - 1}-08-08T10:00:00+08:00`));
  const wrong = await award('attendance.party_lecture');
  expectOk((await t.call('points', 'reverse', { entryId: wrong.entryId, reason: '误记' }, 'demo-admin')).reply);
  return m; // this year 5 + 3 (+3 −3) = 8; last year 1; lifetime 9
}

const year = () => thisYear();

describe('reconcile', () => {
  it('finds no drift when the totals were kept with the ledger', async () => {
    const { memberId } = await withHistory();
    const { reply, roundTrips } = await t.call('points', 'reconcile', { memberId }, 'demo-admin');
    const report = expectOk(reply);
    expect(report).toMatchObject({ memberId, drifted: false, repaired: false });
    expect(report.lines).toEqual([
      { figure: 'year_total', year: year() - 1, stored: 1, computed: 1, drift: 0 },
      { figure: 'account_year', year: year() - 1, stored: 1, computed: 1, drift: 0 },
      { figure: 'year_total', year: year(), stored: 8, computed: 8, drift: 0 },
      { figure: 'account_year', year: year(), stored: 8, computed: 8, drift: 0 },
      { figure: 'lifetime', year: null, stored: 9, computed: 9, drift: 0 },
    ]);
    // Access, member, the look for attendance awards left pending, then account, totals, ledger groups.
    expect(roundTrips).toBe(6);
  });

  it('finds a deliberately corrupted total, and repairs it from the ledger on request', async () => {
    const { memberId } = await withHistory();
    await t.db.collection(COLLECTIONS.pointsTotals).doc(totalsIdOf(memberId, year())).update({ points: 100 });
    await t.db.collection(COLLECTIONS.pointsAccounts).doc(memberId).update({ lifetime: 50 });

    const report = expectOk((await t.call('points', 'reconcile', { memberId }, 'demo-admin')).reply);
    expect(report.drifted).toBe(true);
    expect(report.lines.filter((l) => l.drift !== 0)).toEqual([
      { figure: 'year_total', year: year(), stored: 100, computed: 8, drift: -92 },
      { figure: 'lifetime', year: null, stored: 50, computed: 9, drift: -41 },
    ]);
    // Reporting alone changes nothing.
    expect((await t.db.collection(COLLECTIONS.pointsAccounts).doc(memberId).get()).data[0].lifetime).toBe(50);

    const repaired = expectOk((await t.call('points', 'reconcile', { memberId, repair: true }, 'demo-admin')).reply);
    expect(repaired).toMatchObject({ drifted: true, repaired: true });
    expect(
      (await t.db.collection(COLLECTIONS.pointsTotals).doc(totalsIdOf(memberId, year())).get()).data[0].points,
    ).toBe(8);
    expect((await t.db.collection(COLLECTIONS.pointsAccounts).doc(memberId).get()).data[0].lifetime).toBe(9);
    const audit = await t.db
      .collection(COLLECTIONS.auditLog)
      .where({ action: 'points.reconcile.repair', 'target.id': memberId })
      .get();
    expect(audit.data[0]).toMatchObject({ actor: 'demo-admin', before: { lifetime: 50 }, after: { lifetime: 9 } });

    const after = expectOk((await t.call('points', 'reconcile', { memberId }, 'demo-admin')).reply);
    expect(after.drifted).toBe(false);
  });

  it('repairs the caps too: a corrupted account no longer blocks or over-allows an item', async () => {
    const { memberId } = await withHistory();
    await t.db
      .collection(COLLECTIONS.pointsAccounts)
      .doc(memberId)
      .update({ years: t.db.command.set({}) });
    expect(
      expectOk((await t.call('points', 'reconcile', { memberId, repair: true }, 'demo-super')).reply).repaired,
    ).toBe(true);
    // theme_day is capped at 3 a month: the rebuilt account remembers this month's 3.
    const again = await awardPoints({
      memberId,
      ruleCode: 'attendance.theme_day',
      source: { type: 'attendance', id: `rc-${++n}` },
      approvedBy: 'system',
      occurredAt: new Date(),
    });
    expect(again).toMatchObject({ points: 0, capped: true });
  });

  it.each([
    ['a secretary', 'demo-secretary'],
    ['the 湖里 secretary', 'demo-secretary-huli'],
    ['a member', 'demo-member'],
  ])('is refused to %s', async (_who, openid) => {
    const { memberId } = await anActiveMember(t);
    expect((await t.call('points', 'reconcile', { memberId }, openid)).reply).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
  });

  it('refuses bad input', async () => {
    const reply = await t.callRaw('points', { action: 'reconcile', memberId: '', repair: 'yes' }, 'demo-admin');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
