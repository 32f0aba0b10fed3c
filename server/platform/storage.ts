/**
 * Cloud storage for the areas: temporary links to files, and uploading a file written to the
 * function's /tmp as a stream (an export of 100,000 rows never sits in memory whole). The local
 * host's storage answers the same calls (emulator/platform/storage.ts).
 */
import { createReadStream, statSync } from 'node:fs';
import { app } from './cloudbase';

type TempUrlResult = { fileList?: { code?: string; fileID?: string; tempFileURL?: string }[]; code?: string };

/** Temporary links for files, in order; '' for one that is missing. One round trip (none for no files). */
export async function temporaryLinks(fileIds: readonly string[], seconds: number): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const res = (await app.getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge: seconds })),
  })) as TempUrlResult;
  if (res.code || !res.fileList) throw new Error(`getTempFileURL failed: ${String(res.code)}`);
  const byId = new Map(res.fileList.map((f) => [f.fileID, f.code === 'SUCCESS' ? (f.tempFileURL ?? '') : '']));
  return fileIds.map((id) => byId.get(id) ?? '');
}

/** Upload a local file under `cloudPath`, streamed; its fileID and size. */
export async function uploadLocalFile(file: string, cloudPath: string): Promise<{ fileId: string; bytes: number }> {
  const bytes = statSync(file).size;
  const res = await app.uploadFile({ cloudPath, fileContent: createReadStream(file) });
  if (!res.fileID) throw new Error(`uploadFile failed for ${cloudPath}`);
  return { fileId: res.fileID, bytes };
}
