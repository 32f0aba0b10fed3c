import { canAdminister, canRunBranch, isWithin, type Access } from '../../server/domain/scope';

const branch = { id: 'b1', ancestors: ['xm', 'xm-siming', 'xm-siming-zhonghua'] };
const otherBranch = { id: 'b2', ancestors: ['xm', 'xm-huli'] };
const access = (grants: Access['grants'], isSuperAdmin = false): Access => ({ openid: 'o', isSuperAdmin, grants });

describe('scope of roles', () => {
  it('places a node within itself and its ancestors only', () => {
    expect(isWithin(branch, 'b1')).toBe(true);
    expect(isWithin(branch, 'xm-siming')).toBe(true);
    expect(isWithin(branch, 'xm-huli')).toBe(false);
  });

  it.each([
    ['district admin over a branch below', [{ role: 'admin', scopeId: 'xm-siming', scopeName: '' }], branch, true],
    [
      'district admin over another district',
      [{ role: 'admin', scopeId: 'xm-siming', scopeName: '' }],
      otherBranch,
      false,
    ],
    ['secretary is not an administrator', [{ role: 'secretary', scopeId: 'b1', scopeName: '' }], branch, false],
    ['plain member', [], branch, false],
  ] as const)('canAdminister: %s', (_name, grants, place, expected) => {
    expect(canAdminister(access(grants), place)).toBe(expected);
  });

  it.each([
    ['its secretary', [{ role: 'secretary', scopeId: 'b1', scopeName: '' }], branch, true],
    ['the secretary of another branch', [{ role: 'secretary', scopeId: 'b2', scopeName: '' }], branch, false],
    ['an administrator above it', [{ role: 'admin', scopeId: 'xm', scopeName: '' }], otherBranch, true],
    ['a plain member', [], branch, false],
  ] as const)('canRunBranch: %s', (_name, grants, place, expected) => {
    expect(canRunBranch(access(grants), place)).toBe(expected);
  });

  it('lets a super administrator everywhere', () => {
    expect(canAdminister(access([], true), otherBranch)).toBe(true);
    expect(canRunBranch(access([], true), branch)).toBe(true);
  });
});
