/** A member's detail turned into what the page shows: Chinese words, no codes, masked identifiers. */
import type { BranchSuggestion, MemberDetail, MemberState } from '../../../typings';
import { GENDER_LABELS, INDUSTRY_LABELS, PARTY_STATUS_LABELS, WISH_LABELS } from '../../constants/member';
import {
  MANAGER_STATE_LABELS,
  STATE_CHANGE_OPTIONS,
  SUGGESTION_KIND_LABELS,
  type StateChangeOption,
} from '../../constants/secretary';
import { formatDay, formatMonth, formatTime, maskMobile } from '../common/format';

export interface Field {
  label: string;
  value: string;
}

export interface FieldGroup {
  title: string;
  fields: Field[];
}

export interface HistoryLine {
  when: string;
  change: string;
  reason: string;
}

export interface SuggestionView {
  branchId: string;
  branchName: string;
  kindLabel: string;
  reason: string;
  matchesWish: boolean;
  /** The caller runs it (划转到此支部) or may only refer the registration to it (转给该支部). */
  canAssign: boolean;
  /** The one choice the page recommends; it comes first and alone has the primary button. */
  recommended: boolean;
}

const UNASSIGNED: readonly MemberState[] = ['pending', 'sent_back'];

/** Only the fields that have something to say. */
function present(fields: Field[]): Field[] {
  return fields.filter((f) => f.value.trim() !== '');
}

export function isUnassigned(state: MemberState): boolean {
  return UNASSIGNED.includes(state);
}

/**
 * What a secretary weighs to choose a branch, in one line beside the choice: where the person
 * lives and what they do ('思明区 中华街道 · 快递'); the wish is marked on the branches that
 * match it, and the rest of the record follows below.
 */
export function keyFacts(m: MemberDetail): string {
  return [m.residence, INDUSTRY_LABELS[m.industry] ?? ''].filter(Boolean).join(' · ');
}

/** Everything but the identity card, grouped as the registration form asked it. */
export function fieldGroups(m: MemberDetail): FieldGroup[] {
  const home = m.home;
  return [
    {
      title: '党员信息',
      fields: present([
        { label: '入党日期', value: formatDay(m.joinedPartyOn) },
        { label: '党员类别', value: PARTY_STATUS_LABELS[m.partyStatus] ?? '' },
        { label: '原所在党组织', value: home.orgName },
        { label: '老家', value: [home.province, home.county].filter(Boolean).join(' ') },
        { label: '老家联系人', value: [home.contactName, maskMobile(home.contactPhone)].filter(Boolean).join(' ') },
        { label: '外出时间', value: formatMonth(m.leftHomeOn) },
        { label: '外出原因', value: m.leftHomeReason },
        { label: '纸质活动证', value: m.holdsPaperCertificate ? '有' : '没有' },
      ]),
    },
    {
      title: '居住和工作',
      fields: present([
        { label: '居住地', value: m.residence },
        { label: '详细地址', value: m.residenceDetail.address },
        { label: '从事行业', value: INDUSTRY_LABELS[m.industry] ?? '' },
        { label: '工作单位', value: m.employer ?? '' },
        { label: '岗位', value: m.job ?? '' },
        { label: '本人意愿', value: WISH_LABELS[m.wish] ?? '' },
      ]),
    },
    {
      title: '组织情况',
      fields: present([
        { label: '所在支部', value: m.branchName ?? '还没有编入支部' },
        { label: '结对联系人', value: m.pairedWith ? `${m.pairedWith.name} ${m.pairedWith.phone}` : '' },
        { label: '摸排记录', value: m.importedFrom ? '社区摸排时已登记过此人' : '' },
        { label: '报到时间', value: formatTime(m.submittedAt) },
      ]),
    },
  ];
}

/** The identity fields, masked as the server sent them. */
export function identityFields(m: MemberDetail): Field[] {
  return present([
    { label: '姓名', value: m.name },
    { label: '性别', value: GENDER_LABELS[m.gender] ?? '' },
    { label: '民族', value: m.ethnicity },
    { label: '出生日期', value: formatDay(m.birthDate) },
    { label: '身份证号', value: m.idCardMasked },
    { label: '手机号', value: m.phoneMasked },
  ]);
}

/** Newest first: when, what changed, why. */
export function historyLines(m: MemberDetail): HistoryLine[] {
  return [...m.history].reverse().map((h) => ({
    when: formatTime(h.at),
    change: h.from
      ? `${MANAGER_STATE_LABELS[h.from] ?? h.from} → ${MANAGER_STATE_LABELS[h.to] ?? h.to}`
      : (MANAGER_STATE_LABELS[h.to] ?? h.to),
    reason: h.reason,
  }));
}

/** Why the registration was sent back, from the latest such change. */
export function sentBackReason(m: MemberDetail): string {
  if (m.state !== 'sent_back') return '';
  const last = [...m.history].reverse().find((h) => h.to === 'sent_back');
  return last?.reason ?? '';
}

/** The changes a secretary may make from the member's current state. */
export function stateOptions(state: MemberState): StateChangeOption[] {
  if (isUnassigned(state)) return [];
  return STATE_CHANGE_OPTIONS.filter((o) => o.to !== state);
}

export function toSuggestionView(s: BranchSuggestion): SuggestionView {
  return {
    branchId: s.branchId,
    branchName: s.branchName,
    kindLabel: SUGGESTION_KIND_LABELS[s.kind] ?? '',
    reason: s.reason,
    matchesWish: s.matchesWish,
    canAssign: s.canAssign,
    recommended: false,
  };
}

/**
 * Marks one suggestion as recommended and puts it first: a branch the secretary may assign to
 * that matches the member's wish, else any they may assign to, else the first to refer to.
 */
export function withRecommendation(suggestions: readonly SuggestionView[]): SuggestionView[] {
  if (suggestions.length === 0) return [];
  const pick =
    suggestions.find((s) => s.canAssign && s.matchesWish) ?? suggestions.find((s) => s.canAssign) ?? suggestions[0]!;
  return [
    { ...pick, recommended: true },
    ...suggestions.filter((s) => s !== pick).map((s) => ({ ...s, recommended: false })),
  ];
}
