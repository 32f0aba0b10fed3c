import { DENY_ALL, type CollectionSpec } from '../schema';

/** Study sessions and volunteer activities, and one attendance record per session and member. */
export const SESSION_COLLECTIONS = {
  sessions: 'sessions',
  sessionAttendance: 'session_attendance',
  sessionSeats: 'session_seats',
} as const;

export const sessionCollections: CollectionSpec[] = [
  {
    name: SESSION_COLLECTIONS.sessions,
    description: '学习活动与志愿服务：类型、时间、地点、名额、对象（一个支部或某组织下全体）；_id 由发布人与请求号决定',
    indexes: [
      // Lists for members: sessions open to one of their audience keys, by time.
      { name: 'audience_state_start_id', keys: { audienceKey: 1, state: 1, startAt: 1, _id: 1 } },
      { name: 'audience_state_end', keys: { audienceKey: 1, state: 1, endAt: 1 } },
      // Managers' lists and per-node statistics: everything owned under a node.
      { name: 'owner_path_start_id', keys: { ownerPath: 1, startAt: 1, _id: 1 } },
      // The cadence check of a branch.
      { name: 'branch_kind_start', keys: { branchId: 1, kind: 1, startAt: 1 } },
      // Sessions whose attendance is to be counted once they end (sessions/tally.ts).
      { name: 'tally_due_end', keys: { tallyDue: 1, state: 1, endAt: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: SESSION_COLLECTIONS.sessionAttendance,
    description:
      '出勤记录：每个活动每名党员一条（_id 为 活动编号~党员编号）；报名、请假、签到（扫码或书记补登）与积分结果',
    indexes: [
      // Rosters by name (keyset on memberName, _id); a member's records newest first.
      { name: 'session_status_name_id', keys: { sessionId: 1, status: 1, memberName: 1, _id: 1 } },
      { name: 'member_start_id', keys: { memberId: 1, sessionStartAt: -1, _id: -1 } },
      { name: 'member_changed', keys: { memberId: 1, changed: 1 } },
      { name: 'owner_status_start', keys: { sessionOwnerPath: 1, status: 1, sessionStartAt: 1 } },
      // Awards left pending by a call that died (sessions/points.ts): the sweep finds them.
      { name: 'points_pending', keys: { pointsPending: 1, checkedInAt: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: SESSION_COLLECTIONS.sessionSeats,
    description:
      '活动名额计数：每个活动几份计数文档（_id 为 活动编号#序号），各有配额，配额之和即名额；报名在事务中占用其中一份',
    indexes: [{ name: 'session_shard', keys: { sessionId: 1, shard: 1 } }],
    rules: DENY_ALL,
  },
];
