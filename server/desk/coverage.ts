/**
 * `desk.coverage`: 覆盖 for one organisation node, counted now. Every number is an indexed
 * `count()` (or one document for the oldest and the middle wait), in parallel: a fixed number of
 * round trips whatever the size of the subtree, and no member is listed.
 */
import { COLLECTIONS } from '../../database/collections';
import type { FigureView } from '../../typings/areas/desk';
import { figureOf, figureText, medianDays, rateOf, type FigureId } from '../domain/desk/figures';
import { canAdminister, canRunBranch } from '../domain/scope';
import { findOrg } from '../orgs/org-store';
import { loadAccess } from '../platform/access';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound, permissionDenied } from '../platform/errors';
import { labelled, z } from '../platform/validation';
import { BRANCH_TYPES } from '../sessions/store';

const DAY_MS = 24 * 3600_000;

const count = async (collection: string, where: Record<string, unknown>) =>
  (await db.collection(collection).where(where).count()).total;

/** Submission times of pending registrations in waiting order (oldest first), `limit` from `skip`. */
async function pendingSubmitted(nodeId: string, skip: number, limit: number): Promise<Date[]> {
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ candidateScopes: nodeId, state: 'pending' })
    .orderBy('submittedAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(limit)
    .field({ submittedAt: true })
    .get();
  return (res.data as { submittedAt: Date | string }[]).map((d) => new Date(d.submittedAt));
}

/** The one or two middle submissions of `pending`, for the median wait. */
const middleSubmitted = (nodeId: string, pending: number) =>
  pending === 0
    ? Promise.resolve([])
    : pendingSubmitted(nodeId, Math.floor((pending - 1) / 2), pending % 2 === 1 ? 1 : 2);

const daysSince = (at: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));

function figure(id: FigureId, value: number | null): FigureView {
  const spec = figureOf(id)!;
  return { id, name: spec.name, value, text: figureText(spec, value), definition: spec.definition };
}

const rateFigure = (id: FigureId, numerator: number, denominator: number): FigureView =>
  figure(id, rateOf(numerator, denominator, '').permille);

export const coverage: Handler<'desk', 'coverage'> = {
  input: z.object({ nodeId: labelled(z.string().trim().min(1).max(64), '组织') }),
  async run({ nodeId }, { caller }) {
    const [access, node] = await Promise.all([loadAccess(caller), findOrg(nodeId)]);
    if (!node) throw notFound('该组织不存在');
    const place = { id: node._id, ancestors: node.ancestors };
    const allowed = BRANCH_TYPES.includes(node.type) ? canRunBranch(access, place) : canAdminister(access, place);
    if (!allowed) throw permissionDenied('该组织不在您的管理范围内');

    const now = new Date();
    const [found, pending, assigned, sentBack, lostContact, [oldest]] = await Promise.all([
      count(COLLECTIONS.memberImports, { scopePath: nodeId }),
      count(COLLECTIONS.members, { candidateScopes: nodeId, state: 'pending' }),
      count(COLLECTIONS.members, { orgPath: nodeId, state: 'active' }),
      count(COLLECTIONS.members, { candidateScopes: nodeId, state: 'sent_back' }),
      count(COLLECTIONS.members, { orgPath: nodeId, state: 'lost_contact' }),
      pendingSubmitted(nodeId, 0, 1),
    ]);
    const median = medianDays((await middleSubmitted(nodeId, pending)).map((at) => daysSince(at, now)));
    const registered = pending + assigned;
    return {
      nodeId,
      nodeName: node.name,
      asOf: now.toISOString(),
      figures: [
        figure('coverage.found', found),
        figure('coverage.registered', registered),
        figure('coverage.assigned', assigned),
        rateFigure('coverage.registrationRate', registered, found),
        rateFigure('coverage.assignmentRate', assigned, registered),
        figure('coverage.pending', pending),
        figure('coverage.pendingMedianDays', median),
        figure('coverage.pendingOldestDays', oldest ? daysSince(oldest, now) : null),
        figure('coverage.sentBack', sentBack),
        figure('coverage.lostContact', lostContact),
      ],
    };
  },
};
