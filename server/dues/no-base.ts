/**
 * Members of a branch who owe dues here but have no confirmed base: no month record can be made
 * for them, so the board's arrears say nothing about them. Three reads (members, then their
 * certificates and profiles together), bounded by the size of a branch.
 */
import { COLLECTIONS } from '../../database/collections';
import type { NoBaseRow } from '../../typings/areas/dues';
import { monthOf } from '../domain/dues';
import { certIdOf, type CertificateDoc } from '../members/certificates';
import type { MemberDoc } from '../members/member-doc';
import { _, db } from '../platform/cloudbase';
import { amountForMonth } from './amounts';
import type { DuesProfileDoc } from './docs';
import { judgeStanding } from './standing';

/** A branch has at most 50 members; the read is capped well above. */
const MAX_MEMBERS = 200;

export async function membersWithoutBase(branchId: string, now: Date): Promise<NoBaseRow[]> {
  const members = (
    await db
      .collection(COLLECTIONS.members)
      .where({ branchId, state: 'active' })
      .field({
        name: true,
        history: true,
        state: true,
        branchId: true,
        partyStatus: true,
        joinedPartyOn: true,
        updatedAt: true,
      })
      .orderBy('name', 'asc')
      .limit(MAX_MEMBERS)
      .get()
  ).data as MemberDoc[];
  if (members.length === 0) return [];
  const ids = members.map((m) => m._id);
  const [certs, profiles] = await Promise.all([
    db
      .collection(COLLECTIONS.certificates)
      .where({ _id: _.in(ids.map(certIdOf)) })
      .limit(MAX_MEMBERS)
      .get(),
    db
      .collection(COLLECTIONS.duesProfiles)
      .where({ _id: _.in(ids) })
      .limit(MAX_MEMBERS)
      .get(),
  ]);
  const certOf = new Map((certs.data as CertificateDoc[]).map((c) => [c.memberId, c]));
  const profileOf = new Map((profiles.data as DuesProfileDoc[]).map((p) => [p._id, p]));
  const current = monthOf(now);
  return members.flatMap((m) => {
    if (judgeStanding(m, certOf.get(m._id) ?? null).standing !== 'owes_here') return [];
    const profile = profileOf.get(m._id) ?? null;
    if (amountForMonth(profile, current)) return [];
    return [{ memberId: m._id, name: m.name, declared: profile?.hasPending === true }];
  });
}
