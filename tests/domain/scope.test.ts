import {
  canAdminister,
  canRunBranch,
  canSeeMember,
  catchmentIds,
  isWithin,
  type Access,
  type Grant,
} from '../../server/domain/scope';

const branch = { id: 'b1', ancestors: ['xm', 'xm-siming', 'xm-siming-zhonghua'] };
const otherBranch = { id: 'b2', ancestors: ['xm', 'xm-huli'] };
/** A grant over the last node of `path` (its ancestors first). */
const grant = (role: Grant['role'], path: string[]): Grant => ({
  role,
  scopeId: path[path.length - 1]!,
  scopeName: '',
  scopePath: path,
});
const access = (grants: Grant[], isSuperAdmin = false): Access => ({ openid: 'o', isSuperAdmin, grants });

const simingAdmin = grant('admin', ['xm', 'xm-siming']);
const b1Secretary = grant('secretary', ['xm', 'xm-siming', 'xm-siming-zhonghua', 'b1']);
const b2Secretary = grant('secretary', ['xm', 'xm-huli', 'b2']);

describe('scope of roles', () => {
  it('places a node within itself and its ancestors only', () => {
    expect(isWithin(branch, 'b1')).toBe(true);
    expect(isWithin(branch, 'xm-siming')).toBe(true);
    expect(isWithin(branch, 'xm-huli')).toBe(false);
  });

  it.each([
    ['district admin over a branch below', [simingAdmin], branch, true],
    ['district admin over another district', [simingAdmin], otherBranch, false],
    ['secretary is not an administrator', [b1Secretary], branch, false],
    ['plain member', [], branch, false],
  ])('canAdminister: %s', (_name, grants, place, expected) => {
    expect(canAdminister(access(grants), place)).toBe(expected);
  });

  it.each([
    ['its secretary', [b1Secretary], branch, true],
    ['the secretary of another branch', [b2Secretary], branch, false],
    ['an administrator above it', [grant('admin', ['xm'])], otherBranch, true],
    ['a plain member', [], branch, false],
  ])('canRunBranch: %s', (_name, grants, place, expected) => {
    expect(canRunBranch(access(grants), place)).toBe(expected);
  });

  it('lets a super administrator everywhere', () => {
    expect(canAdminister(access([], true), otherBranch)).toBe(true);
    expect(canRunBranch(access([], true), branch)).toBe(true);
  });
});

describe('who sees a member', () => {
  const pendingInZhonghua = {
    state: 'pending',
    branchId: null,
    orgPath: [],
    candidateScopes: ['xm', 'xm-siming', 'xm-siming-zhonghua', 'xm-ind-express'],
  };
  const activeInB1 = { state: 'active', branchId: 'b1', orgPath: [...branch.ancestors, 'b1'], candidateScopes: [] };

  it('sees a secretary catch pending members under the node their branch serves', () => {
    expect(catchmentIds(access([b1Secretary, simingAdmin]))).toEqual(['xm-siming-zhonghua', 'xm-siming']);
  });

  it.each([
    ['the secretary of a branch in that street', [b1Secretary], pendingInZhonghua, true],
    ['the secretary of a branch in another district', [b2Secretary], pendingInZhonghua, false],
    ['the administrator of the district', [simingAdmin], pendingInZhonghua, true],
    ['a plain member', [], pendingInZhonghua, false],
    ['the secretary of their branch', [b1Secretary], activeInB1, true],
    ['the secretary of another branch', [b2Secretary], activeInB1, false],
    ['an administrator above their branch', [simingAdmin], activeInB1, true],
    ['an administrator elsewhere', [grant('admin', ['xm', 'xm-huli'])], activeInB1, false],
  ])('%s: %s', (_who, grants, member, expected) => {
    expect(canSeeMember(access(grants), member)).toBe(expected);
  });
});
