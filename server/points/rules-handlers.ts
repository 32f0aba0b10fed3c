import { COLLECTIONS } from '../../database/collections';
import { memberIdOf } from '../domain/ids';
import { DEFAULT_SCOPE, ruleIdOf, ruleVersionIdOf } from '../domain/points/ids';
import { CATEGORIES, resolveRule, ruleProblems, whyNotApplicable } from '../domain/points/rules';
import { periodsOf } from '../domain/points/periods';
import { canAdminister, isOnGrantPath, type Access } from '../domain/scope';
import { findMember } from '../members/store';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireAnyManager } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { db, type Transaction } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { daySchema, labelled, z } from '../platform/validation';
import { noteSchema, ruleCodeSchema } from './common';
import type { RuleDoc, RuleVersionDoc } from './docs';
import { findRulesAt, forgetCachedRules, scopesFor } from './store';
import { throwIfFailed } from '../platform/db-errors';
import { inTransaction } from '../platform/transaction';
import { toRuleView } from './views';

const scopeSchema = labelled(z.string().trim().min(1).max(64), '适用范围');

/** The items that apply at a place: per code, the definition nearest to it. */
function effectiveRules(defined: RuleDoc[], orgPath: string[]): RuleDoc[] {
  const byCode = new Map<string, RuleDoc[]>();
  for (const r of defined) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const order = new Map(defined.filter((r) => r.scopeId === DEFAULT_SCOPE).map((r) => [r.code, r.sort]));
  return [...byCode.values()]
    .map((candidates) => resolveRule(candidates, orgPath)!)
    .sort(
      (a, b) =>
        (order.get(a.code) ?? a.sort) - (order.get(b.code) ?? b.sort) ||
        CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
        a.code.localeCompare(b.code),
    );
}

/**
 * The 清单 as it applies to the caller's branch (the default list before assignment), in force
 * today; or, for a secretary or administrator, at a chosen node with disabled items too.
 */
export const rules: Handler<'points', 'rules'> = {
  input: z.object({
    scopeId: scopeSchema.optional(),
    claimableOnly: labelled(z.boolean(), '只看可申报项目').optional(),
  }),
  async run({ scopeId, claimableOnly }, { caller }) {
    let orgPath: string[];
    let managerView = false;
    if (scopeId) {
      const [access, org] = await Promise.all([
        loadAccess(caller),
        scopeId === DEFAULT_SCOPE ? Promise.resolve(null) : findOrg(scopeId),
      ]);
      requireAnyManager(access);
      if (scopeId !== DEFAULT_SCOPE && !org) throw notFound('该组织不存在');
      if (org) requireOnGrantPath(access, org);
      orgPath = org ? [...org.ancestors, org._id] : [];
      managerView = true;
    } else {
      const member = await findMember(memberIdOf(caller.openid));
      orgPath = member?.orgPath ?? [];
    }
    const today = periodsOf(new Date()).date;
    const items = effectiveRules(await findRulesAt(scopesFor(orgPath)), orgPath).filter(
      (r) => (managerView || whyNotApplicable(r, today) === null) && (!claimableOnly || r.claimable),
    );
    return { items: items.map(toRuleView) };
  },
};

/** A node's 清单 is read by managers whose work it touches; another district's is not theirs to read. */
function requireOnGrantPath(access: Access, org: { _id: string; ancestors: string[] }): void {
  if (!isOnGrantPath(access, { id: org._id, ancestors: org.ancestors })) {
    throw permissionDenied('该组织不在您的管理范围内');
  }
}

/** How an editor is named in the history: by the role that let them edit, never by openid. */
function editorTitle(access: Access, scopeId: string, orgPath: string[]): string {
  if (scopeId === DEFAULT_SCOPE || access.isSuperAdmin) return '系统管理员';
  const grant = access.grants.find((g) => g.role === 'admin' && orgPath.includes(g.scopeId));
  return grant ? `管理员（${grant.scopeName}）` : '管理员';
}

const capSchema = (label: string) => labelled(z.number().int().min(1).max(100000).nullable(), label);

/** Whether two versions of an item say the same thing (a retried save changes nothing). */
function sameTerms(
  a: RuleDoc,
  b: Omit<RuleDoc, '_id' | 'version' | 'updatedBy' | 'updatedAt' | 'sort' | 'demo'>,
): boolean {
  const pick = (r: typeof b) =>
    JSON.stringify([
      r.name,
      r.category,
      r.points,
      r.unit,
      r.caps.day,
      r.caps.month,
      r.caps.year,
      r.evidenceRequired,
      r.approval,
      r.claimable,
      r.validFrom,
      r.validTo,
      r.enabled,
      r.description,
    ]);
  return pick(a) === pick(b);
}

/**
 * Administrators add or change an item for their node (its subtree then uses it instead of the
 * default); super administrators edit the default list ('*'). Every change is a new version,
 * kept in `points_rule_versions`, and audit-logged in the same transaction. Entries already
 * written keep the version they were awarded under.
 */
export const saveRule: Handler<'points', 'saveRule'> = {
  input: z.object({
    scopeId: scopeSchema,
    code: ruleCodeSchema,
    name: noteSchema('项目名称', 2, 40),
    category: labelled(z.enum(CATEGORIES), '类别'),
    points: labelled(z.number().int().min(-100).max(100), '分值'),
    unit: labelled(z.enum(['time', 'hour']), '计分单位'),
    caps: z.object({ day: capSchema('每日上限'), month: capSchema('每月上限'), year: capSchema('每年上限') }),
    evidenceRequired: labelled(z.boolean(), '是否需要证明材料'),
    approval: labelled(z.enum(['automatic', 'secretary', 'admin']), '审核方式'),
    claimable: labelled(z.boolean(), '党员可否申报'),
    validFrom: daySchema('开始日期').nullable(),
    validTo: daySchema('截止日期').nullable(),
    enabled: labelled(z.boolean(), '是否启用'),
    description: labelled(z.string().trim().max(200), '说明'),
    reason: noteSchema('修改原因'),
  }),
  async run(input, { caller }) {
    const { scopeId, code, reason, ...terms } = input;
    const problems = ruleProblems({ code, ...terms });
    if (problems.length > 0) throw invalidArgument(problems.join('；'));
    const [access, org, inherited] = await Promise.all([
      loadAccess(caller),
      scopeId === DEFAULT_SCOPE ? Promise.resolve(null) : findOrg(scopeId),
      db.collection(COLLECTIONS.pointsRules).where({ code }).limit(1000).get(),
    ]);
    if (scopeId === DEFAULT_SCOPE) {
      if (!access.isSuperAdmin) throw permissionDenied('只有系统管理员可以修改默认清单');
    } else {
      if (!org) throw notFound('该组织不存在');
      if (!canAdminister(access, { id: org._id, ancestors: org.ancestors })) {
        throw permissionDenied('该组织不在您的管理范围内');
      }
    }
    const orgPath = org ? [...org.ancestors, org._id] : [];
    const above = resolveRule(
      (inherited.data as RuleDoc[]).filter((r) => r.scopeId !== scopeId),
      orgPath,
    );
    const ruleId = ruleIdOf(scopeId, code);
    const now = new Date();
    const saved = await inTransaction(async (tx: Transaction) => {
      const res = (await tx.collection(COLLECTIONS.pointsRules).doc(ruleId).get()) as { data: RuleDoc | null };
      const current = res.data ? { ...res.data, _id: ruleId } : null;
      const next: RuleDoc = {
        _id: ruleId,
        scopeId,
        scopeName: org?.name ?? '默认清单',
        code,
        ...terms,
        sort: current?.sort ?? above?.sort ?? 1000,
        version: (current?.version ?? 0) + 1,
        updatedBy: caller.openid,
        updatedAt: now,
      };
      if (current && sameTerms(current, next)) return current;
      const { _id, ...body } = next;
      await tx.collection(COLLECTIONS.pointsRules).doc(_id).set(body);
      const version: RuleVersionDoc = {
        _id: ruleVersionIdOf(ruleId, next.version),
        ruleId,
        version: next.version,
        rule: next,
        changedBy: caller.openid,
        changedByTitle: editorTitle(access, scopeId, orgPath),
        changedAt: now,
        reason,
      };
      throwIfFailed(await tx.collection(COLLECTIONS.pointsRuleVersions).add(version));
      await writeAudit(
        {
          actor: caller.openid,
          action: current ? 'points.rule.update' : 'points.rule.create',
          target: { collection: COLLECTIONS.pointsRules, id: ruleId },
          before: current,
          after: next,
          reason,
        },
        tx,
      );
      return next;
    });
    forgetCachedRules(code);
    return toRuleView(saved);
  },
};

/** The versions of an item at a scope, newest first, with who changed it and why. */
export const ruleHistory: Handler<'points', 'ruleHistory'> = {
  input: z.object({ scopeId: scopeSchema, code: ruleCodeSchema }),
  async run({ scopeId, code }, { caller }) {
    const [access, org] = await Promise.all([
      loadAccess(caller),
      scopeId === DEFAULT_SCOPE ? Promise.resolve(null) : findOrg(scopeId),
    ]);
    requireAnyManager(access);
    if (scopeId !== DEFAULT_SCOPE && !org) throw notFound('该组织不存在');
    if (org) requireOnGrantPath(access, org);
    const res = await db
      .collection(COLLECTIONS.pointsRuleVersions)
      .where({ ruleId: ruleIdOf(scopeId, code) })
      .orderBy('version', 'desc')
      .limit(100)
      .get();
    const versions = res.data as RuleVersionDoc[];
    if (versions.length === 0) throw notFound('没有找到该项目的修改记录');
    return {
      items: versions.map((v) => ({
        version: v.version,
        changedBy: v.changedByTitle,
        changedAt: v.changedAt.toISOString(),
        reason: v.reason,
        rule: toRuleView(v.rule),
      })),
    };
  },
};
