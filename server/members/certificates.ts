import { COLLECTIONS } from '../../database/collections';
import type { CertificateView } from '../../typings/areas/member';
import { certificateNumberOf, certificateStateOn, reviewDueOf } from '../domain/certificate';
import { shanghaiDay } from '../domain/shanghai-day';
import { maskName } from '../domain/masking';
import type { Transaction } from '../platform/cloudbase';
import { qrDataUrl } from '../platform/qr-image';
import { signToken } from '../platform/signed-token';
import type { MemberDoc } from './member-doc';

/** A stored certificate; `_id` is `certIdOf(memberId)`. Re-issue bumps `version`, which voids old QR codes. */
export interface CertificateDoc {
  _id: string;
  memberId: string;
  number: string;
  holderNameMasked: string;
  branchId: string;
  branchName: string;
  homeOrgName: string;
  issuedOn: string;
  reviewDueOn: string;
  state: 'valid' | 'revoked';
  version: number;
  /** Holders join organisational life and pay dues at the 流入地 (domain-rules.md). */
  paysDuesHere: boolean;
  issuedBy: string;
  revokedAt: Date | null;
  revokeReason: string | null;
  updatedAt: Date;
}

export const CERT_TOKEN_PURPOSE = 'cert';
/** A shown QR code is good for a day: a screenshot stops working, the member just reopens the page. */
const TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

export const certIdOf = (memberId: string) => `cert_${memberId}`;

/** Issue (or re-issue, on transfer) the certificate inside the assignment's transaction. */
export async function issueCertificate(
  tx: Transaction,
  member: MemberDoc,
  branch: { id: string; name: string },
  previous: CertificateDoc | null,
  by: string,
  now: Date,
): Promise<CertificateDoc> {
  const issuedOn = shanghaiDay(now);
  const cert: CertificateDoc = {
    _id: certIdOf(member._id),
    memberId: member._id,
    number: previous?.number ?? certificateNumberOf(member._id, Number(issuedOn.slice(0, 4))),
    holderNameMasked: maskName(member.name),
    branchId: branch.id,
    branchName: branch.name,
    homeOrgName: member.home.orgName,
    issuedOn,
    reviewDueOn: reviewDueOf(issuedOn),
    state: 'valid',
    version: (previous?.version ?? 0) + 1,
    paysDuesHere: true,
    issuedBy: by,
    revokedAt: null,
    revokeReason: null,
    updatedAt: now,
  };
  const { _id, ...body } = cert;
  await tx.collection(COLLECTIONS.certificates).doc(_id).set(body);
  return cert;
}

/** The member's view, with a freshly signed QR token carrying only the certificate id and version. */
export async function toCertificateView(cert: CertificateDoc, now: Date): Promise<CertificateView> {
  const qrToken =
    cert.state === 'revoked'
      ? ''
      : signToken(
          { c: cert._id, v: cert.version },
          { purpose: CERT_TOKEN_PURPOSE, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS) },
        );
  return {
    number: cert.number,
    branchName: cert.branchName,
    homeOrgName: cert.homeOrgName,
    issuedOn: cert.issuedOn,
    reviewDueOn: cert.reviewDueOn,
    state: certificateStateOn(cert.state, cert.reviewDueOn, shanghaiDay(now)),
    qrToken,
    qrImage: qrToken ? await qrDataUrl(qrToken) : '',
  };
}
