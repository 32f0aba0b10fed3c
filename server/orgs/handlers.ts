import { z } from 'zod';
import type { OrgNodeType } from '../../typings/models';
import type { Handler } from '../platform/dispatch';
import { notFound } from '../platform/errors';
import { labelled } from '../platform/validation';
import { findOrg, listChildren, toSummary } from './org-store';

export const ORG_NODE_TYPES = [
  'city',
  'district',
  'street',
  'community',
  'industry_committee',
  'home_county_org',
  'mobile_branch',
  'branch',
  'station',
] as const satisfies readonly OrgNodeType[];

const orgId = labelled(z.string().trim().min(1).max(64), '组织编号');

/** The organisation tree is public within the product: any signed-in caller may read it. */
export const children: Handler<'org', 'children'> = {
  input: z.object({
    parentId: orgId.optional(),
    types: labelled(z.array(z.enum(ORG_NODE_TYPES)).max(ORG_NODE_TYPES.length), '组织类型').optional(),
  }),
  async run({ parentId, types }) {
    if (parentId && !(await findOrg(parentId))) throw notFound('该组织不存在');
    const docs = await listChildren(parentId ?? null, types);
    return { items: docs.map(toSummary) };
  },
};

export const get: Handler<'org', 'get'> = {
  input: z.object({ id: orgId }),
  async run({ id }) {
    const doc = await findOrg(id);
    if (!doc || doc.closed) throw notFound('该组织不存在');
    return toSummary(doc);
  },
};
