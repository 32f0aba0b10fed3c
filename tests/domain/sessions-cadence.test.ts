/** The cadence to-do of a branch (三会一课): statuses, periods and the committee exception. */
import { CADENCE_RULES, cadenceItems, type KindCount } from '../../server/domain/sessions';
import type { SessionKind } from '../../typings/areas/sessions';

const bj = (text: string) => new Date(`${text}+08:00`);

function count(kind: SessionKind, overrides: Partial<KindCount> = {}): KindCount {
  return {
    kind,
    own: true,
    monthHeld: 0,
    monthScheduled: 0,
    quarterHeld: 0,
    quarterScheduled: 0,
    yearHeld: 0,
    yearScheduled: 0,
    ...overrides,
  };
}

const byKind = (items: ReturnType<typeof cadenceItems>) => Object.fromEntries(items.map((i) => [i.kind, i]));

describe('the rules of 《中国共产党支部工作条例（试行）》', () => {
  it('are monthly for 支委会, 党小组会 and 主题党日, quarterly for 党员大会 and 党课, yearly for 组织生活会 and 民主评议', () => {
    expect(CADENCE_RULES.map((r) => [r.kind, r.period])).toEqual([
      ['committee', 'month'],
      ['group', 'month'],
      ['theme_day', 'month'],
      ['branch_assembly', 'quarter'],
      ['lecture', 'quarter'],
      ['life_meeting', 'year'],
      ['appraisal', 'year'],
    ]);
  });
});

describe('cadenceItems', () => {
  const now = bj('2026-05-20T10:00:00');

  it('says everything is missing for a branch that held nothing, with the period and the days left', () => {
    const items = byKind(cadenceItems([], now, { fullMembers: 10 }));
    expect(items.committee).toMatchObject({
      status: 'missing',
      periodLabel: '2026年5月',
      periodEndsOn: '2026-05-31',
      daysLeft: 12,
    });
    expect(items.lecture).toMatchObject({
      status: 'missing',
      periodLabel: '2026年第二季度',
      periodEndsOn: '2026-06-30',
      daysLeft: 42,
    });
    expect(items.appraisal).toMatchObject({ status: 'missing', periodLabel: '2026年', periodEndsOn: '2026-12-31' });
    expect(items.committee!.note).toBe('本月还没有召开，请在 12 天内安排');
  });

  it('is done when one has started in the period, scheduled when one is still to come', () => {
    const items = byKind(
      cadenceItems(
        [
          count('committee', { monthHeld: 1, quarterHeld: 2, yearHeld: 5 }),
          count('group', { monthScheduled: 1, quarterHeld: 1 }),
          // Held this quarter but not this month: the quarterly rule is met.
          count('branch_assembly', { quarterHeld: 1, yearHeld: 2 }),
        ],
        now,
        { fullMembers: 10 },
      ),
    );
    expect(items.committee!.status).toBe('done');
    expect(items.group).toMatchObject({ status: 'scheduled', held: 0, scheduled: 1 });
    expect(items.branch_assembly!.status).toBe('done');
  });

  it('counts a joint session of a node above for 党课 and 主题党日, never for the branch’s own meetings', () => {
    const joint = { own: false, monthHeld: 1, quarterHeld: 1, yearHeld: 1 };
    const items = byKind(
      cadenceItems(
        [
          count('theme_day', joint),
          count('lecture', joint),
          count('branch_assembly', joint),
          count('committee', joint),
        ],
        now,
        {
          fullMembers: 10,
        },
      ),
    );
    expect(items.theme_day!.status).toBe('done');
    expect(items.lecture!.status).toBe('done');
    expect(items.branch_assembly!.status).toBe('missing');
    expect(items.committee!.status).toBe('missing');
  });

  it('does not require a committee meeting of a branch with fewer than 7 full members, unless it holds them', () => {
    expect(byKind(cadenceItems([], now, { fullMembers: 6 })).committee!.status).toBe('not_required');
    expect(byKind(cadenceItems([], now, { fullMembers: 7 })).committee!.status).toBe('missing');
    const held = cadenceItems([count('committee', { monthHeld: 1 })], now, { fullMembers: 3 });
    expect(byKind(held).committee!.status).toBe('done');
  });

  it('starts afresh on the first day of a month and of a quarter (Beijing time)', () => {
    // What was held in March counts for March and the first quarter; at 00:10 on 1 April the
    // aggregation's periods are April and the second quarter, so the counts it hands over are zero.
    const lastOfMarch = byKind(
      cadenceItems([count('lecture', { monthHeld: 1, quarterHeld: 1, yearHeld: 1 })], bj('2026-03-31T23:50:00'), {
        fullMembers: 10,
      }),
    );
    expect(lastOfMarch.lecture).toMatchObject({ status: 'done', periodLabel: '2026年第一季度', daysLeft: 1 });
    const firstOfApril = byKind(
      cadenceItems([count('lecture', { yearHeld: 1 })], bj('2026-04-01T00:10:00'), { fullMembers: 10 }),
    );
    expect(firstOfApril.lecture).toMatchObject({
      status: 'missing',
      periodLabel: '2026年第二季度',
      periodEndsOn: '2026-06-30',
      daysLeft: 91,
    });
    expect(firstOfApril.committee).toMatchObject({ periodLabel: '2026年4月', daysLeft: 30 });
  });
});
