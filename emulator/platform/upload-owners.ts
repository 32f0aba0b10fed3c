/**
 * Who may write a file through the mini-program's upload route (`POST /storage/wx-upload`).
 *
 * In the cloud, `wx.cloud.uploadFile` runs as the signed-in person and storage rules keep each
 * person to their own files. Locally the caller is the `x-wx-openid` header, so the host keeps
 * the same bargain itself:
 *
 * - a person uploads only into the folder the functions expect of them. Today that is the
 *   evidence folder of points claims, `points-evidence/<memberId>/<file>`, with
 *   `memberId = m_<openid>` (server/points/evidence.ts and server/domain/ids.ts; the emulator does
 *   not import server code, and tests/emulator/storage-wx-upload-owner.test.ts holds the two
 *   together). Session images go through `wx.cloud.uploadFile` in cloud mode only.
 * - a file already stored may be replaced only by the person who uploaded it; one written by the
 *   functions through the SDK has no uploader and cannot be replaced from the phone.
 *
 * Uploaders are kept beside the files (`<filesDir>/storage-owners/<path>`), so they survive a
 * restart of the host as the files do.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The caller's folders for uploads from the phone, given their openid. */
const CALLER_FOLDERS: ((openid: string) => string)[] = [(openid) => `points-evidence/m_${openid}`];
/** A plain file name, as `isOwnEvidence` on the server accepts it. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** An openid that can stand as one path segment (real ones are 28 URL-safe characters). */
const OPENID = /^[A-Za-z0-9_-]{1,128}$/;

/** True when `cloudPath` is a plain file directly inside one of the caller's upload folders. */
export function isCallerUploadPath(openid: string, cloudPath: string): boolean {
  if (!OPENID.test(openid)) return false;
  const slash = cloudPath.lastIndexOf('/');
  const folder = cloudPath.slice(0, slash);
  const name = cloudPath.slice(slash + 1);
  return slash > 0 && FILE_NAME.test(name) && CALLER_FOLDERS.some((of) => of(openid) === folder);
}

export interface UploadOwners {
  /** The openid that uploaded the file at `cloudPath`, or null when nobody did from the phone. */
  ownerOf(cloudPath: string): string | null;
  record(cloudPath: string, openid: string): void;
  /** The file was replaced or deleted by the platform: it no longer has an uploader. */
  forget(cloudPath: string): void;
}

/** Uploaders kept as small files under `dir`, one per stored path (already a clean cloud path). */
export function createUploadOwners(dir: string): UploadOwners {
  const fileOf = (cloudPath: string) => path.join(dir, ...cloudPath.split('/'));
  return {
    ownerOf(cloudPath) {
      const file = fileOf(cloudPath);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
    record(cloudPath, openid) {
      const file = fileOf(cloudPath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, openid);
    },
    forget(cloudPath) {
      rmSync(fileOf(cloudPath), { force: true });
    },
  };
}
