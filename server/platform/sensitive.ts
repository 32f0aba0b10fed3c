/**
 * Sensitive personal data (身份证号, phone): what is stored is a ciphertext (AES-256-GCM), a keyed hash
 * (HMAC-SHA256) to find duplicates without decrypting, and a masked copy for display. Never the plain value.
 *
 * Keys: one 32-byte master key from `SENSITIVE_DATA_KEY` (base64 or hex). HKDF-SHA256 derives from it,
 * under distinct labels, the encryption key and one hashing key per kind, so the master key is never used
 * directly and a phone hash can never equal an 身份证号 hash. The environment is read on first use and the
 * keys cached, so tests (and the local host) can set the variable before then.
 *
 * Rotation: a ciphertext starts with its key version (`v1:`). A later key is added as a new version, and
 * old ciphertexts stay readable until re-sealed. Hashes are used for lookups, so the hashing keys must
 * outlive a rotation (keep deriving them from the v1 key, or re-hash every record).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { parseIdCard } from '../domain/id-card';
import { maskIdCard, maskPhone } from '../domain/masking';
import { parseContactPhone, parseMobile } from '../domain/phone';

/** The kinds of sensitive value; each has its own normal form, mask and hashing key. */
export type SensitiveKind = 'idCard' | 'phone' | 'contactPhone';

/** What a record stores for one sensitive value. */
export interface SealedSensitive {
  /** `v1:` + base64(iv ‖ tag ‖ ciphertext). */
  cipher: string;
  /** Hex HMAC-SHA256 of the normalised value, the same for the same value: index it to find duplicates. */
  hash: string;
  /** Masked copy, safe to show (see server/domain/masking.ts). */
  masked: string;
}

const ENV_NAME = 'SENSITIVE_DATA_KEY';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = 'liudong-xianfeng';

interface Keys {
  encryption: Buffer;
  hashing: Record<SensitiveKind, Buffer>;
}

let cachedKeys: Keys | undefined;

/**
 * A 32-byte key from an environment variable's text (64 hex digits, or base64 / base64url), failing with a
 * message that says what to set, never what was set: a wrong key must stop the function, not corrupt data.
 */
export function parseSecretKey(name: string, value: string | undefined): Buffer {
  const text = (value ?? '').trim();
  if (text === '') {
    throw new Error(`${name} is not set: it must be 32 random bytes as base64 or hex (openssl rand -base64 32)`);
  }
  let key: Buffer;
  // Hex first: 64 hex digits are also valid base64 (of 48 bytes). Node's base64 decoder reads base64url too.
  if (/^(?:[0-9a-fA-F]{2})+$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) key = Buffer.from(text, 'base64');
  else throw new Error(`${name} is neither base64 nor hex: it must be 32 random bytes as base64 or hex`);
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes (base64 or hex), got ${key.length}`);
  return key;
}

/** A subkey for one use of a master key; distinct labels give independent keys. */
export function deriveKey(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, HKDF_SALT, label, 32));
}

function keys(): Keys {
  if (!cachedKeys) {
    const master = parseSecretKey(ENV_NAME, process.env[ENV_NAME]);
    cachedKeys = {
      encryption: deriveKey(master, `sensitive/${VERSION}/aes-256-gcm`),
      hashing: {
        idCard: deriveKey(master, 'sensitive/hmac-sha256/idCard'),
        phone: deriveKey(master, 'sensitive/hmac-sha256/phone'),
        contactPhone: deriveKey(master, 'sensitive/hmac-sha256/contactPhone'),
      },
    };
  }
  return cachedKeys;
}

/**
 * The one normal form of a value, so that spacing, case or a +86 prefix cannot make one person two. Throws
 * on an invalid value: callers validate (parseIdCard, parseMobile) and answer the person first. The value
 * itself is never put in the message.
 */
function normalise(kind: SensitiveKind, plain: string): string {
  if (kind === 'idCard') {
    const result = parseIdCard(plain);
    if (result.ok) return result.value.number;
  } else {
    const result = kind === 'phone' ? parseMobile(plain) : parseContactPhone(plain);
    if (result.ok) return result.value;
  }
  throw new Error(`sensitive: the ${kind} value is not valid (validate input before sealing or hashing)`);
}

/** Everything a record stores for a sensitive value: ciphertext, duplicate-detection hash and masked copy. */
export function sealSensitive(kind: SensitiveKind, plain: string): SealedSensitive {
  const value = normalise(kind, plain);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys().encryption, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    cipher: `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`,
    hash: hashValue(kind, value),
    masked: kind === 'idCard' ? maskIdCard(value) : maskPhone(value),
  };
}

/** The plain value back, for the few roles that need it; throws if the ciphertext was altered or the key is wrong. */
export function openSensitive(sealed: string): string {
  const match = /^(v\d+):([A-Za-z0-9+/]+={0,2})$/.exec(sealed);
  if (!match) throw new Error('openSensitive: not a sealed value');
  if (match[1] !== VERSION) throw new Error(`openSensitive: unknown key version ${match[1]}`);
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new Error('openSensitive: sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', keys().encryption, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('openSensitive: sealed value failed authentication (altered, or sealed with another key)');
  }
}

/** The duplicate-detection hash of a value as typed: look a person up by it without decrypting anything. */
export function hashSensitive(kind: SensitiveKind, plain: string): string {
  return hashValue(kind, normalise(kind, plain));
}

function hashValue(kind: SensitiveKind, value: string): string {
  return createHmac('sha256', keys().hashing[kind]).update(value, 'utf8').digest('hex');
}
