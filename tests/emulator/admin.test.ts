/** The /admin listener: database actions to the database, the rest to the platform hook. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction as Tx } from '@cloudbase/database/dist/commonjs/transaction/index';
import { trackInvocationOrigins, type PlatformHook } from '../../emulator/admin';
import { rejectionOf, startEmulator, type Emulator } from './helpers';

describe('routing', () => {
  const calls: Array<{ action: string; body: unknown; contentType: string | undefined }> = [];
  const platform: PlatformHook = async (action, body, req) => {
    calls.push({ action, body, contentType: req.headers['content-type'] });
    if (action === 'functions.invokeFunction' && !Buffer.isBuffer(body)) {
      const event = JSON.parse(String(body.request_data)) as unknown;
      return {
        status: 200,
        body: {
          requestId: 'fn-1',
          data: { response_data: JSON.stringify({ ok: true, name: body.function_name, event }) },
        },
      };
    }
    if (action === 'storage.upload') return { status: 200, headers: { 'x-seen': 'yes' }, body: 'raw-reply' };
    return null;
  };
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ platform });
  });
  afterAll(async () => emu.close());
  beforeEach(() => {
    calls.length = 0;
  });

  test('app.callFunction goes to the platform hook as functions.invokeFunction', async () => {
    const res = await emu.app.callFunction({ name: 'echo', data: { x: 1 } });
    expect(res.result).toEqual({ ok: true, name: 'echo', event: { x: 1 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ action: 'functions.invokeFunction', body: { function_name: 'echo' } });
  });

  test('an action the hook declines is INVALID_ACTION', async () => {
    const err = await rejectionOf(() => emu.app.getUploadMetadata({ cloudPath: 'a.txt' }));
    expect(err.code).toBe('INVALID_ACTION');
    expect(calls[0]!.action).toBe('storage.getUploadMetadata');
  });

  test('database replies are JSON with a requestId; unknown database actions are INVALID_ACTION', async () => {
    const res = await fetch(emu.serviceUrl + '?env=test-env&seqId=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.calculateDocument', collectionName: 'people', query: '{}' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { requestId: string; data: unknown };
    expect(body.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.data).toEqual({ total: 0 });
    const unknown = await fetch(emu.serviceUrl, {
      method: 'POST',
      body: JSON.stringify({ action: 'database.dropEverything' }),
    });
    expect(await unknown.json()).toMatchObject({ code: 'INVALID_ACTION' });
    expect(calls).toHaveLength(0);
  });

  test('multipart bodies reach the hook raw, with their action', async () => {
    const boundary = '----x';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="action"',
      '',
      'storage.upload',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="a.bin"',
      '',
      'BYTES',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await fetch(emu.serviceUrl, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: multipart,
    });
    expect(res.headers.get('x-seen')).toBe('yes');
    expect(await res.text()).toBe('raw-reply');
    expect(calls[0]!.action).toBe('storage.upload');
    expect(Buffer.isBuffer(calls[0]!.body)).toBe(true);
    expect((calls[0]!.body as Buffer).toString()).toContain('BYTES');
  });

  test('other paths are 404 and other methods 405', async () => {
    expect((await fetch(emu.serviceUrl.replace('/admin', '/nope'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(emu.serviceUrl, { method: 'GET' })).status).toBe(405);
  });

  test('stats() counts requests per action', async () => {
    emu.database.resetStats();
    await emu.db.collection('people').get();
    await emu.db.collection('people').get();
    await emu.db.collection('people').count();
    expect(emu.database.stats()).toMatchObject({
      requests: { 'database.getDocument': 2, 'database.calculateDocument': 1 },
      totalRequests: 3,
    });
  });
});

describe('attributing requests to function invocations (local host)', () => {
  const invocation = new AsyncLocalStorage<string>();
  let stop: () => void;
  let emu: Emulator;
  beforeAll(async () => {
    stop = trackInvocationOrigins(() => invocation.getStore());
    emu = await startEmulator();
    await emu.db.collection('accounts').add([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 1 },
    ]);
  });
  afterAll(async () => {
    stop();
    await emu.close();
  });

  test('a where().update() inside runTransaction is refused at once, before it writes', async () => {
    let attempts = 0;
    const err = await invocation.run('inv-1', () =>
      rejectionOf(() =>
        emu.db.runTransaction(async (t: Tx) => {
          attempts++;
          await t.collection('accounts').doc('a').update({ n: 2 });
          await t.collection('accounts').where({ _id: 'b' }).update({ n: 99 });
        }),
      ),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(attempts).toBe(1);
    const { data } = await emu.db.collection('accounts').orderBy('_id', 'asc').get();
    expect(data.map((d: { n: number }) => d.n)).toEqual([1, 1]);
  });

  test('the same call from another, concurrent invocation is allowed, and the transaction retries', async () => {
    let attempts = 0;
    let releaseOther!: () => void;
    const otherMayRun = new Promise<void>((resolve) => (releaseOther = resolve));
    const tx = invocation.run('inv-tx', () =>
      emu.db.runTransaction(async (t: Tx) => {
        attempts++;
        await t
          .collection('accounts')
          .doc('a')
          .update({ n: emu.db.command.inc(1) });
        if (attempts === 1) {
          releaseOther();
          await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );
    const other = invocation.run('inv-other', async () => {
      await otherMayRun;
      return emu.db.collection('accounts').where({ _id: 'b' }).update({ n: 5 });
    });
    await expect(other).resolves.toMatchObject({ updated: 1 });
    await tx;
    expect(attempts).toBe(2);
    const { data } = await emu.db.collection('accounts').orderBy('_id', 'asc').get();
    expect(data.map((d: { n: number }) => d.n)).toEqual([2, 5]);
  });
});
