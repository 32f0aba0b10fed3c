/** Small builders for replies and records, so each test states only what matters to it. */
import type { CallerProfile, ErrorCode, OrgNodeSummary, Reply, RoleGrant, TodoItem } from '../../typings';

/** A registered member with no roles; override what the test is about. */
export function aProfile(overrides: Partial<CallerProfile> = {}): CallerProfile {
  return {
    openid: 'demo-member',
    isSuperAdmin: false,
    roles: [],
    memberId: 'member-1',
    displayName: '李红梅',
    ...overrides,
  };
}

export function aSecretaryGrant(scopeName = '湖里区快递行业党支部'): RoleGrant {
  return { role: 'secretary', scopeId: 'branch-1', scopeName };
}

export function anAdminGrant(scopeName = '湖里区委组织部'): RoleGrant {
  return { role: 'admin', scopeId: 'district-1', scopeName };
}

export function anOrgNode(overrides: Partial<OrgNodeSummary> = {}): OrgNodeSummary {
  return {
    id: 'district-1',
    type: 'district',
    name: '湖里区',
    parentId: null,
    ancestors: [],
    hasChildren: true,
    ...overrides,
  };
}

/** A to-do as `user.todos` sends it: a secretary's registrations waiting unless overridden. */
export function aTodo(overrides: Partial<TodoItem> = {}): TodoItem {
  return {
    kind: 'registrations_pending',
    role: 'secretary',
    count: 3,
    title: '待审核报到',
    text: '3 条报到等您审核。',
    page: '/pages-secretary/pending/index',
    priority: 'normal',
    due: null,
    ...overrides,
  };
}

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function failed(code: ErrorCode, message: string, field?: string): Reply<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
