/** The node a desk action reads, and whether the caller may: a branch by whoever runs it, anything else by its administrators. */
import type { ReportPeriod } from '../domain/desk/periods';
import { hasBegun, parseReportPeriod, reportPeriodOf } from '../domain/desk/periods';
import { canAdminister, canRunBranch } from '../domain/scope';
import { findOrg, type OrgDoc } from '../orgs/org-store';
import { loadAccess } from '../platform/access';
import type { Access } from '../domain/scope';
import type { CallerIdentity } from '../platform/caller';
import { invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { BRANCH_TYPES } from '../sessions/store';

export const nodeIdSchema = labelled(z.string().trim().min(1).max(64), '组织');
export const periodKeySchema = labelled(
  z
    .string()
    .trim()
    .regex(/^\d{4}(-W\d{2}|-\d{2}|-Q[1-4])?$/, '格式应为 2026-W49、2026-12、2026-Q4 或 2026'),
  '时期',
);

export const isBranch = (node: Pick<OrgDoc, 'type'>) => BRANCH_TYPES.includes(node.type);

export function mayRead(access: Access, node: OrgDoc): boolean {
  const place = { id: node._id, ancestors: node.ancestors };
  return isBranch(node) ? canRunBranch(access, place) : canAdminister(access, place);
}

/** Load the node and refuse unless the caller may read its figures. */
export async function readableNode(caller: CallerIdentity, nodeId: string): Promise<{ node: OrgDoc; access: Access }> {
  const [access, node] = await Promise.all([loadAccess(caller), findOrg(nodeId)]);
  if (!node) throw notFound('该组织不存在');
  if (!mayRead(access, node)) throw permissionDenied('该组织不在您的管理范围内');
  return { node, access };
}

/** The period asked for (this month when none): a real one, already begun. */
export function periodAsked(key: string | undefined, now: Date): ReportPeriod {
  if (!key) return reportPeriodOf('month', now);
  const period = parseReportPeriod(key);
  if (!period) throw invalidArgument('没有这个时期，请检查周、月或季度', 'period');
  if (!hasBegun(period, now)) throw invalidArgument('该时期尚未开始，没有可统计的数字', 'period');
  return period;
}
