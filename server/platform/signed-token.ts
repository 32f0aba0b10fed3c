/**
 * Compact signed tokens for QR codes: the activity certificate's code and the rotating check-in code.
 *
 * Format: `base64url(JSON [purpose, notBefore, expiresAt, payload]) "." base64url(HMAC-SHA256)[:16 bytes]`,
 * times in whole Unix seconds (0 = none). The payload is signed, not encrypted: anyone can read it, so put
 * only opaque ids in it (a certificate id, a session id), never a name, 身份证号 or phone.
 *
 * Key: 32 bytes from `TOKEN_SIGNING_KEY` (base64 or hex), read on first use and cached; HKDF derives the
 * HMAC key from it. Changing the key invalidates every token, which is acceptable because codes are signed
 * afresh each time they are shown.
 *
 * Revocation is not the token's business: a valid token proves what the server signed and when, and the
 * certificate handler still checks the certificate's stored status (revoked, returned) before saying valid.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, parseSecretKey } from './sensitive';

/** What a token carries: short keys and flat values keep the QR code small. */
export type TokenPayload = Record<string, string | number>;

/** Why a token was refused; the caller turns these into its own message (e.g. 二维码已过期，请刷新). */
export type TokenFailure = 'malformed' | 'bad_signature' | 'wrong_purpose' | 'expired' | 'not_yet_valid';

/** Outcome of checking a scanned token. */
export type TokenResult = { ok: true; payload: TokenPayload } | { ok: false; reason: TokenFailure };

/** Options for signing: what the token is for, and the time it is valid in. */
export interface SignOptions {
  /** Which kind of code this is ('certificate', 'checkin'): a token of one purpose is refused as another. */
  purpose: string;
  /** First instant refused (exclusive end); rounded down to the second. Absent: no expiry. */
  expiresAt?: Date;
  /** First instant accepted (inclusive start); rounded up to the second. Absent: valid at once. */
  notBefore?: Date;
}

const ENV_NAME = 'TOKEN_SIGNING_KEY';
// 128 bits of HMAC-SHA256 (truncation as NIST SP 800-107 allows): 22 characters instead of 43 in the QR.
const MAC_BYTES = 16;
const MAC_CHARS = 22;
const MAX_TOKEN_CHARS = 2048;

let cachedKey: Buffer | undefined;

function signingKey(): Buffer {
  cachedKey ??= deriveKey(parseSecretKey(ENV_NAME, process.env[ENV_NAME]), 'token/hmac-sha256');
  return cachedKey;
}

function mac(body: string): string {
  return createHmac('sha256', signingKey()).update(body, 'ascii').digest().subarray(0, MAC_BYTES).toString('base64url');
}

/** A token for a QR code that the server alone can have made, bound to one purpose and a validity window. */
export function signToken(payload: TokenPayload, opts: SignOptions): string {
  if (!opts.purpose) throw new TypeError('signToken: purpose is required');
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
      throw new TypeError(`signToken: payload.${key} must be a string or a finite number`);
    }
  }
  const nbf = opts.notBefore ? Math.ceil(epochMs(opts.notBefore) / 1000) : 0;
  const exp = opts.expiresAt ? Math.floor(epochMs(opts.expiresAt) / 1000) : 0;
  if (opts.expiresAt && exp <= Math.max(nbf, 0)) throw new RangeError('signToken: expiresAt must be after notBefore');
  const body = Buffer.from(JSON.stringify([opts.purpose, nbf, exp, payload]), 'utf8').toString('base64url');
  return `${body}.${mac(body)}`;
}

/**
 * Check a scanned token: signature first (nothing unsigned is believed), then purpose, then time. The
 * instant `expiresAt` itself is already expired and the instant `notBefore` itself is valid, so adjacent
 * windows never overlap.
 */
export function verifyToken(token: string, purpose: string, now: Date = new Date()): TokenResult {
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'malformed' };
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const body = match[1]!;
  const given = match[2]!;
  if (given.length !== MAC_CHARS) return { ok: false, reason: 'bad_signature' };
  // Compare the canonical encodings, so that no second spelling of the same MAC is accepted.
  if (!timingSafeEqual(Buffer.from(given, 'ascii'), Buffer.from(mac(body), 'ascii'))) {
    return { ok: false, reason: 'bad_signature' };
  }

  const claims = decodeClaims(body);
  if (!claims) return { ok: false, reason: 'malformed' };
  const [tokenPurpose, nbf, exp, payload] = claims;
  if (tokenPurpose !== purpose) return { ok: false, reason: 'wrong_purpose' };
  const at = epochMs(now);
  if (nbf !== 0 && at < nbf * 1000) return { ok: false, reason: 'not_yet_valid' };
  if (exp !== 0 && at >= exp * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/** One window of a rotating code: `index` numbers it, and the code shown in it stays accepted until `acceptUntil`. */
export interface RotatingWindow {
  index: number;
  startsAt: Date;
  /** Exclusive: the next window starts here. */
  endsAt: Date;
  /** `endsAt` plus one period: the current and the previous window's codes are accepted. */
  acceptUntil: Date;
}

/**
 * The fixed window of `periodSeconds` containing `now` (aligned to the Unix epoch, so every server agrees).
 * A check-in code is `signToken({ s: sessionId, w: index }, { purpose: 'checkin', notBefore: startsAt,
 * expiresAt: acceptUntil })`. One window of grace lets a code scanned just before it changes still count
 * after a slow upload, while a screenshot forwarded to someone absent dies within two periods: with 30 s
 * windows a code works for 30–60 s after it first appears.
 */
export function rotatingWindow(now: Date, periodSeconds: number): RotatingWindow {
  if (!Number.isInteger(periodSeconds) || periodSeconds < 1) {
    throw new RangeError('rotatingWindow: periodSeconds must be a positive whole number');
  }
  const periodMs = periodSeconds * 1000;
  const index = Math.floor(epochMs(now) / periodMs);
  const startsAt = index * periodMs;
  return {
    index,
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + periodMs),
    acceptUntil: new Date(startsAt + 2 * periodMs),
  };
}

function epochMs(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('signed-token: invalid date');
  return ms;
}

function decodeClaims(body: string): [string, number, number, TokenPayload] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [purpose, nbf, exp, payload] = parsed as unknown[];
  if (typeof purpose !== 'string' || !isSeconds(nbf) || !isSeconds(exp)) return undefined;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const values = Object.values(payload as Record<string, unknown>);
  if (!values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
  return [purpose, nbf, exp, payload as TokenPayload];
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
