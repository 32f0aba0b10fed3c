/** Stored points documents as the contract shows them: ISO dates, titles instead of openids. */
import type { ClaimView, LedgerEntryView, PointsRuleView } from '../../typings/areas/points';
import type { ClaimDoc, EntryDoc, RuleDoc } from './docs';

const iso = (d: Date) => d.toISOString();

export function toRuleView(r: RuleDoc): PointsRuleView {
  return {
    ruleId: r._id,
    code: r.code,
    name: r.name,
    category: r.category,
    points: r.points,
    unit: r.unit,
    caps: { day: r.caps.day, month: r.caps.month, year: r.caps.year },
    evidenceRequired: r.evidenceRequired,
    approval: r.approval,
    claimable: r.claimable,
    validFrom: r.validFrom,
    validTo: r.validTo,
    enabled: r.enabled,
    version: r.version,
    scopeId: r.scopeId,
    scopeName: r.scopeName,
    description: r.description,
  };
}

export function toEntryView(e: EntryDoc, reversed: boolean): LedgerEntryView {
  return {
    entryId: e._id,
    ruleCode: e.ruleCode,
    ruleName: e.ruleName,
    ruleVersion: e.ruleVersion,
    category: e.category,
    points: e.points,
    quantity: e.quantity,
    unit: e.unit,
    source: { type: e.source.type, id: e.source.id },
    reason: e.reason,
    approvedBy: e.approvedByName ?? (e.approvedBy === 'system' ? '系统自动' : '支部书记'),
    occurredAt: iso(e.occurredAt),
    recordedAt: iso(e.recordedAt),
    year: e.year,
    reversalOf: e.reversalOf,
    reversed,
  };
}

export function toClaimView(c: ClaimDoc): ClaimView {
  return {
    claimId: c._id,
    memberId: c.memberId,
    memberName: c.memberName,
    branchName: c.branchName,
    ruleCode: c.ruleCode,
    ruleName: c.ruleName,
    category: c.category,
    unit: c.unit,
    occurredOn: c.occurredOn,
    quantity: c.quantity,
    description: c.description,
    photos: c.photos,
    state: c.state,
    submittedAt: iso(c.submittedAt),
    decidedAt: c.decidedAt ? iso(c.decidedAt) : null,
    decidedBy: c.decidedByName,
    decisionNote: c.decisionNote,
    points: c.points,
    entryId: c.entryId,
  };
}
