/** Remote operations of the `org` function. */
import type { OrgNodeSummary } from '../../typings';
import { callFunction } from './cloud';

/** Children of a node, or the top-level nodes when `parentId` is omitted. */
export async function fetchOrgChildren(parentId?: string): Promise<OrgNodeSummary[]> {
  const { items } = await callFunction('org', 'children', parentId === undefined ? {} : { parentId });
  return items;
}
