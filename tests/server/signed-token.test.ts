import { createHmac, hkdfSync } from 'node:crypto';
import { LOCAL_DEV_TOKEN_KEY } from '../../emulator/dev-keys';
import { rotatingWindow, signToken, verifyToken } from '../../server/platform/signed-token';
import type * as ModuleNamespace from '../../server/platform/signed-token';

type TokenModule = typeof ModuleNamespace;

const ENV = 'TOKEN_SIGNING_KEY';
const saved = process.env[ENV];
const T = new Date('2024-06-01T08:00:00Z');
const at = (ms: number) => new Date(T.getTime() + ms);

/** A fresh copy of the module (empty key cache) that reads `key` from the environment on first use. */
function withKey(key: string | undefined): TokenModule {
  if (key === undefined) delete process.env[ENV];
  else process.env[ENV] = key;
  let mod: TokenModule | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<TokenModule>('../../server/platform/signed-token');
  });
  return mod!;
}

/** Sign any body as the server would, to reach the checks that come after the signature. */
function forge(json: string): string {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(LOCAL_DEV_TOKEN_KEY, 'base64'), 'liudong-xianfeng', 'token/hmac-sha256', 32),
  );
  const body = Buffer.from(json).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url')}`;
}

/** Replace one character with another of the base64url alphabet. */
function swapChar(token: string, index: number): string {
  const c = token[index]!;
  return token.slice(0, index) + (c === 'A' ? 'B' : 'A') + token.slice(index + 1);
}

process.env[ENV] = LOCAL_DEV_TOKEN_KEY; // after the import: the key is read on first use
afterEach(() => {
  process.env[ENV] = LOCAL_DEV_TOKEN_KEY;
});
afterAll(() => {
  if (saved === undefined) delete process.env[ENV];
  else process.env[ENV] = saved;
});

describe('signToken / verifyToken', () => {
  it('gives back the payload to a verifier of the same purpose', () => {
    const token = signToken({ c: 'cert_8f3a2b', v: 2 }, { purpose: 'certificate' });
    expect(verifyToken(token, 'certificate', T)).toEqual({ ok: true, payload: { c: 'cert_8f3a2b', v: 2 } });
  });

  it('is QR- and URL-safe and short', () => {
    const certificate = signToken({ c: 'cert_0123456789abcdef0123', v: 12 }, { purpose: 'certificate' });
    const window = rotatingWindow(T, 30);
    const checkin = signToken(
      { s: 'sess_0123456789abcdef0123', w: window.index },
      { purpose: 'checkin', notBefore: window.startsAt, expiresAt: window.acceptUntil },
    );
    for (const token of [certificate, checkin]) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      expect(token.length).toBeLessThan(200);
    }
    expect(checkin.length).toBeLessThan(150);
  });

  it('carries ids only as given: the payload is readable, so nothing else is added to it', () => {
    const token = signToken({ c: 'cert_1' }, { purpose: 'certificate', expiresAt: at(60_000) });
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(claims).toEqual(['certificate', 0, T.getTime() / 1000 + 60, { c: 'cert_1' }]);
  });
});

describe('verifyToken refuses', () => {
  const token = signToken({ s: 'sess_1', w: 7 }, { purpose: 'checkin', expiresAt: at(60_000) });

  it('a change to any character of the payload or the signature', () => {
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      expect([i, verifyToken(swapChar(token, i), 'checkin', T)]).toEqual([i, { ok: false, reason: 'bad_signature' }]);
    }
  });

  it('a payload re-encoded with other claims under the old signature', () => {
    const [, sig] = token.split('.');
    const body = Buffer.from(JSON.stringify(['checkin', 0, 0, { s: 'sess_1', w: 7 }])).toString('base64url');
    expect(verifyToken(`${body}.${sig}`, 'checkin', T)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('a token signed with another key', () => {
    const other = withKey(Buffer.alloc(32, 9).toString('hex'));
    const foreign = other.signToken({ s: 'sess_1', w: 7 }, { purpose: 'checkin' });
    expect(verifyToken(foreign, 'checkin', T)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(other.verifyToken(token, 'checkin', T)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['a shortened signature', token.slice(0, -1)],
    ['a lengthened signature', `${token}A`],
    ['an empty signature part with content', `${token.split('.')[0]}.x`],
  ])('%s as a bad signature', (_name, input) => {
    expect(verifyToken(input, 'checkin', T)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['empty', ''],
    ['no dot', 'abcdef'],
    ['three parts', `${token}.abc`],
    ['an empty part', `.${token.split('.')[1]}`],
    ['characters outside base64url', token.replace(/^./, '+')],
    ['a URL instead of a token', 'https://example.com/?t=1'],
    ['too long to be ours', `${'A'.repeat(3000)}.${'A'.repeat(22)}`],
    ['signed but not JSON', forge('not json')],
    ['signed but not a 4-element array', forge('["checkin",0,0]')],
    ['signed but a nested payload value', forge('["checkin",0,0,{"s":{"x":1}}]')],
    ['signed but an array payload', forge('["checkin",0,0,["s"]]')],
    ['signed but a negative time', forge('["checkin",-1,0,{"s":"a"}]')],
    ['signed but a fractional time', forge('["checkin",0,1.5,{"s":"a"}]')],
    ['signed but a numeric purpose', forge('[1,0,0,{"s":"a"}]')],
  ])('%s as malformed', (_name, input) => {
    expect(verifyToken(input, 'checkin', T)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a well-formed body it signed itself is accepted (the forge helper matches the server)', () => {
    expect(verifyToken(forge('["checkin",0,0,{"s":"a"}]'), 'checkin', T)).toEqual({ ok: true, payload: { s: 'a' } });
  });

  it.each([
    ['another purpose', 'certificate'],
    ['a prefix of the purpose', 'check'],
    ['a longer purpose', 'checkin2'],
    ['a different case', 'Checkin'],
  ])('%s as wrong_purpose', (_name, purpose) => {
    expect(verifyToken(token, purpose, T)).toEqual({ ok: false, reason: 'wrong_purpose' });
  });

  it('checks the signature before anything the token claims', () => {
    const expired = signToken({ s: 'a' }, { purpose: 'checkin', expiresAt: at(1000) });
    expect(verifyToken(swapChar(expired, 0), 'certificate', at(5000))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(expired, 'certificate', at(5000))).toEqual({ ok: false, reason: 'wrong_purpose' });
  });
});

describe('validity in time: notBefore inclusive, expiresAt exclusive', () => {
  const token = signToken({ s: 'a' }, { purpose: 'checkin', notBefore: T, expiresAt: at(30_000) });

  it.each([
    ['1 ms before notBefore', -1, { ok: false, reason: 'not_yet_valid' }],
    ['exactly at notBefore', 0, { ok: true, payload: { s: 'a' } }],
    ['1 ms before expiresAt', 29_999, { ok: true, payload: { s: 'a' } }],
    ['exactly at expiresAt', 30_000, { ok: false, reason: 'expired' }],
    ['after expiresAt', 30_001, { ok: false, reason: 'expired' }],
  ])('%s', (_name, offset, expected) => {
    expect(verifyToken(token, 'checkin', at(offset))).toEqual(expected);
  });

  it('rounds inward to whole seconds, never lengthening what was asked', () => {
    const t = signToken({ s: 'a' }, { purpose: 'checkin', notBefore: at(1), expiresAt: at(29_999) });
    expect(verifyToken(t, 'checkin', at(500)).ok).toBe(false); // notBefore rounded up to T+1s
    expect(verifyToken(t, 'checkin', at(1000)).ok).toBe(true);
    expect(verifyToken(t, 'checkin', at(28_999)).ok).toBe(true);
    expect(verifyToken(t, 'checkin', at(29_000)).ok).toBe(false); // expiresAt rounded down to T+29s
  });

  it('without times, is valid until revoked elsewhere', () => {
    const certificate = signToken({ c: 'cert_1' }, { purpose: 'certificate' });
    expect(verifyToken(certificate, 'certificate', new Date('2100-01-01T00:00:00Z')).ok).toBe(true);
    expect(verifyToken(certificate, 'certificate', new Date('1999-01-01T00:00:00Z')).ok).toBe(true);
  });

  it('uses the clock when no time is given', () => {
    const past = signToken({ s: 'a' }, { purpose: 'checkin', expiresAt: new Date(Date.now() - 1000) });
    const current = signToken({ s: 'a' }, { purpose: 'checkin', expiresAt: new Date(Date.now() + 60_000) });
    expect(verifyToken(past, 'checkin')).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(current, 'checkin').ok).toBe(true);
  });
});

describe('signToken refuses to make a useless or lossy token', () => {
  it.each([
    ['expiry before start', { purpose: 'checkin', notBefore: at(10_000), expiresAt: at(5000) }, RangeError],
    ['expiry equal to start', { purpose: 'checkin', notBefore: T, expiresAt: T }, RangeError],
    [
      'expiry within the same second as start',
      { purpose: 'checkin', notBefore: at(100), expiresAt: at(900) },
      RangeError,
    ],
    ['an invalid date', { purpose: 'checkin', expiresAt: new Date('nope') }, RangeError],
    ['no purpose', { purpose: '' }, TypeError],
  ])('%s', (_name, opts, error) => {
    expect(() => signToken({ s: 'a' }, opts)).toThrow(error);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('a payload number that JSON cannot carry: %s', (_name, value) => {
    expect(() => signToken({ w: value }, { purpose: 'checkin' })).toThrow(TypeError);
  });
});

describe('the signing key', () => {
  it('stops signing and verifying when the environment has no key', () => {
    const fresh = withKey(undefined);
    expect(() => fresh.signToken({ s: 'a' }, { purpose: 'checkin' })).toThrow(/TOKEN_SIGNING_KEY is not set/);
    expect(() => fresh.verifyToken(signToken({ s: 'a' }, { purpose: 'checkin' }), 'checkin')).toThrow(/not set/);
  });

  it('stops when the key is not 32 bytes', () => {
    const fresh = withKey(Buffer.alloc(20).toString('base64'));
    expect(() => fresh.signToken({ s: 'a' }, { purpose: 'checkin' })).toThrow(/TOKEN_SIGNING_KEY must be 32 bytes/);
  });

  it('is not the sensitive-data key: setting only SENSITIVE_DATA_KEY does not sign tokens', () => {
    const savedSensitive = process.env.SENSITIVE_DATA_KEY;
    process.env.SENSITIVE_DATA_KEY = LOCAL_DEV_TOKEN_KEY;
    try {
      const fresh = withKey(undefined);
      expect(() => fresh.signToken({ s: 'a' }, { purpose: 'checkin' })).toThrow(/TOKEN_SIGNING_KEY/);
    } finally {
      if (savedSensitive === undefined) delete process.env.SENSITIVE_DATA_KEY;
      else process.env.SENSITIVE_DATA_KEY = savedSensitive;
    }
  });
});

describe('rotatingWindow', () => {
  // 1_700_000_000_000 ms is 20 s into window 56_666_666 of 30 s (56_666_666 × 30_000 = 1_699_999_980_000).
  const now = new Date(1_700_000_000_000);

  it('numbers fixed windows from the Unix epoch', () => {
    expect(rotatingWindow(now, 30)).toEqual({
      index: 56_666_666,
      startsAt: new Date(1_699_999_980_000),
      endsAt: new Date(1_700_000_010_000),
      acceptUntil: new Date(1_700_000_040_000),
    });
  });

  it.each([
    ['at its first instant', 1_699_999_980_000, 56_666_666],
    ['at its last millisecond', 1_700_000_009_999, 56_666_666],
    ['at its end, which is the next window', 1_700_000_010_000, 56_666_667],
    ['1 ms before its start, the previous window', 1_699_999_979_999, 56_666_665],
  ])('%s', (_name, ms, index) => {
    expect(rotatingWindow(new Date(ms), 30).index).toBe(index);
  });

  it('leaves no gap and no overlap between windows', () => {
    const a = rotatingWindow(now, 45);
    const b = rotatingWindow(a.endsAt, 45);
    expect(b.index).toBe(a.index + 1);
    expect(b.startsAt).toEqual(a.endsAt);
    expect(a.acceptUntil).toEqual(b.endsAt);
  });

  it.each([0, -30, 1.5, Number.NaN])('refuses a period of %s seconds', (period) => {
    expect(() => rotatingWindow(now, period)).toThrow(RangeError);
  });

  describe('a check-in code accepts the current and the previous window only', () => {
    const shown = rotatingWindow(now, 30);
    const code = signToken(
      { s: 'sess_1', w: shown.index },
      { purpose: 'checkin', notBefore: shown.startsAt, expiresAt: shown.acceptUntil },
    );
    const start = shown.startsAt.getTime();

    it.each([
      ['before its window', start - 1, { ok: false, reason: 'not_yet_valid' }],
      ['in its own window', start, { ok: true, payload: { s: 'sess_1', w: shown.index } }],
      ['late in its own window', start + 29_999, { ok: true, payload: { s: 'sess_1', w: shown.index } }],
      ['in the next window (grace)', start + 30_000, { ok: true, payload: { s: 'sess_1', w: shown.index } }],
      ['at the end of the grace window', start + 59_999, { ok: true, payload: { s: 'sess_1', w: shown.index } }],
      ['two windows later', start + 60_000, { ok: false, reason: 'expired' }],
    ])('%s', (_name, ms, expected) => {
      expect(verifyToken(code, 'checkin', new Date(ms))).toEqual(expected);
    });
  });
});
