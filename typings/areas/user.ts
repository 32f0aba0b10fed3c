import type { CallerProfile } from '../models';

/**
 * What a person should do now, one line per kind. A to-do goes away when the thing is done, never
 * because it was seen. The set grows as areas land (reminders, help requests, study).
 */
export type TodoKind =
  /** Member: the branch sent the registration back to be corrected. */
  | 'registration_sent_back'
  /** Member: months of dues owed here and not yet paid (this month or behind). */
  | 'dues_owed'
  /** Member: dues are owed here but no base has been declared (or the last one was sent back). */
  | 'dues_no_base'
  /** Member: a session signed up for starts within the next day. */
  | 'session_soon'
  /** Member: the activity certificate is due for its yearly review. */
  | 'certificate_review'
  /** Secretary or administrator: registrations waiting in their catchment. */
  | 'registrations_pending'
  /** Secretary or administrator: points claims waiting in their scope. */
  | 'claims_pending'
  /** Secretary: dues bases declared and waiting for confirmation. */
  | 'bases_pending'
  /** Secretary: members who owe dues here and have no confirmed base. */
  | 'members_no_base'
  /** Secretary: members 3 or more months in a row behind on dues (a talk is due; 6 means review). */
  | 'members_arrears'
  /** Secretary: sessions the 三会一课 cadence requires this month, quarter or year, not yet held or planned. */
  | 'sessions_missing'
  /** Administrator: branches in the subtree with no session held this month, in its second half. */
  | 'branches_idle';

export type TodoRole = 'member' | 'secretary' | 'admin';

export interface TodoItem {
  kind: TodoKind;
  /** Whose work it is, for grouping on the desk. */
  role: TodoRole;
  count: number;
  /** Chinese, one sentence, e.g. '3 条报到待审核，最久的已等 9 天'. */
  text: string;
  /** Short label for a strip or a badge, e.g. '待审核报到'. */
  title: string;
  /** Where doing it starts: a mini-program path with its query. */
  page: string;
  /** 'high' when something is late (waiting 7 days or more, 3 months behind, starting today). */
  priority: 'high' | 'normal';
  /** When it should be done by, ISO, where there is such a day. */
  due: string | null;
}

/** Actions of the `user` function: who the caller is and what they may do. */
export interface UserApi {
  whoami: { input: Record<string, never>; output: CallerProfile };
  /**
   * The caller's to-dos, across their roles, in a fixed small number of round trips. With a
   * branchId: only the secretary's work on that branch (the 书记工作台 counts).
   */
  todos: { input: { branchId?: string }; output: { items: TodoItem[] } };
}
