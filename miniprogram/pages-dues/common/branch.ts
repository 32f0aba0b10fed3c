/**
 * Which branch a secretary's dues page works on: the one in the page's query (from the secretary's
 * desk), else the caller's first branch as secretary. Display only: the server checks every call.
 */
import { CallError } from '../../services/cloud';
import { fetchWhoami } from '../../services/user';

export interface BranchRef {
  id: string;
  name: string;
}

export async function branchOf(query: Record<string, string | undefined>): Promise<BranchRef> {
  if (query.branchId) return { id: query.branchId, name: query.branchName ?? '' };
  const profile = await fetchWhoami();
  const grant = profile.roles.find((g) => g.role === 'secretary');
  if (!grant) {
    throw new CallError({ code: 'PERMISSION_DENIED', message: '这里是支部书记办理党费的地方，请从书记工作台进入。' });
  }
  return { id: grant.scopeId, name: grant.scopeName };
}
