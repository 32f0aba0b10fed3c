/** Remote operations of the `user` function. */
import type { CallerProfile, TodoItem } from '../../typings';
import { callFunction } from './cloud';

/** Who the caller is, their roles and whether they have registered (报到). */
export function fetchWhoami(): Promise<CallerProfile> {
  return callFunction('user', 'whoami', {});
}

/** What the caller should do now, across their roles; with a branch, that branch's work only. */
export function fetchTodos(branchId?: string): Promise<{ items: TodoItem[] }> {
  return callFunction('user', 'todos', branchId ? { branchId } : {});
}
