import { COLLECTIONS } from '../../database/collections';
import type { MyMembership, StationInfo } from '../../typings/areas/member';
import { memberIdOf } from '../domain/ids';
import type { OrgDoc } from '../orgs/org-store';
import type { RoleDoc } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import { openSensitive } from '../platform/sensitive';
import { certIdOf, toCertificateView, type CertificateDoc } from './certificates';
import type { MemberDoc } from './member-doc';
import { findMember } from './store';

const first = <T>(res: { data: unknown }): T | undefined => (res.data as T[])[0];

function stationOf(doc: OrgDoc | undefined): StationInfo | null {
  if (!doc) return null;
  const extra = (doc.extra ?? {}) as Record<string, unknown>;
  return {
    name: doc.name,
    address: String(extra.address ?? ''),
    openingHours: String(extra.openingHours ?? ''),
    contactPhone: String(extra.contactPhone ?? ''),
  };
}

/**
 * The member's own page. An assigned member's branch, its secretary, the nearest service station
 * and the certificate are read together: one more round of parallel reads, whatever the size.
 */
export async function buildMyMembership(m: MemberDoc, now = new Date()): Promise<MyMembership> {
  let branch: MyMembership['branch'] = null;
  let certificate: MyMembership['certificate'] = null;
  let pairedContact: MyMembership['pairedContact'] = null;
  if (m.branchId) {
    const parentId = m.orgPath[m.orgPath.length - 2] ?? null;
    const [certRes, roleRes, stationRes, contactRes] = await Promise.all([
      db.collection(COLLECTIONS.certificates).doc(certIdOf(m._id)).get(),
      db.collection(COLLECTIONS.roles).where({ scopeId: m.branchId, role: 'secretary' }).limit(1).get(),
      db
        .collection(COLLECTIONS.orgs)
        .where({ parentId: _.in([m.branchId, parentId]), type: 'station', closed: _.neq(true) })
        .orderBy('sort', 'asc')
        .limit(1)
        .get(),
      m.pairedWith
        ? db.collection(COLLECTIONS.members).doc(m.pairedWith.memberId).field({ state: true, branchId: true }).get()
        : Promise.resolve({ data: [] }),
    ]);
    // The contact's number is shown only while they are an active member of this branch: one who
    // moved away or lost contact is no longer this member's contact.
    const contact = first<Pick<MemberDoc, 'state' | 'branchId'>>(contactRes);
    if (m.pairedWith && contact?.state === 'active' && contact.branchId === m.branchId) {
      pairedContact = { name: m.pairedWith.name, phone: openSensitive(m.pairedWith.phone.cipher) };
    }
    const cert = first<CertificateDoc>(certRes);
    const secretary = first<RoleDoc>(roleRes);
    branch = {
      id: m.branchId,
      name: m.branchName ?? '',
      secretaryName: secretary?.holderName ?? null,
      station: stationOf(first<OrgDoc>(stationRes)),
    };
    certificate = cert ? await toCertificateView(cert, now) : null;
  }
  return {
    memberId: m._id,
    name: m.name,
    state: m.state,
    branch,
    residence: {
      district: m.residence.districtName,
      street: m.residence.streetName,
      community: m.residence.communityName,
      address: m.residence.address,
    },
    industry: m.work.industry,
    wish: m.wish,
    idCardMasked: m.idCard.masked,
    phoneMasked: m.phone.masked,
    sentBackReason: m.sentBackReason,
    pairedContact,
    certificate,
    submittedAt: m.submittedAt.toISOString(),
  };
}

/** The caller's own membership, or null before registration. */
export async function loadMyMembership(openid: string): Promise<MyMembership | null> {
  const m = await findMember(memberIdOf(openid));
  return m ? buildMyMembership(m) : null;
}
