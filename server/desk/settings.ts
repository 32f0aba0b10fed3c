/**
 * 晾晒 settings of a node: the 绿/黄/红 thresholds per figure and the composite's weights. Stored as
 * lists (figure ids contain dots, which a document key may not); a figure without its own
 * threshold takes the catalogue's default. Set by an administrator of the node, audited.
 */
import { COLLECTIONS } from '../../database/collections';
import type { RankingSettings } from '../../typings/areas/desk';
import { betterOf, FIGURES, figureOf, type FigureSpec } from '../domain/desk/figures';
import { bandsInOrder, composable, DEFAULT_WEIGHTS, type Bands } from '../domain/desk/ranking';
import { canAdminister } from '../domain/scope';
import { writeAudit } from '../platform/audit';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { invalidArgument, permissionDenied } from '../platform/errors';
import { inTransaction } from '../platform/transaction';
import { labelled, z } from '../platform/validation';
import { nodeIdSchema, readableNode } from './node-access';

export interface DeskSettingsDoc {
  _id: string;
  bands: { figureId: string; green: number; amber: number }[];
  weights: { figureId: string; weight: number }[];
  updatedBy: string;
  updatedAt: Date;
}

/** Figures that can be banded: those with a direction or a default threshold. */
const bandable = (spec: FigureSpec) => spec.better !== undefined || spec.bands !== undefined;

export async function findSettings(nodeId: string): Promise<DeskSettingsDoc | null> {
  const res = await db.collection(COLLECTIONS.deskSettings).doc(nodeId).get();
  return ((res.data as DeskSettingsDoc[])[0] as DeskSettingsDoc | undefined) ?? null;
}

/** The thresholds in force for a figure at the node: its own, else the catalogue's, else none. */
export function bandsFor(settings: DeskSettingsDoc | null, spec: FigureSpec): (Bands & { own: boolean }) | null {
  const own = settings?.bands.find((b) => b.figureId === spec.id);
  if (own) return { green: own.green, amber: own.amber, own: true };
  return spec.bands ? { ...spec.bands, own: false } : null;
}

/** The composite's weights at the node: its own when set, else the defaults. */
export function weightsFor(settings: DeskSettingsDoc | null): Record<string, number> {
  if (!settings) return { ...DEFAULT_WEIGHTS };
  return Object.fromEntries(settings.weights.map((w) => [w.figureId, w.weight]));
}

function view(nodeId: string, nodeName: string, settings: DeskSettingsDoc | null): RankingSettings {
  const weights = weightsFor(settings);
  return {
    nodeId,
    nodeName,
    bands: FIGURES.filter(bandable).map((spec) => {
      const b = bandsFor(settings, spec);
      return {
        figureId: spec.id,
        name: spec.name,
        better: betterOf(spec),
        green: b?.green ?? 0,
        amber: b?.amber ?? 0,
        own: b?.own ?? false,
      };
    }),
    weights: FIGURES.filter(composable).map((spec) => ({
      figureId: spec.id,
      name: spec.name,
      weight: weights[spec.id] ?? 0,
    })),
    updatedAt: settings ? new Date(settings.updatedAt).toISOString() : null,
  };
}

export const rankingSettings: Handler<'desk', 'rankingSettings'> = {
  input: z.object({ nodeId: nodeIdSchema }),
  async run({ nodeId }, { caller }) {
    const { node } = await readableNode(caller, nodeId);
    return view(node._id, node.name, await findSettings(node._id));
  },
};

const figureIdSchema = labelled(z.string().trim().min(1).max(64), '指标');
const threshold = labelled(z.number().int().min(0).max(100_000), '阈值');

export const setRankingSettings: Handler<'desk', 'setRankingSettings'> = {
  input: z.object({
    nodeId: nodeIdSchema,
    bands: z.array(z.object({ figureId: figureIdSchema, green: threshold, amber: threshold })).max(FIGURES.length),
    weights: z
      .array(z.object({ figureId: figureIdSchema, weight: labelled(z.number().int().min(0).max(10), '权重') }))
      .max(FIGURES.length),
    reason: labelled(z.string().trim().min(2).max(200), '修改原因'),
  }),
  async run({ nodeId, bands, weights, reason }, { caller }) {
    const { node, access } = await readableNode(caller, nodeId);
    if (!canAdminister(access, { id: node._id, ancestors: node.ancestors })) {
      throw permissionDenied('只有本级组织的管理员可以设置晾晒标准');
    }
    const seen = new Set<string>();
    for (const b of bands) {
      const spec = figureOf(b.figureId);
      if (!spec || !bandable(spec)) throw invalidArgument(`没有可设置红黄绿标准的指标“${b.figureId}”`, 'bands');
      if (seen.has(b.figureId)) throw invalidArgument(`“${spec.name}”的标准重复了`, 'bands');
      seen.add(b.figureId);
      if (spec.unit === 'percent' && (b.green > 1000 || b.amber > 1000)) {
        throw invalidArgument(`“${spec.name}”的标准不能超过 100%`, 'bands');
      }
      if (!bandsInOrder(b, betterOf(spec))) {
        throw invalidArgument(
          betterOf(spec) === 'higher'
            ? `“${spec.name}”越高越好：绿色标准应不低于黄色标准`
            : `“${spec.name}”越低越好：绿色标准应不高于黄色标准`,
          'bands',
        );
      }
    }
    const weighted = new Set<string>();
    for (const w of weights) {
      const spec = figureOf(w.figureId);
      if (!spec || !composable(spec))
        throw invalidArgument(`综合得分只能由比率类指标组成，“${w.figureId}”不是`, 'weights');
      if (weighted.has(w.figureId)) throw invalidArgument(`“${spec.name}”的权重重复了`, 'weights');
      weighted.add(w.figureId);
    }
    if (weights.length > 0 && weights.every((w) => w.weight === 0)) {
      throw invalidArgument('至少要有一项指标的权重大于 0', 'weights');
    }
    const now = new Date();
    const next: Omit<DeskSettingsDoc, '_id'> = { bands, weights, updatedBy: caller.openid, updatedAt: now };
    const saved = await inTransaction(async (tx) => {
      const ref = tx.collection(COLLECTIONS.deskSettings).doc(node._id);
      const before = ((await ref.get()) as { data: DeskSettingsDoc | null }).data;
      await ref.set(next);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'desk.setRankingSettings',
          target: { collection: COLLECTIONS.deskSettings, id: node._id },
          before: before ? { bands: before.bands, weights: before.weights } : null,
          after: { bands, weights },
          reason,
        },
        tx,
      );
      return { _id: node._id, ...next };
    });
    return view(node._id, node.name, saved);
  },
};
