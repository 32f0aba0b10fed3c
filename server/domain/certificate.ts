import { createHash } from 'node:crypto';
import type { CertificateState } from '../../typings/areas/member';

/** The electronic certificate's number: stable for a member, so a retried issue cannot mint two. */
export function certificateNumberOf(memberId: string, issuedYear: number): string {
  const digest = createHash('sha256').update(memberId).digest('hex').slice(0, 8).toUpperCase();
  return `XMLD-${issuedYear}-${digest}`;
}

/** The yearly review falls a year after issue (reviewed with 民主评议), YYYY-MM-DD. */
export function reviewDueOf(issuedOn: string): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  // 29 February reviews on 28 February of the next year.
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Valid until revoked; due for review once the review date has passed. */
export function certificateStateOn(stored: 'valid' | 'revoked', reviewDueOn: string, today: string): CertificateState {
  if (stored === 'revoked') return 'revoked';
  return today > reviewDueOn ? 'review_due' : 'valid';
}
