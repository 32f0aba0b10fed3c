/** Remote operations of the `points` function, and the upload of evidence photos. */
import type {
  ClaimDetail,
  ClaimView,
  LedgerEntryView,
  Page,
  PointsRuleView,
  PointsSummary,
  RankingView,
} from '../../typings';
import { backend } from '../config/backend';
import { EVIDENCE_FOLDER } from '../constants/points';
import { CallError, callFunction, uploadToCloud, uploadToLocalHost } from './cloud';

/** The caller's totals and this year by category. */
export function fetchPointsSummary(): Promise<PointsSummary> {
  return callFunction('points', 'summary', {});
}

/** One page of the caller's ledger, newest first; `cursor` null for the first page. */
export function fetchLedger(cursor: string | null): Promise<Page<LedgerEntryView>> {
  return callFunction('points', 'ledger', cursor ? { cursor } : {});
}

/** The 清单 in force for the caller; only what they may claim when `claimableOnly`. */
export async function fetchPointsRules(claimableOnly = false): Promise<PointsRuleView[]> {
  const { items } = await callFunction('points', 'rules', claimableOnly ? { claimableOnly } : {});
  return items;
}

export interface ClaimDraft {
  ruleCode: string;
  occurredOn: string;
  quantity?: number;
  description: string;
  photos: string[];
}

/** Claim points for an act; sending the same claim twice is harmless. */
export function submitPointsClaim(draft: ClaimDraft): Promise<ClaimView> {
  return callFunction('points', 'submitClaim', draft);
}

/** One page of the caller's claims, newest first. */
export function fetchMyClaims(cursor: string | null): Promise<Page<ClaimView>> {
  return callFunction('points', 'myClaims', cursor ? { cursor } : {});
}

/** One page of the claims waiting for the caller's decision, oldest first, with photo links. */
export function fetchPendingClaims(cursor: string | null): Promise<Page<ClaimDetail>> {
  return callFunction('points', 'pendingClaims', cursor ? { cursor } : {});
}

export function approvePointsClaim(claimId: string): Promise<ClaimView> {
  return callFunction('points', 'approveClaim', { claimId });
}

export function rejectPointsClaim(claimId: string, reason: string): Promise<ClaimView> {
  return callFunction('points', 'rejectClaim', { claimId, reason });
}

/** The top members of a branch, street or district this year. */
export function fetchRanking(scopeId: string, top: number): Promise<RankingView> {
  return callFunction('points', 'ranking', { scopeId, top });
}

const UPLOAD_FAILED = '照片没有传上去，请检查网络后再试';

/** The cloud path for a new evidence photo: the member's folder, a fresh name, the photo's own extension. */
export function evidencePathFor(memberId: string, filePath: string, now = Date.now()): string {
  const ext = /\.(jpe?g|png|gif|webp|heic)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const random = Math.floor(Math.random() * 1e8)
    .toString(36)
    .padStart(5, '0');
  return `${EVIDENCE_FOLDER}/${memberId}/${now.toString(36)}-${random}.${ext}`;
}

/**
 * Upload one photo chosen on the phone into the member's evidence folder; resolves to its file ID.
 * In the cloud this is `wx.cloud.uploadFile`; against the local host, `wx.uploadFile` to its
 * storage route, which answers the same way.
 */
export function uploadEvidencePhoto(memberId: string, filePath: string): Promise<string> {
  const cloudPath = evidencePathFor(memberId, filePath);
  const failed = (detail: unknown) =>
    new CallError(
      { code: 'UNAVAILABLE', message: UPLOAD_FAILED },
      detail instanceof Error ? detail.message : JSON.stringify(detail),
    );
  const upload = backend.mode === 'cloud' ? uploadToCloud : uploadToLocalHost;
  return upload(cloudPath, filePath).catch((err: unknown) => {
    throw failed(err);
  });
}
