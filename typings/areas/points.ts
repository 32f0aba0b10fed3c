/**
 * Actions of the `points` function: the 积分管理清单 (rules as data, versioned), the append-only
 * ledger with year and lifetime totals, members' claims and their approval, rankings, and the
 * reconcile check that recomputes totals from the ledger.
 */
import type { Page, PageCursor } from '../paging';

/** What an item rewards (or, for `deduction`, penalises). */
export type PointsCategory =
  | 'registration'
  | 'organisational_life'
  | 'study'
  | 'volunteer'
  | 'welfare'
  | 'suggestion'
  | 'dues'
  | 'commendation'
  | 'deduction';

/** Who decides that an item was earned: the system from a recorded event, a secretary, an administrator. */
export type PointsApproval = 'automatic' | 'secretary' | 'admin';

/** What one unit of an item is: one time (次) or one hour of service (小时). */
export type PointsUnit = 'time' | 'hour';

/** The event an entry came from. */
export type PointsSourceType = 'registration' | 'attendance' | 'payment' | 'claim' | 'manual' | 'volunteer';

export type ClaimState = 'pending' | 'approved' | 'rejected';

/** Caps per period in points (absolute value for deductions); null = no cap. Periods are in Asia/Shanghai. */
export interface PointsCaps {
  day: number | null;
  month: number | null;
  year: number | null;
}

/** One item of the 清单 as it applies at a place in the tree. */
export interface PointsRuleView {
  ruleId: string;
  code: string;
  name: string;
  category: PointsCategory;
  /** Points per unit; negative for deductions. */
  points: number;
  unit: PointsUnit;
  caps: PointsCaps;
  evidenceRequired: boolean;
  approval: PointsApproval;
  /** Members may claim it themselves (with a description and photos). */
  claimable: boolean;
  /** YYYY-MM-DD, inclusive; null = open. */
  validFrom: string | null;
  validTo: string | null;
  enabled: boolean;
  /** Bumped on every change; each ledger entry keeps the version it was awarded under. */
  version: number;
  /** Where the item is defined: '*' for the default list, else an organisation node. */
  scopeId: string;
  scopeName: string;
  description: string;
}

/** The editable fields of an item; `reason` explains the change in the audit log. */
export interface PointsRuleInput {
  scopeId: string;
  code: string;
  name: string;
  category: PointsCategory;
  points: number;
  unit: PointsUnit;
  caps: PointsCaps;
  evidenceRequired: boolean;
  approval: PointsApproval;
  claimable: boolean;
  validFrom: string | null;
  validTo: string | null;
  enabled: boolean;
  description: string;
  reason: string;
}

export interface PointsRuleVersionView {
  version: number;
  changedBy: string;
  changedAt: string;
  reason: string;
  rule: PointsRuleView;
}

/** One ledger entry as shown: what, how many points, why, from which event, approved by whom. */
export interface LedgerEntryView {
  entryId: string;
  ruleCode: string;
  ruleName: string;
  ruleVersion: number;
  category: PointsCategory;
  points: number;
  quantity: number;
  unit: PointsUnit;
  source: { type: PointsSourceType; id: string };
  /** Chinese: why the entry exists (the item, a note, a cap that reduced it, a reversal's reason). */
  reason: string;
  /** 'system' for automatic awards, else the approver's display name when known. */
  approvedBy: string;
  occurredAt: string;
  recordedAt: string;
  year: number;
  /** Set on a reversal: the entry it cancels. */
  reversalOf: string | null;
  /** True when a later reversal cancels this entry. */
  reversed: boolean;
}

export interface CategoryPoints {
  category: PointsCategory;
  points: number;
}

/** The member's own page: totals and this year by category. */
export interface PointsSummary {
  memberId: string;
  year: number;
  yearTotal: number;
  lifetimeTotal: number;
  byCategory: CategoryPoints[];
  pendingClaims: number;
}

export interface ClaimView {
  claimId: string;
  memberId: string;
  memberName: string;
  branchName: string | null;
  ruleCode: string;
  ruleName: string;
  category: PointsCategory;
  unit: PointsUnit;
  /** YYYY-MM-DD */
  occurredOn: string;
  quantity: number;
  description: string;
  /** Cloud storage file IDs of the evidence photos. */
  photos: string[];
  state: ClaimState;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Why it was rejected, or the approver's note. */
  decisionNote: string | null;
  /** Points the approval wrote (after caps); null before approval. */
  points: number | null;
  entryId: string | null;
}

/** A claim with temporary links to its photos, for the reviewer or the member. */
export interface ClaimDetail extends ClaimView {
  photoUrls: string[];
}

export interface RankingRow {
  /** Competition ranking: equal points share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  memberId: string;
  name: string;
  branchName: string | null;
  points: number;
}

export interface RankingView {
  scopeId: string;
  scopeName: string;
  year: number;
  top: number;
  /** The top `top` members, plus everyone tied with the last of them. */
  items: RankingRow[];
}

export interface AwardOutcome {
  entryId: string;
  points: number;
  created: boolean;
  capped: boolean;
  reason: string | null;
}

export interface DriftLine {
  /** Which stored figure: a year's ranking total, the account's copy of that year, or the lifetime total. */
  figure: 'year_total' | 'account_year' | 'lifetime';
  /** The year, or null for the lifetime total. */
  year: number | null;
  stored: number;
  computed: number;
  drift: number;
}

export interface ReconcileReport {
  memberId: string;
  /** Every year with entries or a stored total (twice: ranking total and account), then the lifetime total. */
  lines: DriftLine[];
  /** True when any line drifted. */
  drifted: boolean;
  repaired: boolean;
}

export interface PointsApi {
  /** The caller's totals (year, lifetime) and this year by category. */
  summary: { input: { year?: number }; output: PointsSummary };
  /** A ledger, newest first: the caller's own, or (for a secretary/administrator in scope) a member's. */
  ledger: {
    input: { memberId?: string; year?: number; cursor?: PageCursor; limit?: number };
    output: Page<LedgerEntryView>;
  };
  /** The 清单 as it applies to the caller (their branch), or at a node an administrator chooses. */
  rules: { input: { scopeId?: string; claimableOnly?: boolean }; output: { items: PointsRuleView[] } };
  /** Administrators: add or change an item for their scope ('*' for super administrators); versioned, audited. */
  saveRule: { input: PointsRuleInput; output: PointsRuleView };
  ruleHistory: { input: { scopeId: string; code: string }; output: { items: PointsRuleVersionView[] } };
  /** A member claims points for a volunteer or public-welfare act, with photos. */
  submitClaim: {
    input: { ruleCode: string; occurredOn: string; quantity?: number; description: string; photos: string[] };
    output: ClaimView;
  };
  myClaims: { input: { state?: ClaimState; cursor?: PageCursor; limit?: number }; output: Page<ClaimView> };
  /** Pending claims of the branches the caller runs (or of `scopeId` within them), oldest first, with photo links. */
  pendingClaims: { input: { scopeId?: string; cursor?: PageCursor; limit?: number }; output: Page<ClaimDetail> };
  /** One claim with links to its photos: its member, or a reviewer in scope. */
  claim: { input: { claimId: string }; output: ClaimDetail };
  /** Approve once: writes the ledger entry in the same transaction. */
  approveClaim: { input: { claimId: string; note?: string }; output: ClaimView };
  rejectClaim: { input: { claimId: string; reason: string }; output: ClaimView };
  /** A secretary or administrator records an item by hand (commendation, suggestion adopted, deduction…). */
  award: {
    input: { memberId: string; ruleCode: string; occurredOn: string; quantity?: number; note: string };
    output: AwardOutcome;
  };
  /** Cancel an entry with a reversal entry pointing at it; the original is never edited. */
  reverse: { input: { entryId: string; reason: string }; output: LedgerEntryView };
  /** Top members of a branch, street or district by the year's points, ties included. */
  ranking: { input: { scopeId: string; year?: number; top?: number }; output: RankingView };
  /** Administrators: recompute a member's totals from the ledger by aggregation, report drift, optionally repair. */
  reconcile: { input: { memberId: string; repair?: boolean }; output: ReconcileReport };
}
