/**
 * Which branch the secretary's desk works on. A secretary of one branch has no choice to make;
 * someone with several branches, or an administrator, picks one and the choice is remembered.
 * Display only: the server checks the branch against the caller's roles on every call.
 */
import type { CallerProfile } from '../../../typings';

export interface BranchChoice {
  id: string;
  name: string;
}

const STORAGE_KEY = 'secretaryBranch';

function isChoice(value: unknown): value is BranchChoice {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BranchChoice).id === 'string' &&
    (value as BranchChoice).id !== '' &&
    typeof (value as BranchChoice).name === 'string'
  );
}

/** The branches the caller is secretary of, in grant order. */
export function ownBranches(profile: CallerProfile): BranchChoice[] {
  return profile.roles
    .filter((grant) => grant.role === 'secretary')
    .map((grant) => ({ id: grant.scopeId, name: grant.scopeName }));
}

/** Administrators (and super administrators) may work on any branch under their nodes. */
export function overseesNodes(profile: CallerProfile): boolean {
  return profile.isSuperAdmin || profile.roles.some((grant) => grant.role === 'admin');
}

/** The branch chosen earlier on this phone, if any. */
export function rememberedBranch(): BranchChoice | null {
  try {
    const stored: unknown = wx.getStorageSync(STORAGE_KEY);
    return isChoice(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Remembers the branch for the next visit. */
export function rememberBranch(choice: BranchChoice): void {
  wx.setStorageSync(STORAGE_KEY, choice);
}

/**
 * The branch to work on: the remembered one while the caller may still choose it, else their
 * first own branch; `canChoose` when there is more than one possibility.
 */
export function resolveBranch(profile: CallerProfile): { branch: BranchChoice | null; canChoose: boolean } {
  const own = ownBranches(profile);
  const oversees = overseesNodes(profile);
  const canChoose = oversees || own.length > 1;
  const remembered = rememberedBranch();
  if (remembered && (oversees || own.some((b) => b.id === remembered.id))) return { branch: remembered, canChoose };
  return { branch: own[0] ?? null, canChoose };
}
