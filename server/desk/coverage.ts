/**
 * 覆盖 counted now, for a node or for each of its children (a ranking), by aggregation on indexed
 * fields: people found (摸排 rows under the node), registrations pending or sent back (by the
 * scopes they may be placed in), members assigned or lost (by their branch's path). Three round
 * trips whatever the size of the subtree; no member is listed.
 */
import { COLLECTIONS } from '../../database/collections';
import { medianDays } from '../domain/desk/figures';
import type { CoverageCounts } from '../domain/desk/values';
import { _, db } from '../platform/cloudbase';
import type { Grouping } from './activity';

const DAY_MS = 24 * 3600_000;
const MAX_GROUPS = 1000;

const daysSince = (at: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));

type Row = { _id: { key: string | null; state?: string } | string | null; n: number; submitted?: (Date | string)[] };

const keyOf = (r: Row): string | null =>
  r._id !== null && typeof r._id === 'object' ? (r._id.key ?? null) : ((r._id as string | null) ?? null);

export const blankCoverage = (): CoverageCounts => ({
  found: 0,
  pending: 0,
  assigned: 0,
  sentBack: 0,
  lostContact: 0,
  pendingMedianDays: null,
  pendingOldestDays: null,
});

/**
 * 覆盖 of the node (key `null`), or of each child (`childIds`, with the node's depth in `grouping`).
 * Pending registrations are counted under every child they may be placed in.
 */
export async function coverageOf(
  nodeId: string,
  now: Date,
  grouping: Extract<Grouping, { byChildAt: number }> | null = null,
  childIds: readonly string[] = [],
): Promise<Map<string | null, CoverageCounts>> {
  const $ = db.command.aggregate;
  const at = (path: string) => (grouping ? $.arrayElemAt([path, grouping.byChildAt]) : null);
  const registrations = db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ candidateScopes: nodeId, state: _.in(['pending', 'sent_back']) });
  const [found, placed, waiting] = await Promise.all([
    db
      .collection(COLLECTIONS.memberImports)
      .aggregate()
      .match({ scopePath: nodeId })
      .group({ _id: at('$scopePath'), n: $.sum(1) })
      .limit(MAX_GROUPS)
      .end(),
    db
      .collection(COLLECTIONS.members)
      .aggregate()
      .match({ orgPath: nodeId, state: _.in(['active', 'lost_contact']) })
      .group({ _id: { key: at('$orgPath'), state: '$state' }, n: $.sum(1) })
      .limit(MAX_GROUPS)
      .end(),
    (grouping
      ? registrations
          .unwind('$candidateScopes')
          .match({ candidateScopes: _.in([...childIds]) })
          .group({ _id: { key: '$candidateScopes', state: '$state' }, n: $.sum(1), submitted: $.push('$submittedAt') })
      : registrations.group({ _id: { key: null, state: '$state' }, n: $.sum(1), submitted: $.push('$submittedAt') })
    )
      .limit(MAX_GROUPS)
      .end(),
  ]);
  const out = new Map<string | null, CoverageCounts>();
  const of = (key: string | null) => {
    let c = out.get(key);
    if (!c) out.set(key, (c = blankCoverage()));
    return c;
  };
  if (!grouping) of(null);
  for (const r of (found as { data: Row[] }).data) of(keyOf(r)).found += r.n;
  for (const r of (placed as { data: Row[] }).data) {
    const state = (r._id as { state: string }).state;
    if (state === 'active') of(keyOf(r)).assigned += r.n;
    else of(keyOf(r)).lostContact += r.n;
  }
  for (const r of (waiting as { data: Row[] }).data) {
    const c = of(keyOf(r));
    if ((r._id as { state: string }).state === 'sent_back') {
      c.sentBack += r.n;
      continue;
    }
    c.pending += r.n;
    const days = (r.submitted ?? []).map((s) => daysSince(new Date(s), now));
    c.pendingMedianDays = medianDays(days);
    c.pendingOldestDays = days.length > 0 ? Math.max(...days) : null;
  }
  return out;
}

const PAGE = 1000;

/** Every page of an aggregation's groups (sorted by `_id`, so pages neither repeat nor skip). */
async function allGroups<T>(pipeline: () => ReturnType<ReturnType<typeof db.collection>['aggregate']>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const res = await pipeline().sort({ _id: 1 }).skip(skip).limit(PAGE).end();
    const page = (res as { data?: T[] }).data ?? [];
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/**
 * 覆盖 of every node at once, for a report: the same counts as `coverageOf`, each record counted
 * under every node on its path (its scopes, for a pending registration), a page of groups per round trip.
 */
export async function coverageOfEveryNode(now: Date): Promise<Map<string, CoverageCounts>> {
  const $ = db.command.aggregate;
  const [found, placed, waiting] = await Promise.all([
    allGroups<{ _id: string; n: number }>(() =>
      db
        .collection(COLLECTIONS.memberImports)
        .aggregate()
        .project({ scopePath: 1 })
        .unwind('$scopePath')
        .group({ _id: '$scopePath', n: $.sum(1) }),
    ),
    allGroups<{ _id: { node: string; state: string }; n: number }>(() =>
      db
        .collection(COLLECTIONS.members)
        .aggregate()
        .match({ state: _.in(['active', 'lost_contact']) })
        .project({ orgPath: 1, state: 1 })
        .unwind('$orgPath')
        .group({ _id: { node: '$orgPath', state: '$state' }, n: $.sum(1) }),
    ),
    allGroups<{ _id: { node: string; state: string }; n: number; submitted: (Date | string)[] }>(() =>
      db
        .collection(COLLECTIONS.members)
        .aggregate()
        .match({ state: _.in(['pending', 'sent_back']) })
        .project({ candidateScopes: 1, state: 1, submittedAt: 1 })
        .unwind('$candidateScopes')
        .group({ _id: { node: '$candidateScopes', state: '$state' }, n: $.sum(1), submitted: $.push('$submittedAt') }),
    ),
  ]);
  const out = new Map<string, CoverageCounts>();
  const of = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = blankCoverage()));
    return c;
  };
  for (const g of found) of(g._id).found += g.n;
  for (const g of placed) {
    if (g._id.state === 'active') of(g._id.node).assigned += g.n;
    else of(g._id.node).lostContact += g.n;
  }
  for (const g of waiting) {
    const c = of(g._id.node);
    if (g._id.state === 'sent_back') {
      c.sentBack += g.n;
      continue;
    }
    c.pending += g.n;
    const days = g.submitted.map((s) => daysSince(new Date(s), now));
    c.pendingMedianDays = medianDays(days);
    c.pendingOldestDays = days.length > 0 ? Math.max(...days) : null;
  }
  return out;
}
