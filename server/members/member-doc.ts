import type {
  AssignmentWish,
  Gender,
  HomeOrganisation,
  Industry,
  MemberDetail,
  MemberRow,
  MemberState,
  PartyStatus,
  StateChange,
} from '../../typings/areas/member';
import { maskPhone } from '../domain/masking';

/** A sealed personal value: ciphertext, keyed hash for duplicates, masked copy for display. */
export interface SealedValue {
  cipher: string;
  hash: string;
  masked: string;
}

export interface StoredStateChange {
  from: MemberState | null;
  to: MemberState;
  by: string;
  at: Date;
  reason: string;
}

/** A stored member. `_id` is `memberIdOf(openid)`: one record per WeChat account. */
export interface MemberDoc {
  _id: string;
  openid: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  idCard: SealedValue;
  phone: SealedValue;
  joinedPartyOn: string;
  partyStatus: PartyStatus;
  /** The home organisation; its contact phone sealed like every other (plain text in records made before). */
  home: Omit<HomeOrganisation, 'contactPhone'> & { contactPhone?: SealedValue | string };
  leftHomeOn: string;
  leftHomeReason: string;
  residence: {
    districtId: string;
    streetId: string;
    communityId: string | null;
    address: string;
    /** Names at registration, so lists need not read the tree again. */
    districtName: string;
    streetName: string;
    communityName: string | null;
  };
  work: { industry: Industry; employer: string | null; job: string | null };
  holdsPaperCertificate: boolean;
  wish: AssignmentWish;
  privacyConsent: { version: string; at: Date };
  scene: string | null;
  state: MemberState;
  sentBackReason: string | null;
  branchId: string | null;
  branchName: string | null;
  /** The branch and its ancestors: "members under X" is `orgPath` contains X. */
  orgPath: string[];
  /** Where a pending member may be assigned: residence levels, fitting committee, home-county org. */
  candidateScopes: string[];
  /** Branches a secretary referred this registration to (转给该支部), each with the note. */
  referredTo?: { branchId: string; branchName: string; note: string | null; by: string; at: Date }[];
  /** The branch committee member paired with this member (结对联系); their phone sealed like any other. */
  pairedWith: { memberId: string; name: string; phone: SealedValue } | null;
  importId: string | null;
  history: StoredStateChange[];
  /** Hash of the submitted form (without identifiers), so a retried submission changes nothing. */
  fingerprint: string;
  submittedAt: Date;
  updatedAt: Date;
  demo?: boolean;
}

const iso = (d: Date) => d.toISOString();

export const residenceLabel = (m: Pick<MemberDoc, 'residence'>) =>
  [m.residence.districtName, m.residence.streetName, m.residence.communityName].filter(Boolean).join(' ');

export function toRow(m: MemberDoc): MemberRow {
  return {
    memberId: m._id,
    name: m.name,
    gender: m.gender,
    state: m.state,
    industry: m.work.industry,
    residence: residenceLabel(m),
    branchName: m.branchName,
    phoneMasked: m.phone.masked,
    submittedAt: iso(m.submittedAt),
  };
}

export function toHistory(h: StoredStateChange): StateChange {
  return { from: h.from, to: h.to, by: h.by, at: iso(h.at), reason: h.reason };
}

/** The home organisation as shown: its contact phone masked. */
export function homeView(home: MemberDoc['home']): HomeOrganisation {
  const { contactPhone, ...rest } = home;
  if (!contactPhone) return rest;
  return { ...rest, contactPhone: typeof contactPhone === 'string' ? maskPhone(contactPhone) : contactPhone.masked };
}

/** What a secretary or administrator sees: masked identifiers, never the full values. */
export function toDetail(m: MemberDoc): MemberDetail {
  return {
    ...toRow(m),
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    idCardMasked: m.idCard.masked,
    joinedPartyOn: m.joinedPartyOn,
    partyStatus: m.partyStatus,
    home: homeView(m.home),
    leftHomeOn: m.leftHomeOn,
    leftHomeReason: m.leftHomeReason,
    residenceDetail: {
      districtId: m.residence.districtId,
      streetId: m.residence.streetId,
      communityId: m.residence.communityId,
      address: m.residence.address,
    },
    employer: m.work.employer,
    job: m.work.job,
    holdsPaperCertificate: m.holdsPaperCertificate,
    wish: m.wish,
    branchId: m.branchId,
    pairedWith: m.pairedWith ? { name: m.pairedWith.name, phone: m.pairedWith.phone.masked } : null,
    importedFrom: m.importId,
    history: m.history.map(toHistory),
  };
}
