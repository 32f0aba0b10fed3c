/**
 * Contract test of the CloudBase wire protocol (shared/cloudbase-protocol.md) against the REAL,
 * pinned `@cloudbase/node-sdk`. A loopback HTTP server records every request the SDK sends and
 * answers with the minimal reply the SDK reads. The local emulator implements exactly this
 * protocol, so when an SDK upgrade changes a request (an action name, a field, the EJSON form),
 * this file fails and shows the change as a diff of `WIRE_ACTIONS` or of a request body.
 *
 * When it fails after an upgrade: update shared/cloudbase-protocol.md, the emulator and this file
 * together. Do not loosen an assertion to make it pass.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BSONRegExp, EJSON } from 'bson';
import * as tcb from '@cloudbase/node-sdk';

/** Versions the protocol doc was observed with. An upgrade must fail here first. */
const PINNED = { '@cloudbase/node-sdk': '3.18.3', '@cloudbase/database': '1.4.3' } as const;

/**
 * Snapshot of the wire: for each SDK call made below, the `action` of every request it sends, in
 * order. This is the one place to read (and diff) which actions the SDK speaks.
 */
const WIRE_ACTIONS: Record<string, string[]> = {
  'where().orderBy().skip().limit().field().get()': ['database.getDocument'],
  'get() with no limit': ['database.getDocument'],
  'limit(5000).get()': ['database.getDocument'],
  'doc(id).get()': ['database.getDocument'],
  'add(doc)': ['database.insertDocument'],
  'add([a, b])': ['database.insertDocument'],
  'doc(id).update(u)': ['database.modifyDocument'],
  'where(q).update(u)': ['database.modifyDocument'],
  'doc(id).set(d)': ['database.modifyDocument'],
  'where(q).updateAndReturn(u)': ['database.modifyAndReturnDoc'],
  'doc(id).remove()': ['database.removeDocument'],
  'where(q).remove()': ['database.removeDocument'],
  'where(q).count()': ['database.calculateDocument'],
  'aggregate().match().group().end()': ['database.aggregateDocuments'],
  'runTransaction(doc.get, doc.update)': [
    'database.startTransaction',
    'database.getDocument',
    'database.modifyDocument',
    'database.commitTransaction',
  ],
  'runTransaction(add, doc.set, doc.remove, where.update)': [
    'database.startTransaction',
    'database.insertDocument',
    'database.modifyDocument',
    'database.removeDocument',
    'database.modifyDocument',
    'database.commitTransaction',
  ],
  'runTransaction(callback throws)': ['database.startTransaction', 'database.getDocument', 'database.abortTransaction'],
  'runTransaction(commit conflicts every time)': [
    ...Array.from({ length: 4 }, () => [
      'database.startTransaction',
      'database.getDocument',
      'database.commitTransaction',
    ]).flat(),
    'database.abortTransaction',
  ],
  'createCollection(name)': ['database.addCollection'],
  'callFunction({name, data})': ['functions.invokeFunction'],
  'error reply (truthy code)': ['database.insertDocument'],
};

/* ------------------------------------------------------------------------------------------ */
/* Capturing loopback server                                                                   */
/* ------------------------------------------------------------------------------------------ */

interface Captured {
  method: string;
  pathname: string;
  query: Record<string, string>;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

type Reply = Record<string, unknown>;

/** The minimal reply the SDK reads, per action (the protocol doc's reply table). */
const MINIMAL_REPLIES: Record<string, Reply> = {
  'database.getDocument': { requestId: 'req-get', data: { list: [], limit: 100, offset: 0 } },
  'database.insertDocument': { requestId: 'req-insert', data: { insertedIds: ['x'] } },
  'database.modifyDocument': { requestId: 'req-modify', data: { updated: 1, upsert_id: null } },
  'database.modifyAndReturnDoc': { requestId: 'req-mar', data: { updated: 1, doc: '{"_id":"x"}' } },
  'database.removeDocument': { requestId: 'req-remove', data: { deleted: 1 } },
  'database.calculateDocument': { requestId: 'req-count', data: { total: 0 } },
  'database.aggregateDocuments': { requestId: 'req-agg', data: { list: [] } },
  'database.startTransaction': { requestId: 'req-start', transactionId: 't1' },
  'database.commitTransaction': { requestId: 'req-commit' },
  'database.abortTransaction': { requestId: 'req-abort' },
  'database.addCollection': { requestId: 'req-addcoll' },
  'functions.invokeFunction': { requestId: 'req-fn', data: { response_data: '{}' } },
};

const requests: Captured[] = [];
/** Per-test replacement replies; undefined falls back to MINIMAL_REPLIES. */
let override: ((action: string) => Reply | undefined) | null = null;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = { __unparsable: raw };
    }
    requests.push({
      method: req.method ?? '',
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: req.headers['content-type'],
      body,
    });
    const action = typeof body.action === 'string' ? body.action : '';
    const reply = override?.(action) ??
      MINIMAL_REPLIES[action] ?? { code: 'CONTRACT_UNKNOWN_ACTION', message: `no reply for "${action}"` };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reply));
  });
}

/* ------------------------------------------------------------------------------------------ */
/* SDK under test                                                                              */
/* ------------------------------------------------------------------------------------------ */

let server: Server;
let app: ReturnType<typeof tcb.init>;
let db: ReturnType<ReturnType<typeof tcb.init>['database']>;
/** What a `runTransaction` callback receives (the SDK types it as any). */
interface Tx {
  collection: (typeof db)['collection'];
  rollback: (reason?: unknown) => Promise<unknown>;
}
const savedEnv: Record<string, string | undefined> = {};
const ENV_KEYS = ['TENCENTCLOUD', 'TCB_CONTEXT_CNFG', 'TCB_SEQID'] as const;

const observed: Record<string, string[]> = {};

/** Runs one SDK call, returns the requests it sent, checks the envelope, records the actions. */
async function record(label: string, call: () => Promise<unknown>): Promise<{ reqs: Captured[]; result: unknown }> {
  if (!(label in WIRE_ACTIONS)) throw new Error(`label "${label}" is missing from WIRE_ACTIONS`);
  const from = requests.length;
  const result = await call();
  const reqs = requests.slice(from);
  observed[label] = reqs.map((r) => String(r.body.action));
  for (const r of reqs) expectEnvelope(r);
  expect(observed[label]).toEqual(WIRE_ACTIONS[label]);
  return { reqs, result };
}

/** Every request: POST /admin?env=…&seqId=… with a JSON body naming the env and the token fields. */
function expectEnvelope(r: Captured): void {
  expect(r.method).toBe('POST');
  expect(r.pathname).toBe('/admin');
  expect(r.query.env).toBe('contract-env');
  expect(r.query.seqId).toMatch(/^\S+_[0-9a-f]+$/);
  expect(r.contentType).toMatch(/^application\/json/);
  expect(typeof r.body.action).toBe('string');
  expect(r.body.envName).toBe('contract-env');
  for (const k of ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken']) {
    expect(typeof r.body[k]).toBe('string');
  }
}

/** A field that must travel as an EJSON string; returns its raw JSON (canonical EJSON) form. */
function ejsonField(body: Record<string, unknown>, key: string): unknown {
  const value = body[key];
  expect(typeof value).toBe('string');
  return JSON.parse(value as string);
}

const int = (n: number) => ({ $numberInt: String(n) });

beforeAll(async () => {
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k];
  delete process.env.TCB_CONTEXT_CNFG;
  delete process.env.TCB_SEQID;
  process.env.TENCENTCLOUD = 'true'; // skip the metadata-server probe
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app = tcb.init({
    env: 'contract-env',
    secretId: 'x',
    secretKey: 'x',
    serviceUrl: `http://127.0.0.1:${port}/admin`,
  });
  db = app.database();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

afterEach(() => {
  override = null;
});

/* ------------------------------------------------------------------------------------------ */
/* Versions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

describe('pinned versions', () => {
  const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const sdkPkgPath = createRequire(__filename).resolve('@cloudbase/node-sdk/package.json');

  it('the installed @cloudbase/node-sdk is the version the protocol was observed with', () => {
    expect(readJson(sdkPkgPath).version).toBe(PINNED['@cloudbase/node-sdk']);
    expect(tcb.version).toBe(PINNED['@cloudbase/node-sdk']);
  });

  it('the @cloudbase/database the SDK loads is the version the protocol doc names', () => {
    const sdkPkg = readJson(sdkPkgPath) as { dependencies: Record<string, string> };
    expect(sdkPkg.dependencies['@cloudbase/database']).toBe(PINNED['@cloudbase/database']);
    const dbPkgPath = createRequire(sdkPkgPath).resolve('@cloudbase/database/package.json');
    expect(readJson(dbPkgPath).version).toBe(PINNED['@cloudbase/database']);
  });

  it('package.json pins the SDK exactly (no range)', () => {
    const rootPkg = readJson(path.resolve(__dirname, '../../package.json')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const spec = rootPkg.dependencies?.['@cloudbase/node-sdk'] ?? rootPkg.devDependencies?.['@cloudbase/node-sdk'];
    expect(spec).toBe(PINNED['@cloudbase/node-sdk']);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Reads                                                                                       */
/* ------------------------------------------------------------------------------------------ */

describe('reads', () => {
  it('where().orderBy().skip().limit().field().get(): WHERE query, flattened, canonical EJSON', async () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const { reqs } = await record('where().orderBy().skip().limit().field().get()', () =>
      db
        .collection('members')
        .where({
          age: 18,
          profile: { nick: 'x' },
          joinedAt: at,
          name: /^zh/i,
          city: db.RegExp({ regexp: 'men$', options: 'm' }),
        })
        .orderBy('age', 'desc')
        .skip(5)
        .limit(10)
        .field({ name: true })
        .get(),
    );
    const b = reqs[0].body;
    expect(b.collectionName).toBe('members');
    expect(b.queryType).toBe('WHERE');
    expect(b.offset).toBe(5);
    expect(b.limit).toBe(10);
    expect(ejsonField(b, 'query')).toEqual({
      age: int(18),
      'profile.nick': 'x',
      joinedAt: { $date: { $numberLong: String(at.getTime()) } },
      name: { $regularExpression: { pattern: '^zh', options: 'i' } },
      city: { $regularExpression: { pattern: 'men$', options: 'm' } },
    });
    expect(ejsonField(b, 'order')).toEqual({ age: int(-1) });
    expect(ejsonField(b, 'projection')).toEqual({ name: int(1) });

    // The project's bson decodes what the SDK's bson encoded.
    const decoded = EJSON.parse(b.query as string) as Record<string, unknown>;
    expect(decoded.age).toBe(18);
    expect(decoded.joinedAt).toBeInstanceOf(Date);
    expect((decoded.joinedAt as Date).getTime()).toBe(at.getTime());
    expect(decoded.name).toBeInstanceOf(BSONRegExp);
    expect((decoded.name as BSONRegExp).pattern).toBe('^zh');
  });

  it('get() with no limit sends the default limit 100 and no query', async () => {
    const { reqs } = await record('get() with no limit', () => db.collection('members').get());
    const b = reqs[0].body;
    expect(b.queryType).toBe('WHERE');
    expect(b.limit).toBe(100);
    expect(b).not.toHaveProperty('offset');
    expect(b).not.toHaveProperty('query');
  });

  it('limit(5000).get() is clamped to 1000', async () => {
    const { reqs } = await record('limit(5000).get()', () => db.collection('members').limit(5000).get());
    expect(reqs[0].body.limit).toBe(1000);
  });

  it('doc(id).get(): DOC query on _id, multi false; the reply list decodes to data: [doc]', async () => {
    override = (a) =>
      a === 'database.getDocument'
        ? {
            requestId: 'req-get',
            data: {
              list: [EJSON.stringify({ _id: 'id1', n: 7, at: new Date(0) }, { relaxed: false })],
              limit: 100,
              offset: 0,
            },
          }
        : undefined;
    const { reqs, result } = await record('doc(id).get()', () => db.collection('members').doc('id1').get());
    const b = reqs[0].body;
    expect(b.queryType).toBe('DOC');
    expect(b.multi).toBe(false);
    expect(ejsonField(b, 'query')).toEqual({ _id: 'id1' });
    const data = (result as { data: Record<string, unknown>[] }).data;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ _id: 'id1', n: 7 });
    expect(data[0].at).toBeInstanceOf(Date);
  });

  it('where(q).count(): calculateDocument, reply data.total', async () => {
    override = (a) => (a === 'database.calculateDocument' ? { requestId: 'r', data: { total: 42 } } : undefined);
    const { reqs, result } = await record('where(q).count()', () =>
      db.collection('members').where({ status: 'active' }).count(),
    );
    expect(reqs[0].body.queryType).toBe('WHERE');
    expect(ejsonField(reqs[0].body, 'query')).toEqual({ status: 'active' });
    expect((result as { total: number }).total).toBe(42);
  });

  it('aggregate().match().group().end(): stages of {stageKey, stageValue: EJSON}, no limit added', async () => {
    const $ = db.command.aggregate;
    const { reqs } = await record('aggregate().match().group().end()', () =>
      db
        .collection('members')
        .aggregate()
        .match({ age: 18 })
        .group({ _id: '$city', n: $.sum(1) })
        .end(),
    );
    const stages = reqs[0].body.stages as { stageKey: string; stageValue: string }[];
    expect(stages.map((s) => s.stageKey)).toEqual(['$match', '$group']);
    for (const s of stages) expect(typeof s.stageValue).toBe('string');
    expect(JSON.parse(stages[0].stageValue)).toEqual({ age: int(18) });
    expect(JSON.parse(stages[1].stageValue)).toEqual({ _id: '$city', n: { $sum: int(1) } });
    expect(reqs[0].body).not.toHaveProperty('limit');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Writes                                                                                      */
/* ------------------------------------------------------------------------------------------ */

describe('writes', () => {
  it('add(doc): data is an array of one EJSON string; serverDate and Date are canonical', async () => {
    const at = new Date(Date.UTC(2024, 5, 1));
    const { reqs, result } = await record('add(doc)', () =>
      db
        .collection('members')
        .add({ name: '张三', age: 18, at, createdAt: db.serverDate(), later: db.serverDate({ offset: 1000 }) }),
    );
    const data = reqs[0].body.data as unknown[];
    expect(data).toHaveLength(1);
    expect(typeof data[0]).toBe('string');
    expect(JSON.parse(data[0] as string)).toEqual({
      name: '张三',
      age: int(18),
      at: { $date: { $numberLong: String(at.getTime()) } },
      createdAt: { $tcb_server_date: { offset: int(0) } },
      later: { $tcb_server_date: { offset: int(1000) } },
    });
    expect((result as { id: string }).id).toBe('x');
  });

  it('add([a, b]): one request, data holds one EJSON string per document', async () => {
    override = (a) =>
      a === 'database.insertDocument' ? { requestId: 'r', data: { insertedIds: ['a1', 'b1'] } } : undefined;
    const { reqs, result } = await record('add([a, b])', () => db.collection('members').add([{ n: 1 }, { n: 2 }]));
    const data = reqs[0].body.data as string[];
    expect(data.map((d) => JSON.parse(d))).toEqual([{ n: int(1) }, { n: int(2) }]);
    expect((result as { ids: string[] }).ids).toEqual(['a1', 'b1']);
  });

  it('doc(id).update(u): DOC, merge true, upsert false; operators, flattened $set, _.set keeps the object', async () => {
    const _ = db.command;
    const { reqs } = await record('doc(id).update(u)', () =>
      db
        .collection('members')
        .doc('id1')
        .update({
          points: _.inc(3),
          tags: _.push(['a', 'b']),
          legacy: _.remove(),
          profile: { nick: 'x', home: { county: '宁都县' } },
          address: _.set({ road: '湖滨南路', no: 1 }),
        }),
    );
    const b = reqs[0].body;
    expect(b.queryType).toBe('DOC');
    expect(b.multi).toBe(false);
    expect(b.merge).toBe(true);
    expect(b.upsert).toBe(false);
    expect(ejsonField(b, 'query')).toEqual({ _id: 'id1' });
    expect(ejsonField(b, 'data')).toEqual({
      $inc: { points: int(3) },
      $push: { tags: { $each: ['a', 'b'] } },
      $unset: { legacy: '' },
      $set: {
        'profile.nick': 'x',
        'profile.home.county': '宁都县',
        address: { road: '湖滨南路', no: int(1) },
      },
    });
  });

  it('where(q).update(u): WHERE, multi true, merge true, upsert false', async () => {
    const { reqs } = await record('where(q).update(u)', () =>
      db
        .collection('members')
        .where({ profile: { county: '宁都县' } })
        .update({ status: 'moved' }),
    );
    const b = reqs[0].body;
    expect(b.queryType).toBe('WHERE');
    expect(b.multi).toBe(true);
    expect(b.merge).toBe(true);
    expect(b.upsert).toBe(false);
    expect(ejsonField(b, 'query')).toEqual({ 'profile.county': '宁都县' });
    expect(ejsonField(b, 'data')).toEqual({ $set: { status: 'moved' } });
  });

  it('doc(id).set(d): merge false, upsert true (replace or create), data is the plain document', async () => {
    const { reqs } = await record('doc(id).set(d)', () =>
      db
        .collection('members')
        .doc('id1')
        .set({ name: '李四', profile: { nick: 'y' } }),
    );
    const b = reqs[0].body;
    expect(b.queryType).toBe('DOC');
    expect(b.multi).toBe(false);
    expect(b.merge).toBe(false);
    expect(b.upsert).toBe(true);
    expect(ejsonField(b, 'query')).toEqual({ _id: 'id1' });
    expect(ejsonField(b, 'data')).toEqual({ name: '李四', profile: { nick: 'y' } });
  });

  it('where(q).updateAndReturn(u): modifyAndReturnDoc, reply doc decoded', async () => {
    override = (a) =>
      a === 'database.modifyAndReturnDoc'
        ? { requestId: 'r', data: { updated: 1, doc: EJSON.stringify({ _id: 'x', seq: 5 }, { relaxed: false }) } }
        : undefined;
    const _ = db.command;
    const { reqs, result } = await record('where(q).updateAndReturn(u)', () =>
      db
        .collection('counters')
        .where({ _id: 'x' })
        .updateAndReturn({ seq: _.inc(1) }),
    );
    const b = reqs[0].body;
    expect(b.queryType).toBe('WHERE');
    expect(ejsonField(b, 'query')).toEqual({ _id: 'x' });
    expect(ejsonField(b, 'data')).toEqual({ $inc: { seq: int(1) } });
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'x', seq: 5 } });
  });

  it('doc(id).remove(): DOC, multi false', async () => {
    const { reqs } = await record('doc(id).remove()', () => db.collection('members').doc('id1').remove());
    const b = reqs[0].body;
    expect(b.queryType).toBe('DOC');
    expect(b.multi).toBe(false);
    expect(ejsonField(b, 'query')).toEqual({ _id: 'id1' });
  });

  it('where(q).remove(): WHERE, multi true', async () => {
    const _ = db.command;
    const { reqs } = await record('where(q).remove()', () =>
      db
        .collection('members')
        .where({ age: _.gt(60).and(_.lt(80)), city: _.in(['厦门', '泉州']) })
        .remove(),
    );
    const b = reqs[0].body;
    expect(b.queryType).toBe('WHERE');
    expect(b.multi).toBe(true);
    expect(ejsonField(b, 'query')).toEqual({
      city: { $in: ['厦门', '泉州'] },
      $and: [{ age: { $gt: int(60) } }, { age: { $lt: int(80) } }],
    });
  });

  it('createCollection(name): addCollection', async () => {
    const { reqs } = await record('createCollection(name)', () => db.createCollection('new_coll'));
    expect(reqs[0].body.collectionName).toBe('new_coll');
  });

  it('a reply with a truthy code is thrown with code, message and requestId', async () => {
    override = (a) =>
      a === 'database.insertDocument'
        ? {
            code: 'DATABASE_REQUEST_FAILED',
            message: 'E11000 duplicate key error collection: members',
            requestId: 'rq-9',
          }
        : undefined;
    let thrown: unknown;
    await record('error reply (truthy code)', async () => {
      try {
        await db.collection('members').add({ idCardHash: 'h' });
      } catch (e) {
        thrown = e;
      }
    });
    expect(thrown).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/^E11000 duplicate key error/),
      requestId: 'rq-9',
    });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Transactions                                                                                */
/* ------------------------------------------------------------------------------------------ */

describe('transactions', () => {
  it('runTransaction: startTransaction, then ops carrying transactionId, then commit; get returns {data: doc}', async () => {
    override = (a) =>
      a === 'database.getDocument'
        ? {
            requestId: 'r',
            data: { list: [EJSON.stringify({ _id: 'id1', n: 1 }, { relaxed: false })], limit: 100, offset: 0 },
          }
        : undefined;
    const _ = db.command;
    let got: unknown;
    const { reqs, result } = await record('runTransaction(doc.get, doc.update)', () =>
      db.runTransaction(async (t: Tx) => {
        got = await t.collection('members').doc('id1').get();
        await t
          .collection('members')
          .doc('id1')
          .update({ n: _.inc(1) });
        return 'done';
      }),
    );
    expect(result).toBe('done');
    expect(got).toMatchObject({ data: { _id: 'id1', n: 1 } });
    const [start, get, update, commit] = reqs;
    expect(start.body).not.toHaveProperty('transactionId');
    for (const r of [get, update, commit]) expect(r.body.transactionId).toBe('t1');
    expect(get.body).toMatchObject({ queryType: 'DOC', multi: false });
    expect(update.body).toMatchObject({ queryType: 'DOC', multi: false, merge: true, upsert: false });
    expect(ejsonField(update.body, 'data')).toEqual({ $inc: { n: int(1) } });
  });

  it('inside a transaction add/set/remove carry transactionId, where().update does NOT', async () => {
    const { reqs } = await record('runTransaction(add, doc.set, doc.remove, where.update)', () =>
      db.runTransaction(async (t: Tx) => {
        await t.collection('members').add({ n: 1 });
        await t.collection('members').doc('d1').set({ n: 2 });
        await t.collection('members').doc('d1').remove();
        await t.collection('members').where({ n: 3 }).update({ m: 4 });
      }),
    );
    const [, add, set, remove, whereUpdate, commit] = reqs;
    for (const r of [add, set, remove, commit]) expect(r.body.transactionId).toBe('t1');
    expect(set.body).toMatchObject({ merge: false, upsert: true });
    expect(whereUpdate.body).not.toHaveProperty('transactionId');
    expect(whereUpdate.body).toMatchObject({ queryType: 'WHERE', multi: true });
  });

  it('a callback that throws aborts the transaction and rethrows', async () => {
    await expect(
      record('runTransaction(callback throws)', () =>
        db
          .runTransaction(async (t: Tx) => {
            await t.collection('members').doc('id1').get();
            throw new Error('boom');
          })
          .catch((e: unknown) => ({ rethrown: e })),
      ),
    ).resolves.toMatchObject({ result: { rethrown: expect.objectContaining({ message: 'boom' }) } });
    const abort = requests[requests.length - 1];
    expect(abort.body.action).toBe('database.abortTransaction');
    expect(abort.body.transactionId).toBe('t1');
  });

  it('DATABASE_TRANSACTION_CONFLICT on commit is retried 3 times, then aborted and thrown', async () => {
    override = (a) =>
      a === 'database.commitTransaction'
        ? { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict', requestId: 'rq-c' }
        : undefined;
    const { result } = await record('runTransaction(commit conflicts every time)', () =>
      db
        .runTransaction(async (t: Tx) => {
          await t.collection('members').doc('id1').get();
        })
        .catch((e: unknown) => ({ rethrown: e })),
    );
    expect(result).toMatchObject({ rethrown: { code: 'DATABASE_TRANSACTION_CONFLICT' } });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Functions                                                                                   */
/* ------------------------------------------------------------------------------------------ */

describe('functions', () => {
  it('callFunction: invokeFunction with function_name and request_data as a JSON string', async () => {
    override = (a) =>
      a === 'functions.invokeFunction' ? { requestId: 'r', data: { response_data: '{"ok":true,"n":1}' } } : undefined;
    const { reqs, result } = await record('callFunction({name, data})', () =>
      app.callFunction({ name: 'memberRegister', data: { name: '张三', n: 1 } }),
    );
    const b = reqs[0].body;
    expect(b.function_name).toBe('memberRegister');
    expect(typeof b.request_data).toBe('string');
    expect(JSON.parse(b.request_data as string)).toEqual({ name: '张三', n: 1 });
    expect((result as { result: unknown }).result).toEqual({ ok: true, n: 1 });
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The whole wire                                                                              */
/* ------------------------------------------------------------------------------------------ */

describe('wire snapshot', () => {
  it('every SDK call above sent exactly the actions in WIRE_ACTIONS', () => {
    expect(observed).toEqual(WIRE_ACTIONS);
  });

  it('every request carried a distinct seqId', () => {
    const ids = requests.map((r) => r.query.seqId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
