/**
 * Actions of the `member` function: registration (报到/亮身份), the member's own page, the
 * secretary's queue and branch list, assignment (划转), pairing (结对联系), 摸排 imports and the
 * electronic activity certificate (电子活动证).
 */

import type { Page, PageCursor } from '../paging';

export type Gender = 'male' | 'female';
export type PartyStatus = 'full' | 'probationary';
export type Industry =
  | 'express'
  | 'food_delivery'
  | 'ride_hailing'
  | 'logistics'
  | 'internet'
  | 'construction'
  | 'manufacturing'
  | 'self_employed'
  | 'retail'
  | 'catering'
  | 'domestic_service'
  | 'other';
/** Where the member would like to take part in organisational life. */
export type AssignmentWish = 'near_residence' | 'by_industry' | 'home_county';
/**
 * pending → active (assigned); sent_back: returned to the member to correct and resubmit;
 * transferred / returned_home / lost_contact: later changes, each with who, when and why.
 */
export type MemberState = 'pending' | 'sent_back' | 'active' | 'transferred' | 'returned_home' | 'lost_contact';
export type CertificateState = 'valid' | 'review_due' | 'revoked';

export interface HomeOrganisation {
  /** 流出地党组织名称 */
  orgName: string;
  province: string;
  county: string;
  contactName?: string;
  contactPhone?: string;
}

export interface ResidenceInput {
  districtId: string;
  streetId: string;
  communityId?: string;
  address: string;
}

export interface WorkInput {
  industry: Industry;
  employer?: string;
  job?: string;
}

export interface RegistrationInput {
  name: string;
  gender: Gender;
  ethnicity: string;
  /** YYYY-MM-DD; must agree with the 身份证号 */
  birthDate: string;
  idCardNumber: string;
  phone: string;
  /** YYYY-MM-DD */
  joinedPartyOn: string;
  partyStatus: PartyStatus;
  home: HomeOrganisation;
  /** YYYY-MM */
  leftHomeOn: string;
  leftHomeReason: string;
  residence: ResidenceInput;
  work: WorkInput;
  holdsPaperCertificate: boolean;
  wish: AssignmentWish;
  /** The version of the privacy notice the person agreed to. */
  privacyConsentVersion: string;
  /** Registration point the person arrived through (QR scene), if any. */
  scene?: string;
}

export interface PlaceRef {
  id: string;
  name: string;
}

export interface ContactPerson {
  name: string;
  phone: string;
}

export interface CertificateView {
  number: string;
  branchName: string;
  homeOrgName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD: the yearly review, with 民主评议 */
  reviewDueOn: string;
  state: CertificateState;
  /** Signed token for the QR code; carries no personal data in the clear. Empty when revoked. */
  qrToken: string;
  /** The QR code of `qrToken` as a PNG data URL, ready for `<image src>`. Empty when revoked. */
  qrImage: string;
}

/** The member's own page. */
export interface MyMembership {
  memberId: string;
  name: string;
  state: MemberState;
  branch: (PlaceRef & { secretaryName: string | null; station: StationInfo | null }) | null;
  residence: { district: string; street: string; community: string | null; address: string };
  industry: Industry;
  wish: AssignmentWish;
  idCardMasked: string;
  phoneMasked: string;
  /** Why the registration was sent back, when it was. */
  sentBackReason: string | null;
  pairedContact: ContactPerson | null;
  certificate: CertificateView | null;
  submittedAt: string;
}

export interface StationInfo {
  name: string;
  address: string;
  openingHours: string;
  contactPhone: string;
}

/** A row in a secretary's list: never the full 身份证号 or phone. */
export interface MemberRow {
  memberId: string;
  name: string;
  gender: Gender;
  state: MemberState;
  industry: Industry;
  residence: string;
  branchName: string | null;
  phoneMasked: string;
  submittedAt: string;
}

export interface StateChange {
  from: MemberState | null;
  to: MemberState;
  by: string;
  at: string;
  reason: string;
}

export interface MemberDetail extends MemberRow {
  ethnicity: string;
  birthDate: string;
  idCardMasked: string;
  joinedPartyOn: string;
  partyStatus: PartyStatus;
  home: HomeOrganisation;
  leftHomeOn: string;
  leftHomeReason: string;
  residenceDetail: { districtId: string; streetId: string; communityId: string | null; address: string };
  employer: string | null;
  job: string | null;
  holdsPaperCertificate: boolean;
  wish: AssignmentWish;
  branchId: string | null;
  pairedWith: ContactPerson | null;
  importedFrom: string | null;
  history: StateChange[];
}

export interface BranchSuggestion {
  branchId: string;
  branchName: string;
  kind: AssignmentWish;
  /** Chinese: why this branch is suggested. */
  reason: string;
  /** True when it matches the member's own wish. */
  matchesWish: boolean;
  /** True when the caller runs this branch and may assign to it; otherwise they may only refer the registration there. */
  canAssign: boolean;
}

export interface ImportRow {
  name: string;
  idCardNumber: string;
  phone?: string;
  foundAt: string;
  notes?: string;
}

export type ImportOutcome = 'created' | 'updated' | 'linked_to_member' | 'invalid';

// Re-exported where it was first declared, for the files that import it from here.
export type { Page, PageCursor } from '../paging';

export interface MemberApi {
  register: { input: RegistrationInput; output: MyMembership };
  me: { input: Record<string, never>; output: MyMembership | null };
  updateContact: {
    input: { phone?: string; residence?: ResidenceInput };
    output: MyMembership;
  };
  /**
   * Registrations in the caller's catchment, oldest first: waiting for review (the default), or
   * sent back and waiting for the person to correct them.
   */
  pendingQueue: {
    input: { state?: 'pending' | 'sent_back'; cursor?: PageCursor; limit?: number };
    output: Page<MemberRow>;
  };
  branchMembers: {
    input: {
      branchId: string;
      name?: string;
      state?: MemberState;
      industry?: Industry;
      cursor?: PageCursor;
      limit?: number;
    };
    output: Page<MemberRow>;
  };
  detail: { input: { memberId: string }; output: MemberDetail };
  /** The full 身份证号 and phone, for roles that need them; every use is audit-logged. */
  reveal: {
    input: { memberId: string; reason: string };
    output: { idCardNumber: string; phone: string; homeContactPhone: string | null };
  };
  suggestions: { input: { memberId: string }; output: { items: BranchSuggestion[] } };
  assign: { input: { memberId: string; branchId: string; note?: string }; output: MemberDetail };
  /** 转给该支部: put a registration in the queue of a branch the caller does not run, with a note. */
  refer: { input: { memberId: string; branchId: string; note?: string }; output: MemberDetail };
  sendBack: { input: { memberId: string; reason: string }; output: MemberDetail };
  changeState: {
    input: { memberId: string; to: 'transferred' | 'returned_home' | 'lost_contact' | 'active'; reason: string };
    output: MemberDetail;
  };
  /** Link a branch committee member (by their member id) to a mobile member. */
  pair: { input: { memberId: string; contactMemberId: string }; output: MemberDetail };
  importRows: {
    input: { scopeId: string; rows: ImportRow[] };
    output: { results: { row: number; outcome: ImportOutcome; message: string }[] };
  };
  verifyCertificate: {
    input: { token: string };
    output: {
      valid: boolean;
      /** Chinese: why it is not valid. */
      reason: string | null;
      number: string | null;
      holderNameMasked: string | null;
      branchName: string | null;
    };
  };
}
