/** A branch's month (server/domain/desk/branch-month.ts) and figure values (values.ts), on hand-made counts. */
import type { CadenceItem } from '../../typings/areas/sessions';
import {
  arrearsAtEnd,
  cadenceOfMonth,
  duesOfMonth,
  lifeOfMonth,
  vanguardOfMonth,
} from '../../server/domain/desk/branch-month';
import { activityValues, coverageValues, emptyActivity } from '../../server/domain/desk/values';

const item = (kind: CadenceItem['kind'], period: CadenceItem['period'], status: CadenceItem['status']) =>
  ({ kind, period, status }) as CadenceItem;

const ITEMS = [
  item('committee', 'month', 'not_required'),
  item('group', 'month', 'done'),
  item('theme_day', 'month', 'missing'),
  item('branch_assembly', 'quarter', 'done'),
  item('lecture', 'quarter', 'missing'),
  item('life_meeting', 'year', 'missing'),
  item('appraisal', 'year', 'done'),
];

describe('三会一课 of a month', () => {
  test.each([
    ['2026-11', 2, 1],
    ['2026-09', 4, 2],
    ['2026-12', 6, 3],
  ])('%s counts the rules whose period ends in it: %i due, %i met', (month, due, met) => {
    expect(cadenceOfMonth(ITEMS, month)).toEqual({ due, met });
  });
});

describe('arrears at the month’s end', () => {
  test('a closed month counts itself when unpaid; the month under way does not', () => {
    const unpaid = [
      ['2026-09', '2026-10', '2026-11'],
      ['2026-11'],
      ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
    ];
    expect(arrearsAtEnd(unpaid, '2026-11', true)).toEqual({ '1': 1, '3': 1, '5': 0, '6+': 1 });
    expect(arrearsAtEnd(unpaid, '2026-11', false)).toEqual({ '1': 1, '3': 0, '5': 0, '6+': 1 });
  });
});

describe('the month’s sums', () => {
  test('attendance counts only sessions already counted (ended and tallied)', () => {
    const life = lifeOfMonth({
      sessions: [
        { kind: 'group', tally: { expected: 5, attended: 4, leave: 1 } },
        { kind: 'group', tally: null },
        { kind: 'lecture', tally: { expected: 5, attended: 2, leave: 0 } },
      ],
      cadence: { due: 2, met: 1 },
      absentAll: 1,
    });
    expect(life).toMatchObject({ held: 3, expected: 10, attended: 6, leave: 1, absentAll: 1, cadenceDue: 2 });
    expect(life.heldByKind).toMatchObject({ group: 2, lecture: 1, committee: 0 });
  });

  test('dues: waived months are not owed; paid on time is counted apart; received is by receipt', () => {
    const dues = duesOfMonth(
      [
        { state: 'paid', onTime: true, n: 3, fen: 3000 },
        { state: 'paid', onTime: false, n: 1, fen: 1000 },
        { state: 'due', onTime: null, n: 2, fen: 2000 },
        { state: 'waived', onTime: null, n: 1, fen: 0 },
      ],
      2500,
      { '1': 2, '3': 0, '5': 0, '6+': 0 },
    );
    expect(dues).toMatchObject({ owing: 6, paid: 4, paidOnTime: 3, waived: 1, dueFen: 6000, receivedFen: 2500 });
  });

  test('points: a member whose entries cancel out has earned nothing', () => {
    const v = vanguardOfMonth(
      [
        { memberId: 'a', category: 'study', points: 2 },
        { memberId: 'a', category: 'deduction', points: -1 },
        { memberId: 'b', category: 'study', points: 0 },
      ],
      { hours: 2.25, times: 1 },
    );
    expect(v).toMatchObject({ points: 1, membersWithPoints: 1, volunteerHours: 2.3, volunteerTimes: 1 });
    expect(v.byCategory).toMatchObject({ study: 2, deduction: -1, dues: 0 });
  });
});

describe('figure values', () => {
  test('empty denominators give no rate rather than 0%', () => {
    const v = activityValues(emptyActivity(), 'month');
    expect(v['life.attendanceRate']).toBeNull();
    expect(v['life.cadenceRate']).toBeNull();
    expect(v['dues.paidRate']).toBeNull();
    expect(v['vanguard.pointsPerMember']).toBeNull();
    const c = coverageValues({
      found: 0,
      pending: 0,
      assigned: 0,
      sentBack: 0,
      lostContact: 0,
      pendingMedianDays: null,
      pendingOldestDays: null,
    });
    expect(c['coverage.registrationRate']).toBeNull();
  });

  test('a week carries no 党费 and no monthly counts', () => {
    const v = activityValues(emptyActivity(), 'week');
    expect(Object.keys(v).sort()).toEqual(['life.attendanceRate', 'life.held', 'life.leave']);
  });
});
