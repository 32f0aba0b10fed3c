/** Whose dues are owed here, from which month, and the data every dues action starts from. */
import { COLLECTIONS } from '../../database/collections';
import type { DuesStanding } from '../../typings/areas/dues';
import { compareMonths, monthOf } from '../domain/dues';
import { db } from '../platform/cloudbase';
import { certIdOf, type CertificateDoc } from '../members/certificates';
import type { MemberDoc } from '../members/member-doc';
import type { DuesProfileDoc } from './docs';

/** A member as the dues rules need them: the record, the certificate, the profile, and what follows. */
export interface DuesMember {
  memberId: string;
  member: MemberDoc | null;
  certificate: CertificateDoc | null;
  profile: DuesProfileDoc | null;
  standing: DuesStanding;
  /** The first month owed here (null unless owing here). */
  owesFrom: string | null;
  /** Probationary members: the month the branch assembly admitted them; nothing is owed before. */
  admittedMonth: string | undefined;
}

const STANDING_NOTES: Record<DuesStanding, string> = {
  not_registered: '您还没有报到。报到并编入党支部后，可以在这里交纳党费。',
  not_active: '您目前不在本地党支部的在册名单中，党费请向所在党组织交纳。',
  pays_at_home: '您的党费在流出地（原籍）党组织交纳。如需在本地交纳，请联系所在党支部办理流动党员活动证。',
  owes_here: '您持有流动党员活动证，党费在本地（流入地）党支部按月交纳。',
};

export const standingNote = (standing: DuesStanding) => STANDING_NOTES[standing];

const firstDocOf = <T>(res: { data: unknown }) => ((res.data as T[])[0] as T | undefined) ?? null;

/** The month the member was first placed in a branch here: dues are owed here from then on. */
function firstActiveMonth(member: MemberDoc): string {
  const first = member.history.find((h) => h.to === 'active');
  return monthOf(first ? new Date(first.at) : new Date(member.updatedAt));
}

/** Standing and the first owed month, from the three documents. Pure. */
export function judgeStanding(
  member: MemberDoc | null,
  certificate: CertificateDoc | null,
): Pick<DuesMember, 'standing' | 'owesFrom' | 'admittedMonth'> {
  if (!member) return { standing: 'not_registered', owesFrom: null, admittedMonth: undefined };
  if (member.state !== 'active' || !member.branchId) {
    return { standing: 'not_active', owesFrom: null, admittedMonth: undefined };
  }
  if (!certificate || certificate.state !== 'valid' || certificate.paysDuesHere !== true) {
    return { standing: 'pays_at_home', owesFrom: null, admittedMonth: undefined };
  }
  const admittedMonth = member.partyStatus === 'probationary' ? member.joinedPartyOn.slice(0, 7) : undefined;
  const assigned = firstActiveMonth(member);
  const owesFrom = admittedMonth && compareMonths(admittedMonth, assigned) > 0 ? admittedMonth : assigned;
  return { standing: 'owes_here', owesFrom, admittedMonth };
}

/** Member, certificate and dues profile: three reads in parallel (three round trips). */
export async function loadDuesMember(memberId: string): Promise<DuesMember> {
  const [m, c, p] = await Promise.all([
    db.collection(COLLECTIONS.members).doc(memberId).get(),
    db.collection(COLLECTIONS.certificates).doc(certIdOf(memberId)).get(),
    db.collection(COLLECTIONS.duesProfiles).doc(memberId).get(),
  ]);
  const member = firstDocOf<MemberDoc>(m);
  const certificate = firstDocOf<CertificateDoc>(c);
  const profile = firstDocOf<DuesProfileDoc>(p);
  return { memberId, member, certificate, profile, ...judgeStanding(member, certificate) };
}

/** The member's branch as a tree place, for scope checks. */
export function branchPlaceOf(member: MemberDoc): { id: string; ancestors: string[] } | null {
  if (!member.branchId) return null;
  return { id: member.branchId, ancestors: member.orgPath.slice(0, -1) };
}
