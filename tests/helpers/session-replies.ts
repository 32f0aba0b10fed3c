/** Replies of the `sessions` function for page tests: each builder states only what a test is about. */
import type {
  AttendanceHistory,
  CadenceItem,
  CadenceReport,
  CallerProfile,
  CheckinCode,
  Roster,
  RosterRow,
  SessionDetail,
  SessionRow,
} from '../../typings';

/** 5 March 2030, 19:30–21:00 Beijing time: far enough ahead that "now" never reaches it. */
export const START = '2030-03-05T11:30:00.000Z';
export const END = '2030-03-05T13:00:00.000Z';

export function aSessionRow(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    sessionId: 'ses_1',
    kind: 'branch_assembly',
    title: '三月份支部党员大会',
    startAt: START,
    endAt: END,
    placeText: '思明区流动党员服务管理站',
    state: 'published',
    audienceName: '思明区流动党员党支部',
    capacity: null,
    seatsTaken: 0,
    myStatus: 'none',
    ...overrides,
  };
}

export function aSessionDetail(overrides: Partial<SessionDetail> = {}): SessionDetail {
  return {
    ...aSessionRow(),
    agenda: '传达上级精神\n讨论本季度工作',
    place: { type: 'station', stationId: 'st-1', name: '思明区流动党员服务管理站', address: '湖滨南路388号' },
    onlineUrl: null,
    materials: { text: '', links: [], images: [] },
    serviceHours: null,
    hasVote: false,
    audience: { type: 'branch', orgId: 'xm-siming-mobile', orgName: '思明区流动党员党支部' },
    cancelReason: null,
    version: 1,
    checkInOpensAt: '2030-03-05T11:00:00.000Z',
    canSignUp: true,
    canCancelSignUp: false,
    canAskLeave: true,
    canCheckIn: false,
    canManage: false,
    myLeaveReason: null,
    myCheckedInAt: null,
    myVotingRight: null,
    ...overrides,
  };
}

export function aCheckinCode(overrides: Partial<CheckinCode> = {}): CheckinCode {
  return {
    sessionId: 'ses_1',
    token: 'token-1',
    qrImage: 'data:image/png;base64,AAAA',
    refreshAt: '2030-03-05T11:40:30.000Z',
    periodSeconds: 30,
    opensAt: '2030-03-05T11:00:00.000Z',
    closesAt: END,
    serverTime: '2030-03-05T11:40:10.000Z',
    ...overrides,
  };
}

export function aRosterRow(overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    memberId: 'm-1',
    name: '张建华',
    branchName: '思明区流动党员党支部',
    status: 'not_yet',
    checkedInAt: null,
    method: null,
    reason: null,
    votingRight: null,
    points: null,
    ...overrides,
  };
}

export function aRoster(rows: RosterRow[], overrides: Partial<Roster> = {}): Roster {
  return {
    session: { ...aSessionRow({ myStatus: null }), hasVote: false, ended: false },
    summary: { signedUp: 0, attended: 1, leave: 0, absent: null, expected: 12, ratePercent: null },
    rows: { items: rows, nextCursor: null },
    ...overrides,
  };
}

export function aCadenceItem(overrides: Partial<CadenceItem> = {}): CadenceItem {
  return {
    kind: 'committee',
    period: 'month',
    periodLabel: '2030年3月',
    periodEndsOn: '2030-03-31',
    daysLeft: 12,
    held: 0,
    scheduled: 0,
    status: 'missing',
    note: '本月还没有召开，请在 12 天内安排',
    ...overrides,
  };
}

export function aCadenceReport(items: CadenceItem[]): CadenceReport {
  return {
    branchId: 'xm-siming-mobile',
    branchName: '思明区流动党员党支部',
    asOf: '2030-03-20T02:00:00.000Z',
    items,
    missing: items.filter((i) => i.status === 'missing').length,
  };
}

export function aHistory(overrides: Partial<AttendanceHistory> = {}): AttendanceHistory {
  return {
    memberId: 'm-1',
    name: '张建华',
    year: 2030,
    held: 6,
    attended: 4,
    leave: 1,
    absent: 1,
    ratePercent: 67,
    volunteerHours: 5,
    items: { items: [], nextCursor: null },
    ...overrides,
  };
}

/** A secretary of 思明区流动党员党支部. */
export function aSecretaryProfile(overrides: Partial<CallerProfile> = {}): CallerProfile {
  return {
    openid: 'demo-secretary',
    isSuperAdmin: false,
    roles: [{ role: 'secretary', scopeId: 'xm-siming-mobile', scopeName: '思明区流动党员党支部' }],
    memberId: 'm_demo-secretary',
    displayName: '陈美华',
    ...overrides,
  };
}
