import type { ClaimState, PointsCategory, PointsSourceType, PointsUnit } from '../../typings/areas/points';
import type { AccountState } from '../domain/points/account';
import type { RuleTerms } from '../domain/points/rules';

/** An item of the 清单 at a scope. `_id` is `ruleIdOf(scopeId, code)`. */
export interface RuleDoc extends RuleTerms {
  _id: string;
  /** '*' for the default list, else the organisation node whose subtree it applies to. */
  scopeId: string;
  scopeName: string;
  description: string;
  sort: number;
  version: number;
  updatedBy: string;
  updatedAt: Date;
  demo?: boolean;
}

/** A saved version of an item, kept for the audit trail. `_id` is `ruleVersionIdOf(ruleId, version)`. */
export interface RuleVersionDoc {
  _id: string;
  ruleId: string;
  version: number;
  rule: RuleDoc;
  /** The editor's openid, for the audit trail. */
  changedBy: string;
  /** How the editor is shown: their role, e.g. 管理员（思明区）. */
  changedByTitle: string;
  changedAt: Date;
  reason: string;
}

/**
 * A ledger entry: append-only. `_id` is `entryIdOf(member, code, source)`, or `reversalIdOf(entry)`
 * for a reversal, which carries its original's item, periods and negated points.
 */
export interface EntryDoc {
  _id: string;
  memberId: string;
  ruleId: string;
  ruleCode: string;
  ruleVersion: number;
  ruleName: string;
  category: PointsCategory;
  unit: PointsUnit;
  points: number;
  quantity: number;
  source: { type: PointsSourceType; id: string };
  /** An openid, or 'system'. */
  approvedBy: string;
  /** Display name of the approver when known. */
  approvedByName: string | null;
  /** Chinese: what the entry is for, shown in the member's ledger. */
  reason: string;
  capped: boolean;
  /** Chinese: which cap reduced the entry, when one did. */
  capReason: string | null;
  occurredAt: Date;
  recordedAt: Date;
  year: number;
  /** 'MM' and 'MM-DD' in Asia/Shanghai, for caps and reconcile. */
  month: string;
  day: string;
  reversalOf: string | null;
  /** The member's branch path when recorded. */
  orgPath: string[];
}

/** A member's points account (`_id` is the member id): totals and cap usage, the serialisation point. */
export interface AccountDoc extends AccountState {
  _id: string;
  memberId: string;
  updatedAt: Date;
}

/** A member's total for one year, for rankings. `_id` is `totalsIdOf(memberId, year)`. */
export interface TotalsDoc {
  _id: string;
  memberId: string;
  year: number;
  name: string;
  branchId: string | null;
  branchName: string | null;
  /** The member's branch and its ancestors, refreshed on every award: "ranking under X" is `orgPath` contains X. */
  orgPath: string[];
  points: number;
  byCategory: Partial<Record<PointsCategory, number>>;
  updatedAt: Date;
}

/** A member's claim. `_id` is `claimIdOf(member, code, day, description)`. */
export interface ClaimDoc {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string;
  branchName: string | null;
  orgPath: string[];
  ruleCode: string;
  ruleName: string;
  category: PointsCategory;
  unit: PointsUnit;
  occurredOn: string;
  quantity: number;
  description: string;
  photos: string[];
  state: ClaimState;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  points: number | null;
  entryId: string | null;
}
