import { createHmac, hkdfSync } from 'node:crypto';
import { LOCAL_DEV_SENSITIVE_KEY } from '../../emulator/dev-keys';
import { hashSensitive, openSensitive, parseSecretKey, sealSensitive } from '../../server/platform/sensitive';
import type * as ModuleNamespace from '../../server/platform/sensitive';

type SensitiveModule = typeof ModuleNamespace;

const ENV = 'SENSITIVE_DATA_KEY';
const saved = process.env[ENV];
const OTHER_KEY = Buffer.alloc(32, 7).toString('hex');

/** A fresh copy of the module (empty key cache) that reads `key` from the environment on first use. */
function withKey(key: string | undefined): SensitiveModule {
  if (key === undefined) delete process.env[ENV];
  else process.env[ENV] = key;
  let mod: SensitiveModule | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<SensitiveModule>('../../server/platform/sensitive');
  });
  return mod!;
}

function flipByte(cipher: string, index: number): string {
  const [version, body] = cipher.split(':') as [string, string];
  const bytes = Buffer.from(body, 'base64');
  bytes[index] = bytes[index]! ^ 0x01;
  return `${version}:${bytes.toString('base64')}`;
}

// Set after the import: the key is read on first use, not at load.
process.env[ENV] = LOCAL_DEV_SENSITIVE_KEY;
afterEach(() => {
  process.env[ENV] = LOCAL_DEV_SENSITIVE_KEY;
});
afterAll(() => {
  if (saved === undefined) delete process.env[ENV];
  else process.env[ENV] = saved;
});

describe('sealSensitive / openSensitive', () => {
  it.each([
    ['idCard', '11010519491231002X', '11010519491231002X', '1****************X'],
    ['idCard', ' 11010519491231002x ', '11010519491231002X', '1****************X'],
    ['phone', '13812345678', '13812345678', '138****5678'],
    ['phone', '+86 138-1234-5678', '13812345678', '138****5678'],
  ] as const)('%s %j: round trip of the normalised value, with its mask', (kind, input, stored, masked) => {
    const sealed = sealSensitive(kind, input);
    expect(sealed.masked).toBe(masked);
    expect(openSensitive(sealed.cipher)).toBe(stored);
  });

  it('writes a versioned cipher: v1, then base64 of a 12-byte iv, a 16-byte tag and the ciphertext', () => {
    const { cipher } = sealSensitive('phone', '13812345678');
    expect(cipher).toMatch(/^v1:[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(cipher.slice(3), 'base64')).toHaveLength(12 + 16 + 11);
  });

  it('never stores the value in the clear', () => {
    const sealed = sealSensitive('idCard', '350203199001011248');
    const stored = JSON.stringify(sealed);
    expect(stored).not.toContain('350203199001011248');
    expect(stored).not.toContain('19900101');
    expect(Buffer.from(sealed.cipher.slice(3), 'base64').toString('latin1')).not.toContain('19900101');
  });

  it('uses a fresh iv each time, so equal values do not have equal ciphers', () => {
    const a = sealSensitive('phone', '13812345678');
    const b = sealSensitive('phone', '13812345678');
    expect(a.cipher).not.toBe(b.cipher);
    expect(a.hash).toBe(b.hash);
  });

  it('refuses invalid values without repeating them in the error', () => {
    for (const [kind, value] of [
      ['idCard', '350203199001011234'],
      ['phone', '12812345678'],
    ] as const) {
      expect(() => sealSensitive(kind, value)).toThrow(/not valid/);
      expect(() => sealSensitive(kind, value)).not.toThrow(value);
      expect(() => hashSensitive(kind, value)).toThrow(/not valid/);
    }
  });
});

describe('openSensitive refuses what it did not seal', () => {
  const { cipher } = sealSensitive('idCard', '11010519491231002X');

  it.each([
    ['iv', 0],
    ['last iv byte', 11],
    ['tag', 12],
    ['last tag byte', 27],
    ['ciphertext', 28],
    ['last ciphertext byte', 12 + 16 + 17],
  ])('a flipped bit in the %s', (_part, index) => {
    expect(() => openSensitive(flipByte(cipher, index))).toThrow(/failed authentication/);
  });

  it.each([
    ['another version label', cipher.replace(/^v1:/, 'v2:'), /unknown key version v2/],
    ['no version', cipher.slice(3), /not a sealed value/],
    ['plain text', '11010519491231002X', /not a sealed value/],
    ['empty', '', /not a sealed value/],
    ['truncated to iv and tag', `v1:${Buffer.alloc(28).toString('base64')}`, /truncated/],
    [
      'a dropped last byte',
      `v1:${Buffer.from(cipher.slice(3), 'base64').subarray(0, -1).toString('base64')}`,
      /failed/,
    ],
  ])('%s', (_name, input, error) => {
    expect(() => openSensitive(input)).toThrow(error);
  });

  it('a cipher sealed under another key', () => {
    const other = withKey(OTHER_KEY);
    const foreign = other.sealSensitive('idCard', '11010519491231002X').cipher;
    expect(() => openSensitive(foreign)).toThrow(/failed authentication/);
  });
});

describe('hashSensitive: duplicate detection', () => {
  it.each([
    [
      'idCard',
      '11010519491231002X',
      ['11010519491231002x', '  11010519491231002X ', '１１０１０５１９４９１２３１００２Ｘ'],
    ],
    ['phone', '13812345678', ['+86 13812345678', '138-1234-5678', '0086 138 1234 5678', '8613812345678']],
  ] as const)('%s: every way of typing %s gives one hash', (kind, canonical, variants) => {
    const expected = hashSensitive(kind, canonical);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    for (const v of variants) expect(hashSensitive(kind, v)).toBe(expected);
    expect(sealSensitive(kind, variants[0]).hash).toBe(expected);
  });

  it('different values give different hashes', () => {
    expect(hashSensitive('phone', '13812345678')).not.toBe(hashSensitive('phone', '13812345679'));
    expect(hashSensitive('idCard', '11010519491231002X')).not.toBe(hashSensitive('idCard', '350203199001011248'));
  });

  // Known answers, computed outside this code (Python, RFC 5869 HKDF-SHA256, salt "liudong-xianfeng", info
  // "sensitive/hmac-sha256/<kind>", then HMAC-SHA256). Stored hashes depend on them: if this test fails,
  // every existing duplicate-detection index has been orphaned.
  it.each([
    ['phone', '13812345678', 'da1c7edbfd09f704403e293179798c78757210d54a35bae90d7324d550253098'],
    ['idCard', '11010519491231002X', 'f5fa52e1e9cb5a5dbe42adb30c7a768f49c355fa8db99d12595ae1feb9ebf3c8'],
  ] as const)('%s known answer under the local dev key', (kind, value, hash) => {
    expect(hashSensitive(kind, value)).toBe(hash);
  });

  it('keeps kinds apart: each kind hashes with its own key', () => {
    const master = Buffer.from(LOCAL_DEV_SENSITIVE_KEY, 'base64');
    const hmacWith = (kind: string, value: string) =>
      createHmac(
        'sha256',
        Buffer.from(hkdfSync('sha256', master, 'liudong-xianfeng', `sensitive/hmac-sha256/${kind}`, 32)),
      )
        .update(value)
        .digest('hex');
    expect(hashSensitive('phone', '13812345678')).toBe(hmacWith('phone', '13812345678'));
    expect(hashSensitive('phone', '13812345678')).not.toBe(hmacWith('idCard', '13812345678'));
    expect(hashSensitive('idCard', '11010519491231002X')).not.toBe(hmacWith('phone', '11010519491231002X'));
  });

  it('is keyed: another key gives another hash, so a leaked table cannot be matched by hashing guesses', () => {
    const other = withKey(OTHER_KEY);
    expect(other.hashSensitive('phone', '13812345678')).not.toBe(hashSensitive('phone', '13812345678'));
  });
});

describe('the key', () => {
  const bytes = Buffer.alloc(32, 0xab);

  it.each([
    ['base64', bytes.toString('base64')],
    ['base64url without padding', Buffer.alloc(32, 0xfb).toString('base64url')],
    ['hex', bytes.toString('hex')],
    ['HEX', bytes.toString('hex').toUpperCase()],
    ['with surrounding whitespace', ` ${bytes.toString('base64')}\n`],
  ])('accepts 32 bytes as %s', (_name, text) => {
    expect(parseSecretKey(ENV, text)).toHaveLength(32);
  });

  it('decodes the local dev key to 32 bytes', () => {
    expect(parseSecretKey(ENV, LOCAL_DEV_SENSITIVE_KEY)).toHaveLength(32);
  });

  it.each([
    ['missing', undefined, /SENSITIVE_DATA_KEY is not set/],
    ['empty', '', /SENSITIVE_DATA_KEY is not set/],
    ['16 bytes of base64', Buffer.alloc(16, 1).toString('base64'), /must be 32 bytes .*got 16/],
    ['31 bytes of hex', Buffer.alloc(31, 1).toString('hex'), /must be 32 bytes .*got 31/],
    ['33 bytes of base64', Buffer.alloc(33, 1).toString('base64'), /must be 32 bytes .*got 33/],
    ['a passphrase', 'correct horse battery staple', /neither base64 nor hex/],
  ])('refuses a key that is %s', (_name, text, error) => {
    expect(() => parseSecretKey(ENV, text)).toThrow(error);
  });

  it('does not repeat a wrong key in the error', () => {
    const short = Buffer.alloc(16, 0x5a).toString('base64');
    expect(() => parseSecretKey(ENV, short)).not.toThrow(short);
  });

  it('stops sealing and opening when the environment has no key', () => {
    const fresh = withKey(undefined);
    expect(() => fresh.sealSensitive('phone', '13812345678')).toThrow(/SENSITIVE_DATA_KEY is not set/);
    expect(() => fresh.openSensitive(sealSensitive('phone', '13812345678').cipher)).toThrow(/not set/);
    expect(() => fresh.hashSensitive('phone', '13812345678')).toThrow(/not set/);
  });

  it('stops when the key is too short', () => {
    const fresh = withKey(Buffer.alloc(16).toString('base64'));
    expect(() => fresh.sealSensitive('phone', '13812345678')).toThrow(/must be 32 bytes/);
  });

  it('reads the environment on first use, then keeps that key', () => {
    const fresh = withKey(undefined);
    process.env[ENV] = LOCAL_DEV_SENSITIVE_KEY; // set after loading, before the first call
    const sealed = fresh.sealSensitive('phone', '13812345678');
    process.env[ENV] = OTHER_KEY; // changing it later does not change the cached key
    expect(fresh.openSensitive(sealed.cipher)).toBe('13812345678');
    expect(openSensitive(sealed.cipher)).toBe('13812345678'); // the same key as this file's copy
  });
});
