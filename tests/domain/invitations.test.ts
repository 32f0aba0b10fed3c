import {
  CODE_LENGTH,
  QR_PREFIX,
  acceptRefusal,
  invitationCode,
  invitationState,
  readInvitationCode,
  type StoredInvitation,
} from '../../server/domain/invitations';

const NOW = new Date('2026-12-04T02:00:00Z');
const open: StoredInvitation = {
  state: 'open',
  createdBy: 'admin',
  expiresAt: new Date('2026-12-05T02:00:00Z'),
  acceptedBy: null,
};

describe('invitation codes', () => {
  it('are 8 characters that cannot be misread, from the random bytes given', () => {
    const code = invitationCode(new Uint8Array([0, 1, 2, 30, 31, 255, 100, 7]));
    expect(code).toHaveLength(CODE_LENGTH);
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    expect(invitationCode(new Uint8Array([0, 1, 2, 30, 31, 255, 100, 7]))).toBe(code);
    expect(() => invitationCode(new Uint8Array(4))).toThrow(RangeError);
  });

  it.each([
    ['abcd efgh', 'ABCDEFGH'],
    ['ABCD-EFGH', 'ABCDEFGH'],
    [`${QR_PREFIX}ABCDEFGH`, 'ABCDEFGH'],
    [' abcdefgh ', 'ABCDEFGH'],
    ['ABCDEFG', null],
    ['ABCDEFGO', null],
    ['ABCDEFG1', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(readInvitationCode(input)).toBe(expected);
  });
});

describe('who may accept', () => {
  it.each<[string, StoredInvitation, string, string | null]>([
    ['anyone else, while open', open, 'someone', null],
    ['not the administrator who made it', open, 'admin', '这是您发出的邀请，请发给要担任这个角色的人'],
    ['nobody once expired', { ...open, expiresAt: NOW }, 'someone', '这个邀请已经过期，请向管理员要一个新的邀请'],
    ['nobody once revoked', { ...open, state: 'revoked' }, 'someone', '这个邀请已经被管理员撤销'],
    ['the same person again (a retry)', { ...open, state: 'accepted', acceptedBy: 'someone' }, 'someone', null],
    [
      'nobody else once used',
      { ...open, state: 'accepted', acceptedBy: 'someone' },
      'other',
      '这个邀请已经被其他人接受，请向管理员要一个新的邀请',
    ],
  ])('%s', (_name, inv, openid, refusal) => {
    expect(acceptRefusal(inv, openid, NOW)).toBe(refusal);
  });

  it('is expired from the instant it expires', () => {
    expect(invitationState({ ...open, expiresAt: new Date(NOW.getTime() + 1) }, NOW)).toBe('open');
    expect(invitationState({ ...open, expiresAt: NOW }, NOW)).toBe('expired');
  });
});
