/**
 * Evidence photos of claims: cloud storage file IDs (`cloud://<env>.<bucket>/<path>`) under the
 * member's own folder, checked to exist when the claim is made, and shown to reviewers through
 * temporary links.
 */
import { invalidArgument } from '../platform/errors';
import { temporaryLinks as links } from '../platform/storage';

/** Where the mini-program uploads a member's evidence: `points-evidence/<memberId>/<file>`. */
export const EVIDENCE_FOLDER = 'points-evidence';
/** Temporary links last this long: enough to review a page of claims. */
const LINK_SECONDS = 2 * 60 * 60;

const FILE_ID = /^cloud:\/\/[^/\s]+\/([^\s?#]+)$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The storage path of a file ID, or null when it is not one. */
export function pathOfFileId(fileId: string): string | null {
  return FILE_ID.exec(fileId)?.[1] ?? null;
}

/** True when the file ID points into the member's own evidence folder (one level, a plain file name). */
export function isOwnEvidence(fileId: string, memberId: string): boolean {
  const path = pathOfFileId(fileId);
  if (!path) return false;
  const parts = path.split('/');
  return parts.length === 3 && parts[0] === EVIDENCE_FOLDER && parts[1] === memberId && FILE_NAME.test(parts[2]!);
}

/** Temporary links for evidence photos, in order; '' for one that is missing. */
export const temporaryLinks = (fileIds: readonly string[]) => links(fileIds, LINK_SECONDS);

/** Refuse photos that are not the member's own uploads, or that never arrived in storage. */
export async function checkEvidence(photos: readonly string[], memberId: string): Promise<void> {
  photos.forEach((p, i) => {
    if (!isOwnEvidence(p, memberId)) throw invalidArgument('照片不是通过本小程序上传的，请重新上传', `photos.${i}`);
  });
  const found = await temporaryLinks(photos);
  const missing = found.findIndex((l) => l === '');
  if (missing >= 0) throw invalidArgument('有照片没有上传成功，请删除后重新上传', `photos.${missing}`);
}
