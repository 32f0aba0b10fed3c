/** Places, the secretary's figures, a member's standing and rate, voting rights. */
import {
  audienceKeysOfMember,
  describeChange,
  hasFreeSeat,
  isInflowMember,
  memberRate,
  myStatus,
  pickShard,
  POINTS_RULE_OF_KIND,
  ratePercent,
  rosterStatus,
  seatsTakenOf,
  SESSION_KINDS,
  shardCountFor,
  splitCapacity,
  summarise,
  votingRightOf,
} from '../../server/domain/sessions';

describe('places', () => {
  it.each([
    [null, 1000, true],
    [10, 9, true],
    [10, 10, false],
    [1, 0, true],
  ])('capacity %s with %s taken: free %s', (capacity, taken, free) => {
    expect(hasFreeSeat(capacity, taken)).toBe(free);
  });
});

describe('rates', () => {
  it('are whole percent, capped at 100, none without a base', () => {
    expect(ratePercent(1, 3)).toBe(33);
    expect(ratePercent(2, 3)).toBe(67);
    expect(ratePercent(5, 4)).toBe(100);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('count a member’s absences as the held sessions neither attended nor excused', () => {
    expect(memberRate({ held: 6, attended: 4, leave: 1 })).toEqual({ absent: 1, ratePercent: 67 });
    expect(memberRate({ held: 0, attended: 0, leave: 0 })).toEqual({ absent: 0, ratePercent: null });
  });
});

describe('the secretary’s figures', () => {
  const counts = { signed_up: 2, leave: 1, attended: 5 };

  it('have nobody absent before the end', () => {
    expect(summarise({ audienceType: 'branch', expected: 10, seatsTaken: 4, counts, ended: false })).toEqual({
      signedUp: 4,
      attended: 5,
      leave: 1,
      absent: null,
      expected: 10,
      ratePercent: null,
    });
  });

  it('count the absent of a branch meeting among those expected, after the end', () => {
    expect(summarise({ audienceType: 'branch', expected: 10, seatsTaken: 4, counts, ended: true })).toMatchObject({
      absent: 4,
      ratePercent: 50,
    });
  });

  it('count the absent of an open session among those who signed up', () => {
    expect(summarise({ audienceType: 'subtree', expected: null, seatsTaken: 4, counts, ended: true })).toMatchObject({
      absent: 2,
      expected: null,
      ratePercent: 71,
    });
  });
});

describe('standing', () => {
  it.each([
    ['attended', false, 'attended', 'attended'],
    ['leave', true, 'leave', 'leave'],
    ['signed_up', false, 'signed_up', 'signed_up'],
    ['signed_up', true, 'absent', 'absent'],
    [null, false, 'not_yet', 'none'],
    [null, true, 'absent', 'absent'],
    ['cancelled', true, 'absent', 'absent'],
  ] as const)('record %s, ended %s: roster %s, member %s', (status, ended, roster, mine) => {
    expect(rosterStatus(status, ended)).toBe(roster);
    expect(myStatus(status, ended, true)).toBe(mine);
  });

  it('does not call a member absent from an open session they never signed up for', () => {
    expect(myStatus(null, true, false)).toBe('none');
  });
});

describe('voting rights (domain-rules.md: activity-certificate holders have no vote at the 流入地)', () => {
  it.each([
    [false, true, 'full', null],
    [true, true, 'full', 'observer_inflow'],
    [true, false, 'full', 'voting'],
    [true, false, 'probationary', 'observer_probationary'],
    [true, true, 'probationary', 'observer_probationary'],
  ] as const)('vote %s, inflow %s, %s member: %s', (hasVote, inflow, partyStatus, right) => {
    expect(votingRightOf({ hasVote }, { inflow, partyStatus })).toBe(right);
  });

  it('treats a member registered with a home organisation as inflow', () => {
    expect(isInflowMember({ home: { orgName: '宁都县梅江镇某村党支部' } })).toBe(true);
    expect(isInflowMember({ home: null })).toBe(false);
  });
});

describe('points and audiences', () => {
  it('earn points by kind as the ledger’s 清单 names them', () => {
    expect(SESSION_KINDS.map((k) => [k, POINTS_RULE_OF_KIND[k]])).toEqual([
      ['branch_assembly', 'attendance.branch_meeting'],
      ['committee', 'attendance.branch_meeting'],
      ['group', 'attendance.branch_meeting'],
      ['lecture', 'attendance.party_lecture'],
      ['theme_day', 'attendance.theme_day'],
      ['life_meeting', 'attendance.branch_meeting'],
      ['appraisal', 'attendance.branch_meeting'],
      ['volunteer', 'volunteer.hour'],
      ['training', 'attendance.party_lecture'],
      ['other', null],
    ]);
  });

  it('list a member under their branch and every node above it', () => {
    expect(audienceKeysOfMember({ branchId: 'b1', orgPath: ['xm', 'xm-siming', 'b1'] })).toEqual([
      'b:b1',
      't:xm',
      't:xm-siming',
      't:b1',
    ]);
    expect(audienceKeysOfMember({ branchId: null, orgPath: [] })).toEqual([]);
  });
});

describe('what members are told when a session changes', () => {
  const base = {
    title: '支部党员大会',
    startAt: new Date('2026-03-05T11:30:00Z'),
    endAt: new Date('2026-03-05T13:00:00Z'),
    placeText: '服务站二楼',
    onlineUrl: null,
  };

  it('names the new time, place and title in one sentence', () => {
    const note = describeChange(base, {
      ...base,
      startAt: new Date('2026-03-06T11:30:00Z'),
      endAt: new Date('2026-03-06T13:00:00Z'),
      placeText: '党群服务中心',
    });
    expect(note).toBe('时间改为3月6日 19:30；地点改为党群服务中心');
    expect(describeChange(base, { ...base, title: '支部党员大会（改）' })).toBe('名称改为“支部党员大会（改）”');
  });

  it('says nothing when only the wording of the agenda or the materials changed', () => {
    expect(describeChange(base, { ...base })).toBeNull();
  });
});

describe('places counted on several counters', () => {
  it('gives a session up to 8 counters, one per place when there are fewer', () => {
    expect(shardCountFor(null)).toBe(8);
    expect(shardCountFor(100)).toBe(8);
    expect(shardCountFor(3)).toBe(3);
    expect(shardCountFor(1)).toBe(1);
  });

  it('splits the capacity so the quotas add up to it exactly', () => {
    expect(splitCapacity(30, [0, 0, 0, 0, 0, 0, 0, 0])).toEqual([4, 4, 4, 4, 4, 4, 3, 3]);
    expect(splitCapacity(3, [0, 0, 0])).toEqual([1, 1, 1]);
    expect(splitCapacity(null, [2, 5])).toEqual([null, null]);
  });

  it('keeps what each counter has taken when the capacity changes, and refuses less than is taken', () => {
    expect(splitCapacity(10, [3, 0, 1])).toEqual([5, 2, 3]);
    expect(splitCapacity(4, [3, 0, 1])).toEqual([3, 0, 1]);
    expect(splitCapacity(3, [3, 0, 1])).toBeNull();
    // Fewer places than counters: some counters get none.
    expect(splitCapacity(2, [0, 0, 0, 0])).toEqual([1, 1, 0, 0]);
  });

  it('chooses a counter with room at random, and none when all are full', () => {
    const shards = [
      { shard: 0, quota: 2, taken: 2 },
      { shard: 1, quota: 2, taken: 1 },
      { shard: 2, quota: 2, taken: 0 },
    ];
    expect(pickShard(shards, () => 0)).toBe(1);
    expect(pickShard(shards, () => 0.99)).toBe(2);
    expect(pickShard(shards.map((s) => ({ ...s, taken: 2 })))).toBeNull();
    expect(pickShard([{ shard: 0, quota: null, taken: 500 }])).toBe(0);
    expect(seatsTakenOf(shards)).toBe(3);
  });
});
