/** The monthly amount from a profile (confirmed bases, yearly fixing, relief) and how to explain it. */
import type {
  DeclarationView,
  DuesCategory,
  DuesProfileView,
  DuesQuoteView,
  ReliefView,
} from '../../typings/areas/dues';
import {
  DUES_CATEGORY_LABELS,
  FARMER_AMOUNT_RANGE_FEN,
  applyRelief,
  compareMonths,
  formatFen,
  monthlyAmountFor,
  quoteMonthlyDues,
  yearOfMonth,
  type DuesAmountRecord,
  type DuesRelief,
} from '../domain/dues';
import { invalidArgument } from '../platform/errors';
import type { DuesMonthDoc, DuesProfileDoc, StoredDeclaration, StoredRelief } from './docs';

/** The amount a month owes, before and after relief. */
export interface MonthAmount {
  standardFen: number;
  amountFen: number;
  state: 'due' | 'reduced' | 'waived';
  relief: DuesMonthDoc['relief'];
  reliefNote: string;
}

const isApproved = (d: StoredDeclaration) => d.status === 'confirmed' || d.status === 'corrected';

/** The confirmed amounts in decision order, as the yearly-fixing rule reads them. */
export function amountHistory(profile: Pick<DuesProfileDoc, 'declarations'>): DuesAmountRecord[] {
  return profile.declarations.filter(isApproved).map((d) => ({
    effectiveMonth: d.review!.effectiveMonth,
    amountFen: d.review!.amountFen,
    confirmed: true,
    fixedForYear: d.review!.fixedForYear,
  }));
}

export function toDomainRelief(r: StoredRelief): DuesRelief {
  return {
    kind: r.kind,
    fromMonth: r.fromMonth,
    ...(r.toMonth ? { toMonth: r.toMonth } : {}),
    ...(r.reducedAmountFen !== null ? { reducedAmountFen: r.reducedAmountFen } : {}),
    reason: r.reason,
    decidedBy: r.decidedBy,
    approvedBy: r.approvedBy,
  };
}

/** What `month` owes under the profile, or null when no confirmed base is in force yet. */
export function amountForMonth(
  profile: Pick<DuesProfileDoc, 'declarations' | 'reliefs'> | null,
  month: string,
): MonthAmount | null {
  if (!profile) return null;
  const standard = monthlyAmountFor(month, amountHistory(profile));
  if (standard === null) return null;
  const relieved = applyRelief(month, standard, profile.reliefs.map(toDomainRelief));
  const r = relieved.relief;
  const state =
    relieved.amountFen === 0 && standard > 0 ? 'waived' : r ? (r.kind === 'waive' ? 'waived' : 'reduced') : 'due';
  return {
    standardFen: standard,
    amountFen: relieved.amountFen,
    state,
    relief: r ? { kind: r.kind, reason: r.reason, approvedBy: r.approvedBy } : null,
    reliefNote: relieved.explanation,
  };
}

/** A quote as the member and the secretary read it; a bad base is INVALID_ARGUMENT with the reason. */
export function quoteView(category: DuesCategory, baseFen?: number, farmerAmountFen?: number): DuesQuoteView {
  const categoryLabel = DUES_CATEGORY_LABELS[category];
  if (category === 'farmer' && farmerAmountFen === undefined) {
    const { min, max } = FARMER_AMOUNT_RANGE_FEN;
    return {
      category,
      categoryLabel,
      amountFen: null,
      rateBasisPoints: null,
      bracketLabel: null,
      explanation: `农民党员每月交纳党费 ${formatFen(min)} 元至 ${formatFen(max)} 元，具体金额由党支部确定。`,
    };
  }
  const quote = quoteMonthlyDues({
    category,
    ...(baseFen !== undefined ? { baseFen } : {}),
    ...(farmerAmountFen !== undefined ? { farmerAmountFen } : {}),
  });
  if (!quote.ok) throw invalidArgument(quote.reason, quote.field);
  return {
    category,
    categoryLabel,
    amountFen: quote.amountFen,
    rateBasisPoints: quote.rateBasisPoints ?? null,
    bracketLabel: quote.bracket?.label ?? null,
    explanation: quote.explanation,
  };
}

/** Categories whose amount comes from a declared base (the rest are fixed or branch-set). */
export function needsBase(category: DuesCategory): boolean {
  return !['farmer', 'student', 'unemployed', 'relief'].includes(category);
}

const iso = (d: Date | string) => new Date(d).toISOString();
const sentence = (text: string) => (text.endsWith('。') ? text : `${text}。`);

export function declarationView(d: StoredDeclaration): DeclarationView {
  return {
    id: d.id,
    category: d.category,
    categoryLabel: DUES_CATEGORY_LABELS[d.category],
    baseFen: d.baseFen,
    note: d.note,
    effectiveMonth: d.effectiveMonth,
    declaredAt: iso(d.declaredAt),
    status: d.status,
    review: d.review
      ? {
          by: d.review.byName ?? d.review.by,
          at: iso(d.review.at),
          category: d.review.category,
          baseFen: d.review.baseFen,
          farmerAmountFen: d.review.farmerAmountFen,
          effectiveMonth: d.review.effectiveMonth,
          amountFen: d.review.amountFen,
          fixedForYear: d.review.fixedForYear,
          reason: d.review.reason,
        }
      : null,
  };
}

function reliefView(r: DuesRelief): ReliefView {
  return {
    kind: r.kind,
    fromMonth: r.fromMonth,
    toMonth: r.toMonth ?? null,
    reducedAmountFen: r.reducedAmountFen ?? null,
    reason: r.reason,
    decidedBy: r.decidedBy,
    approvedBy: r.approvedBy,
  };
}

/** The approved declaration whose amount `month` pays, and the latest approved one in effect by then. */
function declarationsFor(profile: DuesProfileDoc, month: string, standardFen: number) {
  const approved = profile.declarations.filter(
    (d) => isApproved(d) && compareMonths(d.review!.effectiveMonth, month) <= 0,
  );
  const latest = approved.reduce<StoredDeclaration | null>(
    (best, d) => (!best || compareMonths(d.review!.effectiveMonth, best.review!.effectiveMonth) >= 0 ? d : best),
    null,
  );
  const applied =
    [...approved]
      .reverse()
      .sort((a, b) => compareMonths(b.review!.effectiveMonth, a.review!.effectiveMonth))
      .find((d) => d.review!.amountFen === standardFen) ?? latest;
  return { applied, latest };
}

/** The profile as the member and the secretary see it for `month`. */
export function profileView(profile: DuesProfileDoc | null, month: string): DuesProfileView | null {
  if (!profile) return null;
  const pendingDoc = profile.declarations.find((d) => d.status === 'pending') ?? null;
  const history = [...profile.declarations].reverse().map(declarationView);
  const amount = amountForMonth(profile, month);
  if (!amount) {
    return {
      amountFen: null,
      explanation: pendingDoc
        ? '您申报的交纳基数正在等待党支部确认，确认后即按月计算党费。'
        : '请先申报党费交纳基数，经党支部确认后按月计算党费。',
      inForce: null,
      pending: pendingDoc ? declarationView(pendingDoc) : null,
      history,
      relief: null,
    };
  }
  const { applied, latest } = declarationsFor(profile, month, amount.standardFen);
  const parts: string[] = [];
  if (applied?.review) {
    const r = applied.review;
    const quote = quoteMonthlyDues({
      category: r.category,
      ...(r.baseFen !== null ? { baseFen: r.baseFen } : {}),
      ...(r.farmerAmountFen !== null ? { farmerAmountFen: r.farmerAmountFen } : {}),
    });
    parts.push(quote.ok ? sentence(quote.explanation) : `每月 ${formatFen(r.amountFen)} 元。`);
    if (latest && latest !== applied && latest.review!.amountFen !== amount.standardFen) {
      parts.push(
        `党费金额按年度固定：${yearOfMonth(month)} 年内每月按 ${formatFen(amount.standardFen)} 元交纳，` +
          `新核定的 ${formatFen(latest.review!.amountFen)} 元自下一年 1 月起执行。`,
      );
    }
  }
  if (amount.reliefNote) parts.push(amount.reliefNote);
  const relieved = applyRelief(month, amount.standardFen, profile.reliefs.map(toDomainRelief)).relief;
  return {
    amountFen: amount.amountFen,
    explanation: parts.join(''),
    inForce: applied ? declarationView(applied) : null,
    pending: pendingDoc ? declarationView(pendingDoc) : null,
    history,
    relief: relieved ? reliefView(relieved) : null,
  };
}
