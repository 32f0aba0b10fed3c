import { DENY_ALL, type CollectionSpec } from '../schema';

/** Members (one per WeChat account), 摸排 imports and activity certificates. */
export const MEMBER_COLLECTIONS = {
  members: 'members',
  memberImports: 'member_imports',
  certificates: 'certificates',
} as const;

export const memberCollections: CollectionSpec[] = [
  {
    name: MEMBER_COLLECTIONS.members,
    description: '流动党员：每个微信账号一条（_id 由 openid 决定）；身份证号、手机号只存密文、哈希与掩码',
    indexes: [
      { name: 'paired_with', keys: { 'pairedWith.memberId': 1 } },
      { name: 'openid_unique', keys: { openid: 1 }, unique: true },
      // One person, one record: a second account with the same 身份证号 fails here.
      { name: 'id_hash_unique', keys: { 'idCard.hash': 1 }, unique: true },
      // Keyset pages (sort key, then _id) of a branch's members, by state or all of them.
      { name: 'branch_state_name_id', keys: { branchId: 1, state: 1, name: 1, _id: 1 } },
      { name: 'branch_name_id', keys: { branchId: 1, name: 1, _id: 1 } },
      // The registration queue: of a catchment, or every pending one for the super administrator.
      { name: 'scopes_state_time_id', keys: { candidateScopes: 1, state: 1, submittedAt: 1, _id: 1 } },
      { name: 'state_time_id', keys: { state: 1, submittedAt: 1, _id: 1 } },
      { name: 'org_path_state', keys: { orgPath: 1, state: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: MEMBER_COLLECTIONS.memberImports,
    description: '社区摸排导入的党员（_id 由身份证号哈希决定），报到时关联',
    indexes: [
      { name: 'scope_time', keys: { scopeId: 1, importedAt: -1 } },
      // The desk's 摸排人数 of a subtree.
      { name: 'scope_path', keys: { scopePath: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: MEMBER_COLLECTIONS.certificates,
    description: '电子活动证：编号、持证人、支部、签发与年审日期、状态',
    indexes: [
      { name: 'member_state', keys: { memberId: 1, state: 1 } },
      { name: 'number_unique', keys: { number: 1 }, unique: true },
    ],
    rules: DENY_ALL,
  },
];
