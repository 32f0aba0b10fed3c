import type { OrgNodeSummary } from '../models';

/** Actions of the `org` function: the organisation tree. */
export interface OrgApi {
  /** Children of a node (or the top level when `parentId` is omitted), for cascading pickers. */
  children: {
    input: { parentId?: string; types?: OrgNodeSummary['type'][] };
    output: { items: OrgNodeSummary[] };
  };
  /** One node. */
  get: { input: { id: string }; output: OrgNodeSummary };
}
