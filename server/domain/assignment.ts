import type { AssignmentWish, BranchSuggestion, Industry } from '../../typings/areas/member';

/** A suggestion as the rules make it; whether the caller may act on it is added by the handler. */
export type RankedSuggestion = Omit<BranchSuggestion, 'canAssign'>;
import { INDUSTRY_COMMITTEE_OF, INDUSTRY_LABELS } from './member-labels';

/** A node as the ranking needs it. */
export interface CandidateNode {
  id: string;
  type: string;
  name: string;
  parentId: string | null;
  extra?: { industry?: string; homeProvince?: string; homeCounty?: string };
}

/** What the ranking knows of the member. */
export interface MemberSituation {
  wish: AssignmentWish;
  residence: { districtId: string; streetId: string; communityId: string | null };
  industry: Industry;
  home: { province: string; county: string };
}

const BRANCH_TYPES = new Set(['branch', 'mobile_branch']);
const KIND_ORDER: AssignmentWish[] = ['near_residence', 'by_industry', 'home_county'];

/** Committees and home-county organisations that fit the member, from a list of such nodes. */
export function matchingParents(member: MemberSituation, specialNodes: readonly CandidateNode[]) {
  const industry = INDUSTRY_COMMITTEE_OF[member.industry];
  const committees = industry
    ? specialNodes.filter((n) => n.type === 'industry_committee' && n.extra?.industry === industry.committee)
    : [];
  const county = member.home.county.trim();
  const homeOrgs = specialNodes.filter(
    (n) =>
      n.type === 'home_county_org' &&
      !!county &&
      n.extra?.homeCounty === county &&
      (!n.extra?.homeProvince || !member.home.province || n.extra.homeProvince === member.home.province),
  );
  return { committees, homeOrgs };
}

/**
 * Rank candidate branches for a pending member: the kind they wished for first, then the others;
 * within residence the closest level first (community, street, district); within industry the
 * branch of their own trade first. Each suggestion says why, in Chinese.
 */
export function rankSuggestions(
  member: MemberSituation,
  branches: readonly CandidateNode[],
  parents: { committees: readonly CandidateNode[]; homeOrgs: readonly CandidateNode[] },
): RankedSuggestion[] {
  const scored: { s: RankedSuggestion; kindRank: number; within: number; name: string }[] = [];
  const residenceLevels: [string | null, string][] = [
    [member.residence.communityId, '所在社区'],
    [member.residence.streetId, '所在街道'],
    [member.residence.districtId, '所在区'],
  ];
  const industry = INDUSTRY_COMMITTEE_OF[member.industry];
  for (const b of branches) {
    if (!BRANCH_TYPES.has(b.type)) continue;
    const add = (kind: AssignmentWish, within: number, reason: string) => {
      const kindRank = KIND_ORDER.indexOf(kind) + (kind === member.wish ? -10 : 0);
      scored.push({
        s: { branchId: b.id, branchName: b.name, kind, reason, matchesWish: kind === member.wish },
        kindRank,
        within,
        name: b.name,
      });
    };
    const level = residenceLevels.findIndex(([id]) => id !== null && b.parentId === id);
    if (level >= 0 && b.type === 'mobile_branch') {
      add('near_residence', level, `该党员居住地${residenceLevels[level]![1]}的流动党员党支部，可就近参加组织生活`);
    }
    const committee = parents.committees.find((c) => c.id === b.parentId);
    if (committee && industry) {
      const ownTrade = industry.branch !== null && b.extra?.industry === industry.branch;
      add(
        'by_industry',
        ownTrade ? 0 : 1,
        ownTrade
          ? `${committee.name}下的${INDUSTRY_LABELS[member.industry]}从业党员支部，该党员与此支部同行业`
          : `${committee.name}下属支部，与该党员的行业相关`,
      );
    }
    const homeOrg = parents.homeOrgs.find((h) => h.id === b.parentId);
    if (homeOrg) add('home_county', 0, `${homeOrg.name}的支部，与该党员家乡党组织签有双向共管协议`);
  }
  scored.sort((a, b) => a.kindRank - b.kindRank || a.within - b.within || a.name.localeCompare(b.name, 'zh'));
  const seen = new Set<string>();
  return scored.filter(({ s }) => !seen.has(s.branchId) && seen.add(s.branchId)).map(({ s }) => s);
}

/**
 * The organisation nodes whose secretaries and administrators see a pending member: every level
 * of their residence, and the industry committee and home-county organisation that fit them,
 * with all their ancestors.
 */
export function candidateScopesOf(places: readonly { id: string; ancestors: readonly string[] }[]): string[] {
  const out = new Set<string>();
  for (const p of places) {
    out.add(p.id);
    for (const a of p.ancestors) out.add(a);
  }
  return [...out].sort();
}
