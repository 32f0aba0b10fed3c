/**
 * Evidence photos of claims: cloud storage file IDs (`cloud://<env>.<bucket>/<path>`) under the
 * member's own folder, checked to exist when the claim is made, and shown to reviewers through
 * temporary links.
 */
import { app } from '../platform/cloudbase';
import { invalidArgument } from '../platform/errors';

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

type TempUrlResult = { fileList?: { code?: string; fileID?: string; tempFileURL?: string }[]; code?: string };

/** Temporary links for files, in order; '' for one that is missing. One round trip (none for no files). */
export async function temporaryLinks(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const res = (await app.getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge: LINK_SECONDS })),
  })) as TempUrlResult;
  if (res.code || !res.fileList) throw new Error(`getTempFileURL failed: ${String(res.code)}`);
  const byId = new Map(res.fileList.map((f) => [f.fileID, f.code === 'SUCCESS' ? (f.tempFileURL ?? '') : '']));
  return fileIds.map((id) => byId.get(id) ?? '');
}

/** Refuse photos that are not the member's own uploads, or that never arrived in storage. */
export async function checkEvidence(photos: readonly string[], memberId: string): Promise<void> {
  photos.forEach((p, i) => {
    if (!isOwnEvidence(p, memberId)) throw invalidArgument('照片不是通过本小程序上传的，请重新上传', `photos.${i}`);
  });
  const links = await temporaryLinks(photos);
  const missing = links.findIndex((l) => l === '');
  if (missing >= 0) throw invalidArgument('有照片没有上传成功，请删除后重新上传', `photos.${missing}`);
}
