/** Rebuilding an account from the grouped ledger, and the drift report against what is stored. */
import { emptyAccount, withEntry, withReversal } from '../../server/domain/points/account';
import { periodsOf } from '../../server/domain/points/periods';
import { accountFromLedger, driftLines, type LedgerGroup } from '../../server/domain/points/reconcile';

const p = (iso: string) => periodsOf(new Date(iso));

test('the ledger rebuilds exactly the account the awards built, reversals included', () => {
  const march = p('2026-03-05T10:00+08:00');
  const lastYear = p('2025-11-02T10:00+08:00');
  let built = emptyAccount();
  built = withEntry(built, { code: 'volunteer.hour', category: 'volunteer', points: 3, periods: march });
  built = withEntry(built, { code: 'volunteer.hour', category: 'volunteer', points: 2, periods: march });
  built = withEntry(built, { code: 'deduction.no_report', category: 'deduction', points: -3, periods: march });
  built = withEntry(built, { code: 'study.daily', category: 'study', points: 1, periods: lastYear });
  built = withReversal(built, { code: 'volunteer.hour', category: 'volunteer', points: 2, periods: march });

  const groups: LedgerGroup[] = [
    { year: 2026, category: 'volunteer', ruleCode: 'volunteer.hour', month: '03', day: '03-05', points: 3, entries: 3 },
    {
      year: 2026,
      category: 'deduction',
      ruleCode: 'deduction.no_report',
      month: '03',
      day: '03-05',
      points: -3,
      entries: 1,
    },
    { year: 2025, category: 'study', ruleCode: 'study.daily', month: '11', day: '11-02', points: 1, entries: 1 },
  ];
  expect(accountFromLedger(groups)).toEqual(built);
});

test('drift lines: each year twice (ranking total, account copy), then lifetime; drift = computed − stored', () => {
  const computed = withEntry(emptyAccount(), {
    code: 'x.a',
    category: 'study',
    points: 5,
    periods: p('2026-03-05T10:00+08:00'),
  });
  const corrupted = { ...computed, lifetime: 9 };
  const lines = driftLines(computed, { account: corrupted, yearTotals: new Map([[2026, 4]]) });
  expect(lines).toEqual([
    { figure: 'year_total', year: 2026, stored: 4, computed: 5, drift: 1 },
    { figure: 'account_year', year: 2026, stored: 5, computed: 5, drift: 0 },
    { figure: 'lifetime', year: null, stored: 9, computed: 5, drift: -4 },
  ]);
});

test('a stored year with no entries at all shows up as drift', () => {
  const lines = driftLines(emptyAccount(), { account: emptyAccount(), yearTotals: new Map([[2024, 3]]) });
  expect(lines[0]).toEqual({ figure: 'year_total', year: 2024, stored: 3, computed: 0, drift: -3 });
});
