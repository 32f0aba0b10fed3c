/**
 * Cloud storage of the local host, through the real SDK: uploadFile (getUploadMetadata, then a PUT
 * to the returned URL), getTempFileURL and the temporary link it serves, downloadFile, deleteFile;
 * and the mini-program's local upload (what wx.cloud.uploadFile does in the cloud).
 */
import * as tcb from '@cloudbase/node-sdk';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localBucketOf } from '../../emulator/platform/storage';
import { startLocalCloud } from '../../emulator/server';
import { ROOT, startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
let app: ReturnType<typeof tcb.init>;

beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  app = tcb.init({ env: t.cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: t.cloud.adminUrl });
});
afterAll(() => t.close());

const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('a local photo'), 0xff, 0xd9]);

async function upload(cloudPath: string, content = photo): Promise<string> {
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: content });
  return fileID;
}

async function linkOf(fileID: string, maxAge = 600) {
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge }] });
  return fileList[0]!;
}

test('uploadFile stores the bytes and returns a fileID of the form cloud://<env>.<bucket>/<path>', async () => {
  const fileID = await upload('points-evidence/m_1/a.jpg');
  expect(fileID).toBe(`cloud://test-env.${localBucketOf('test-env')}/points-evidence/m_1/a.jpg`);
});

test('getTempFileURL gives a link that serves the same bytes with an image content type', async () => {
  const fileID = await upload('points-evidence/m_1/b.jpg');
  const link = await linkOf(fileID);
  expect(link).toMatchObject({ code: 'SUCCESS', fileID, maxAge: 600 });
  const res = await fetch(link.tempFileURL);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(photo);
});

test('downloadFile reads the bytes back through the temporary link', async () => {
  const fileID = await upload('docs/readme.txt', Buffer.from('你好，本地存储'));
  const { fileContent } = await app.downloadFile({ fileID });
  expect(Buffer.from(fileContent as Buffer).toString('utf8')).toBe('你好，本地存储');
});

test('uploading to the same path again replaces the file', async () => {
  const fileID = await upload('points-evidence/m_1/c.jpg', Buffer.from('first'));
  await upload('points-evidence/m_1/c.jpg', Buffer.from('second'));
  const res = await fetch((await linkOf(fileID)).tempFileURL);
  expect(await res.text()).toBe('second');
});

test('a link whose signature or path was changed, or that has expired, is refused', async () => {
  const fileID = await upload('points-evidence/m_1/d.jpg');
  const { tempFileURL } = await linkOf(fileID);
  const url = new URL(tempFileURL);
  const tampered = new URL(tempFileURL);
  tampered.pathname = tampered.pathname.replace('d.jpg', 'a.jpg');
  expect((await fetch(tampered)).status).toBe(403);
  const forged = new URL(tempFileURL);
  forged.searchParams.set('sign', '00'.repeat(32));
  expect((await fetch(forged)).status).toBe(403);
  const expired = new URL(tempFileURL);
  expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
  expect((await fetch(expired)).status).toBe(403);
  expect((await fetch(url)).status).toBe(200);
});

test('deleteFile removes files and says which did not exist; their links then fail', async () => {
  const fileID = await upload('points-evidence/m_1/e.jpg');
  const missing = `cloud://test-env.${localBucketOf('test-env')}/points-evidence/m_1/never.jpg`;
  const { fileList } = await app.deleteFile({ fileList: [fileID, missing] });
  expect(fileList).toEqual([
    { code: 'SUCCESS', fileID },
    { code: 'STORAGE_FILE_NONEXIST', fileID: missing },
  ]);
  expect(await linkOf(fileID)).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
});

test('a fileID of another environment or bucket is not found here', async () => {
  await upload('points-evidence/m_1/f.jpg');
  const other = 'cloud://other-env.7465-other-env-1250000000/points-evidence/m_1/f.jpg';
  expect(await linkOf(other)).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
});

test('a PUT without the upload authorization is refused and stores nothing', async () => {
  const res = await fetch(
    `${t.cloud.url}/storage/upload/points-evidence/m_1/g.jpg?expires=${Math.floor(Date.now() / 1000) + 60}`,
    {
      method: 'PUT',
      body: photo,
      headers: { authorization: 'ab'.repeat(32) },
    },
  );
  expect(res.status).toBe(403);
  expect(await res.text()).toContain('SignatureDoesNotMatch');
  const id = `cloud://test-env.${localBucketOf('test-env')}/points-evidence/m_1/g.jpg`;
  expect(await linkOf(id)).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
});

test('a path that climbs out of the bucket is refused', async () => {
  await expect(app.getUploadMetadata({ cloudPath: '../outside.jpg' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  await expect(app.uploadFile({ cloudPath: 'a/../../b.jpg', fileContent: photo })).rejects.toMatchObject({
    code: 'INVALID_PARAM',
  });
});

test('the mini-program uploads over multipart (wx.uploadFile) and gets a fileID the SDK can read', async () => {
  const form = new FormData();
  form.append('cloudPath', 'points-evidence/m_2/from-phone.png');
  form.append('file', new Blob([photo], { type: 'image/png' }), 'tmp_123.png');
  // As the caller whose member folder that is (m_<openid>).
  const res = await fetch(`${t.cloud.url}/storage/wx-upload`, {
    method: 'POST',
    body: form,
    headers: { 'x-wx-openid': '2' },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { fileID: string };
  expect(body.fileID).toBe(`cloud://test-env.${localBucketOf('test-env')}/points-evidence/m_2/from-phone.png`);
  const link = await linkOf(body.fileID);
  const served = await fetch(link.tempFileURL);
  expect(served.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await served.arrayBuffer())).toEqual(photo);
});

test('a multipart upload without a cloud path is refused', async () => {
  const form = new FormData();
  form.append('file', new Blob([photo]), 'x.jpg');
  const res = await fetch(`${t.cloud.url}/storage/wx-upload`, {
    method: 'POST',
    body: form,
    headers: { 'x-wx-openid': '2' },
  });
  expect(res.status).toBe(400);
});

test('files live under the data folder and survive a restart of the host', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ldxf-storage-test-'));
  const start = () =>
    startLocalCloud({ functionsDir: path.join(ROOT, 'server/functions'), dataDir, envId: 'disk-env' });
  try {
    const first = await start();
    const a = tcb.init({ env: first.envId, secretId: 't', secretKey: 't', serviceUrl: first.adminUrl });
    const { fileID } = await a.uploadFile({ cloudPath: 'points-evidence/m_9/kept.jpg', fileContent: photo });
    await first.close();
    const onDisk = path.join(dataDir, 'files', 'storage', 'points-evidence', 'm_9', 'kept.jpg');
    expect(existsSync(onDisk)).toBe(true);
    expect(readFileSync(onDisk)).toEqual(photo);

    const second = await start();
    try {
      const b = tcb.init({ env: second.envId, secretId: 't', secretKey: 't', serviceUrl: second.adminUrl });
      const { fileList } = await b.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
      const served = await fetch(fileList[0]!.tempFileURL);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(photo);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
