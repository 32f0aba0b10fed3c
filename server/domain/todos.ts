/**
 * What a person should do now, from counts the handlers read: which to-dos, in what words, where
 * each leads, and which are late. Pure, so the wording and the priorities are tested as a table.
 */
import type { ArrearsBand } from '../../typings/areas/dues';
import type { TodoItem, TodoRole } from '../../typings/areas/user';
import { ARREARS_FOLLOW_UP, formatFen } from './dues';

/** A registration or a claim waiting this many days is late (the 跟踪提醒 rule: a week). */
export const LATE_WAIT_DAYS = 7;

export interface MemberFacts {
  /** The registration's state, null before registering. */
  state: string | null;
  sentBackReason: string | null;
  /** Dues owed here: null when the member does not owe dues in this branch. */
  dues: {
    unpaidMonths: number;
    unpaidFen: number;
    band: ArrearsBand;
    /** No confirmed base and nothing waiting for the branch: the member must declare one. */
    mustDeclare: boolean;
  } | null;
  /** Sessions signed up for that start within a day, soonest first. */
  soon: { sessionId: string; title: string; startAt: Date }[];
  /** The activity certificate is due for its yearly review. */
  certificateReviewDue: boolean;
}

export function memberTodos(f: MemberFacts, now: Date): TodoItem[] {
  const out: TodoItem[] = [];
  const item = (t: Omit<TodoItem, 'role'>) => out.push({ role: 'member', ...t });
  if (f.state === 'sent_back') {
    item({
      kind: 'registration_sent_back',
      count: 1,
      title: '修改报到信息',
      text: f.sentBackReason
        ? `支部退回了您的报到信息：${f.sentBackReason}`
        : '支部退回了您的报到信息，请修改后重新提交。',
      page: '/pages-member/register/index',
      priority: 'high',
      due: null,
    });
  }
  if (f.dues?.mustDeclare) {
    item({
      kind: 'dues_no_base',
      count: 1,
      title: '申报党费基数',
      text: '请申报每月收入（交纳基数），支部确认后就能在线交纳党费。',
      page: '/pages-dues/declare/index',
      priority: 'normal',
      due: null,
    });
  }
  if (f.dues && f.dues.unpaidMonths > 0) {
    const { unpaidMonths, unpaidFen, band } = f.dues;
    const late = band !== 'none' && band !== '1';
    item({
      kind: 'dues_owed',
      count: unpaidMonths,
      title: '交纳党费',
      text:
        ARREARS_FOLLOW_UP[band].memberTodo ??
        (unpaidMonths === 1
          ? `党费 ${formatFen(unpaidFen)} 元还没有交纳。`
          : `有 ${unpaidMonths} 个月党费未交，共 ${formatFen(unpaidFen)} 元。`),
      page: '/pages-dues/mine/index',
      priority: late ? 'high' : 'normal',
      due: null,
    });
  }
  if (f.certificateReviewDue) {
    item({
      kind: 'certificate_review',
      count: 1,
      title: '活动证年审',
      text: '您的电子活动证到了年审时间，请联系所在支部办理，年审后继续有效。',
      page: '/pages-member/certificate/index',
      priority: 'normal',
      due: null,
    });
  }
  if (f.soon.length > 0) {
    const first = f.soon[0]!;
    const startsToday = first.startAt.getTime() - now.getTime() < 12 * 3600_000;
    item({
      kind: 'session_soon',
      count: f.soon.length,
      title: '参加活动',
      text:
        f.soon.length === 1
          ? `您报名的“${first.title}”快开始了，记得按时参加、扫码签到。`
          : `您报名的 ${f.soon.length} 场活动快开始了，最早的是“${first.title}”。`,
      page:
        f.soon.length === 1
          ? `/pages-sessions/detail/index?id=${encodeURIComponent(first.sessionId)}`
          : '/pages-sessions/my-attendance/index',
      priority: startsToday ? 'high' : 'normal',
      due: first.startAt.toISOString(),
    });
  }
  return out;
}

export interface WaitingCount {
  count: number;
  /** Days the oldest has waited, null when none wait. */
  oldestDays: number | null;
}

export interface ManagerFacts {
  /** 'secretary' when the caller runs a branch, else 'admin'. */
  role: Exclude<TodoRole, 'member'>;
  registrations: WaitingCount;
  claims: WaitingCount;
}

function waitingText(what: string, w: WaitingCount): string {
  const oldest = w.oldestDays && w.oldestDays > 0 ? `，最久的已等 ${w.oldestDays} 天` : '';
  return `${w.count} ${what}${oldest}。`;
}

const isLate = (w: WaitingCount) => (w.oldestDays ?? 0) >= LATE_WAIT_DAYS;

/** The queues every manager shares: registrations in their catchment, claims in their scope. */
export function managerTodos(f: ManagerFacts): TodoItem[] {
  const out: TodoItem[] = [];
  if (f.registrations.count > 0) {
    out.push({
      role: f.role,
      kind: 'registrations_pending',
      count: f.registrations.count,
      title: '待审核报到',
      text: waitingText('条报到等您审核', f.registrations),
      page: '/pages-secretary/pending/index',
      priority: isLate(f.registrations) ? 'high' : 'normal',
      due: null,
    });
  }
  if (f.claims.count > 0) {
    out.push({
      role: f.role,
      kind: 'claims_pending',
      count: f.claims.count,
      title: '积分审批',
      text: waitingText('条积分申报等您审批', f.claims),
      page: '/pages-points/review/index',
      priority: isLate(f.claims) ? 'high' : 'normal',
      due: null,
    });
  }
  return out;
}

export interface BranchFacts {
  branchId: string;
  branchName: string;
  /** Say the branch's name: the caller runs more than one. */
  named: boolean;
  basesPending: number;
  noBase: number;
  /** Members 3 or more months in a row behind, and of them 5 or more. */
  arrears: { threePlus: number; fivePlus: number };
  /** What the cadence still needs, soonest period end first. */
  missingSessions: { label: string; periodEndsOn: string; daysLeft: number }[];
}

/** A cadence item due within this many days is late: a week to call the meeting. */
const CADENCE_LATE_DAYS = 7;

/** A secretary's work on one branch's dues. */
export function branchTodos(f: BranchFacts): TodoItem[] {
  const out: TodoItem[] = [];
  const where = f.named ? `${f.branchName}：` : '';
  const query = `?branchId=${encodeURIComponent(f.branchId)}&branchName=${encodeURIComponent(f.branchName)}`;
  if (f.basesPending > 0) {
    out.push({
      role: 'secretary',
      kind: 'bases_pending',
      count: f.basesPending,
      title: '确认党费基数',
      text: `${where}${f.basesPending} 名党员申报了交纳基数，等您确认。`,
      page: `/pages-dues/bases/index${query}`,
      priority: 'normal',
      due: null,
    });
  }
  if (f.arrears.threePlus > 0) {
    const { threePlus, fivePlus } = f.arrears;
    out.push({
      role: 'secretary',
      kind: 'members_arrears',
      count: threePlus,
      title: '欠交党费谈心',
      text:
        `${where}${threePlus} 名党员已连续 3 个月以上未交党费` +
        (fivePlus > 0 ? `，其中 ${fivePlus} 名 5 个月以上，请尽快谈心谈话。` : '，请联系了解情况。'),
      page: `/pages-dues/board/index${query}`,
      priority: fivePlus > 0 ? 'high' : 'normal',
      due: null,
    });
  }
  if (f.missingSessions.length > 0) {
    const first = [...f.missingSessions].sort((a, b) => a.daysLeft - b.daysLeft)[0]!;
    const labels = f.missingSessions.map((m) => m.label);
    const named = labels.length > 3 ? `${labels.slice(0, 3).join('、')}等` : labels.join('、');
    out.push({
      role: 'secretary',
      kind: 'sessions_missing',
      count: f.missingSessions.length,
      title: '组织生活督办',
      text: `${where}还缺 ${f.missingSessions.length} 项组织生活：${named}。`,
      page: `/pages-sessions/cadence/index${query}`,
      priority: first.daysLeft <= CADENCE_LATE_DAYS ? 'high' : 'normal',
      due: first.periodEndsOn,
    });
  }
  if (f.noBase > 0) {
    out.push({
      role: 'secretary',
      kind: 'members_no_base',
      count: f.noBase,
      title: '未定党费基数',
      text: `${where}${f.noBase} 名党员还没有确认交纳基数，党费无法收缴。`,
      page: `/pages-dues/board/index${query}`,
      priority: 'normal',
      due: null,
    });
  }
  return out;
}

/** Idle branches are worth a reminder only once half the month has gone. */
export const IDLE_FROM_DAYS_LEFT = 15;

export interface SubtreeFacts {
  /** Branches in the caller's subtree with no session held this month. */
  idleBranches: number;
  /** Days left in this month, today included; and its last day. */
  daysLeft: number;
  monthEndsOn: string;
}

/** An administrator's follow-up on the branches below them. */
export function subtreeTodos(f: SubtreeFacts): TodoItem[] {
  if (f.idleBranches === 0 || f.daysLeft > IDLE_FROM_DAYS_LEFT) return [];
  return [
    {
      role: 'admin',
      kind: 'branches_idle',
      count: f.idleBranches,
      title: '督促支部开展组织生活',
      text: `${f.idleBranches} 个支部本月还没有开展组织生活，本月还剩 ${f.daysLeft} 天。`,
      page: '/pages-admin/desk/index',
      priority: f.daysLeft <= CADENCE_LATE_DAYS ? 'high' : 'normal',
      due: f.monthEndsOn,
    },
  ];
}

const PRIORITY_ORDER = { high: 0, normal: 1 } as const;

/** Late first, then as built (member's own work before the queues). */
export function orderTodos(items: TodoItem[]): TodoItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => PRIORITY_ORDER[a.item.priority] - PRIORITY_ORDER[b.item.priority] || a.i - b.i)
    .map(({ item }) => item);
}
