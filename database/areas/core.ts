import { DENY_ALL, type CollectionSpec } from '../schema';

/** The organisation tree, role grants, invitations to a role and the audit log. */
export const CORE_COLLECTIONS = {
  orgs: 'orgs',
  roles: 'roles',
  invitations: 'invitations',
  auditLog: 'audit_log',
} as const;

export const coreCollections: CollectionSpec[] = [
  {
    name: CORE_COLLECTIONS.orgs,
    description: '组织树节点：区、街道、社区、行业党委、异地驻厦党组织、支部、服务站（_id 为稳定编码）',
    indexes: [
      { name: 'parent_type_sort', keys: { parentId: 1, type: 1, sort: 1 } },
      { name: 'ancestors_type', keys: { ancestors: 1, type: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: CORE_COLLECTIONS.roles,
    description: '角色授予：支部书记（某支部）、管理员（某节点及其下级）；_id 为 角色:范围:openid',
    indexes: [
      { name: 'openid_role', keys: { openid: 1, role: 1 } },
      { name: 'scope_role', keys: { scopeId: 1, role: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: CORE_COLLECTIONS.invitations,
    description: '角色邀请：管理员发出、本人接受，一次有效、到期作废（_id 为邀请码）',
    indexes: [{ name: 'scope_created', keys: { scopeId: 1, createdAt: -1 } }],
    rules: DENY_ALL,
  },
  {
    name: CORE_COLLECTIONS.auditLog,
    description: '管理操作审计日志：谁、做了什么、何时、变更前后',
    indexes: [
      { name: 'target_time', keys: { 'target.collection': 1, 'target.id': 1, at: -1 } },
      { name: 'actor_time', keys: { actor: 1, at: -1 } },
    ],
    rules: DENY_ALL,
  },
];
