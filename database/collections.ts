import { DENY_ALL, type CollectionSpec } from './schema';

/** Collection names, defined once. */
export const COLLECTIONS = {
  orgs: 'orgs',
  roles: 'roles',
  members: 'members',
  auditLog: 'audit_log',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Every collection with its indexes and rules. */
export const collections: CollectionSpec[] = [
  {
    name: COLLECTIONS.orgs,
    description: '组织树节点：区、街道、社区、行业党委、异地驻厦党组织、支部、服务站',
    indexes: [
      { name: 'parent_type_sort', keys: { parentId: 1, type: 1, sort: 1 } },
      { name: 'ancestors_type', keys: { ancestors: 1, type: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: COLLECTIONS.roles,
    description: '角色授予：支部书记（某支部）、管理员（某节点及其下级）',
    indexes: [
      { name: 'openid_role', keys: { openid: 1, role: 1 } },
      { name: 'scope_role', keys: { scopeId: 1, role: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: COLLECTIONS.members,
    description: '流动党员：每个微信账号一条（_id 由 openid 决定）',
    indexes: [
      { name: 'openid_unique', keys: { openid: 1 }, unique: true },
      { name: 'branch_state', keys: { branchId: 1, state: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: COLLECTIONS.auditLog,
    description: '管理操作审计日志：谁、做了什么、何时、变更前后',
    indexes: [
      { name: 'target_time', keys: { 'target.collection': 1, 'target.id': 1, at: -1 } },
      { name: 'actor_time', keys: { actor: 1, at: -1 } },
    ],
    rules: DENY_ALL,
  },
];
