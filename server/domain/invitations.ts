/**
 * Invitations to a role: the code's shape, how long one lasts, and who may accept it. Pure: the
 * handlers bring the random bytes, the stored invitation and the time.
 */

/** An invitation lasts three days: long enough to reach someone at work, short enough to be safe if lost. */
export const INVITATION_HOURS = 72;

/** Letters and digits that cannot be mistaken for one another when read out (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
/** What a QR code carries, so 我的 → 扫码 knows an invitation from any other code. */
export const QR_PREFIX = 'LXXF-INVITE:';

/** A code from random bytes (at least CODE_LENGTH of them): about 40 bits, and one use. */
export function invitationCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError('invitationCode: not enough random bytes');
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return code;
}

/**
 * What the person typed or scanned, as a code: the QR prefix, spaces, dashes and case do not
 * matter. Null when it cannot be one.
 */
export function readInvitationCode(input: string): string | null {
  const text = input.trim().toUpperCase();
  const bare = (text.startsWith(QR_PREFIX) ? text.slice(QR_PREFIX.length) : text).replace(/[\s-]/g, '');
  if (bare.length !== CODE_LENGTH) return null;
  for (const ch of bare) if (!ALPHABET.includes(ch)) return null;
  return bare;
}

export interface StoredInvitation {
  state: 'open' | 'accepted' | 'revoked';
  createdBy: string;
  expiresAt: Date;
  acceptedBy: string | null;
}

export function invitationState(inv: StoredInvitation, now: Date): 'open' | 'accepted' | 'revoked' | 'expired' {
  if (inv.state !== 'open') return inv.state;
  return now.getTime() >= new Date(inv.expiresAt).getTime() ? 'expired' : 'open';
}

/** Why this caller may not accept it now (in Chinese), or null when they may. */
export function acceptRefusal(inv: StoredInvitation, openid: string, now: Date): string | null {
  switch (invitationState(inv, now)) {
    case 'accepted':
      return inv.acceptedBy === openid ? null : '这个邀请已经被其他人接受，请向管理员要一个新的邀请';
    case 'revoked':
      return '这个邀请已经被管理员撤销';
    case 'expired':
      return '这个邀请已经过期，请向管理员要一个新的邀请';
    case 'open':
      return inv.createdBy === openid ? '这是您发出的邀请，请发给要担任这个角色的人' : null;
  }
}
