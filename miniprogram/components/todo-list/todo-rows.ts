/**
 * A to-do as a row reads: its title, its sentence, the count with its word, where it leads and
 * whether it is late. Pure: 首页's strip and 要办的事 both show rows made here.
 */
import type { TodoItem, TodoRole } from '../../../typings';

/** One row of a to-do list. */
export interface TodoRow {
  key: string;
  title: string;
  text: string;
  /** '3 条' / '2 个月', or '' for a to-do of one. */
  note: string;
  url: string;
  late: boolean;
  role: TodoRole;
}

const COUNT_WORDS: Partial<Record<TodoItem['kind'], string>> = {
  dues_owed: '个月',
  registrations_pending: '条',
  claims_pending: '条',
  bases_pending: '人',
  members_no_base: '人',
  members_arrears: '人',
  sessions_missing: '项',
  branches_idle: '个',
  session_soon: '场',
};

export function todoRows(items: readonly TodoItem[]): TodoRow[] {
  return items.map((item, i) => {
    const word = COUNT_WORDS[item.kind];
    return {
      key: `${item.kind}-${i}`,
      title: item.title,
      text: item.text,
      note: word && item.count > 0 ? `${item.count} ${word}` : '',
      url: item.page,
      late: item.priority === 'high',
      role: item.role,
    };
  });
}

/** Whose work, as the 要办的事 page heads each group. */
export const TODO_ROLE_TITLES: Record<TodoRole, string> = {
  member: '我自己的事',
  secretary: '支部的事',
  admin: '管理的事',
};

/** The rows in groups by whose work they are, in that order, empty groups left out. */
export function todoGroups(rows: readonly TodoRow[]): { role: TodoRole; title: string; rows: TodoRow[] }[] {
  return (Object.keys(TODO_ROLE_TITLES) as TodoRole[])
    .map((role) => ({ role, title: TODO_ROLE_TITLES[role], rows: rows.filter((r) => r.role === role) }))
    .filter((g) => g.rows.length > 0);
}
