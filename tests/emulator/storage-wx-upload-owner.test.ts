/**
 * The mini-program's local upload route (`POST /storage/wx-upload`) is tied to its caller (issue
 * 10, item 4): a person may write only into the folder the functions expect of them
 * (`points-evidence/<memberId>/<file>`, which `points.submitClaim` checks), and never over a file
 * somebody else stored.
 */
import * as tcb from '@cloudbase/node-sdk';
import { EVIDENCE_FOLDER } from '../../miniprogram/constants/points';
import { memberIdOf } from '../../server/domain/ids';
import { EVIDENCE_FOLDER as SERVER_EVIDENCE_FOLDER, isOwnEvidence } from '../../server/points/evidence';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';

let t: TestCloud;
let app: ReturnType<typeof tcb.init>;
beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  app = tcb.init({ env: t.cloud.envId, secretId: 'test', secretKey: 'test', serviceUrl: t.cloud.adminUrl });
});
afterAll(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;

/** What wx.uploadFile sends in local mode (services/points.ts): multipart, cloudPath, file, openid header. */
async function wxUpload(cloudPath: string, content: string, openid?: string) {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([content], { type: 'image/jpeg' }), 'tmp.jpg');
  const res = await fetch(`${t.cloud.url}/storage/wx-upload`, {
    method: 'POST',
    body: form,
    headers: openid ? { 'x-wx-openid': openid } : {},
  });
  return { status: res.status, body: (await res.json()) as { fileID?: string; errMsg?: string } };
}

async function contentOf(fileID: string): Promise<string> {
  const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
  return (await fetch(fileList[0]!.tempFileURL)).text();
}

const folderOf = (openid: string) => `${EVIDENCE_FOLDER}/${memberIdOf(openid)}`;

test('the evidence folder the mini-program uploads to is the one the server checks', () => {
  expect(EVIDENCE_FOLDER).toBe(SERVER_EVIDENCE_FOLDER);
});

test('a person uploads into their own evidence folder and gets a fileID the server accepts as theirs', async () => {
  const { status, body } = await wxUpload(`${folderOf('o-alice')}/a1.jpg`, 'alice', 'o-alice');
  expect(status).toBe(200);
  expect(isOwnEvidence(body.fileID!, memberIdOf('o-alice'))).toBe(true);
  expect(await contentOf(body.fileID!)).toBe('alice');
});

test('an upload without the caller is refused', async () => {
  const { status, body } = await wxUpload(`${folderOf('o-alice')}/anon.jpg`, 'anon');
  expect(status).toBe(401);
  expect(body.errMsg).toMatch(CHINESE);
});

test("nobody can overwrite another person's evidence, and the file is unchanged", async () => {
  const path = `${folderOf('o-alice')}/a2.jpg`;
  const first = await wxUpload(path, 'original', 'o-alice');
  expect(first.status).toBe(200);
  const attack = await wxUpload(path, 'forged', 'o-mallory');
  expect(attack.status).toBe(403);
  expect(attack.body.errMsg).toMatch(CHINESE);
  expect(await contentOf(first.body.fileID!)).toBe('original');
});

test('uploads outside the caller’s own folder are refused, even to paths not yet used', async () => {
  for (const path of [
    `${folderOf('o-alice')}/new.jpg`,
    'sessions/cover.jpg',
    'docs/readme.txt',
    `${folderOf('o-mallory')}/nested/deep.jpg`,
    `${EVIDENCE_FOLDER}/${memberIdOf('o-mallory')}x/a.jpg`,
  ]) {
    const { status } = await wxUpload(path, 'x', 'o-mallory');
    expect({ path, status }).toEqual({ path, status: 403 });
  }
});

test('a file stored by the functions (through the SDK) cannot be replaced from the phone', async () => {
  const path = `${folderOf('o-bob')}/by-server.jpg`;
  const { fileID } = await app.uploadFile({ cloudPath: path, fileContent: Buffer.from('server copy') });
  const res = await wxUpload(path, 'phone copy', 'o-bob');
  expect(res.status).toBe(403);
  expect(await contentOf(fileID)).toBe('server copy');
});

test('a person may replace a file they uploaded themselves', async () => {
  const path = `${folderOf('o-carol')}/retry.jpg`;
  await wxUpload(path, 'first try', 'o-carol');
  const again = await wxUpload(path, 'second try', 'o-carol');
  expect(again.status).toBe(200);
  expect(await contentOf(again.body.fileID!)).toBe('second try');
});
