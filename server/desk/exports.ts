/**
 * `desk.export`: an issued report or a ranking as .xlsx, written by the streaming writer to the
 * function's /tmp, uploaded to cloud storage and handed back as a temporary link the mini-program
 * opens with wx.downloadFile + wx.openDocument (so it can be forwarded in WeChat). Every export
 * is audited: who, what, when.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DrilldownList, ExportedFile, Ranking, ReportView } from '../../typings/areas/desk';
import { COLLECTIONS } from '../../database/collections';
import { FIGURE_GROUP_NAMES, FIGURES, figureOf, UNIT_NAMES, type FigureSpec } from '../domain/desk/figures';
import { writeAudit } from '../platform/audit';
import type { Handler } from '../platform/dispatch';
import { temporaryLinks, uploadLocalFile } from '../platform/storage';
import { labelled, z } from '../platform/validation';
import { shanghaiMonth } from '../domain/shanghai-day';
import { nodeIdSchema, periodKeySchema, readableNode } from './node-access';
import { rankingOf } from './ranking';
import {
  allDrilldownRows,
  auditDrilldown,
  DRILLDOWN_TITLES,
  drilldownListSchema,
  drilldownReasonSchema,
} from './drilldown';
import type { OrgDoc } from '../orgs/org-store';
import { reportViewOf } from './report-reads';
import { writeWorkbook, type Column, type ColumnFormat, type Row, type Sheet } from './xlsx';

/** Exports live under one folder, by month, named by a random id: a link is the only way to them. */
const EXPORT_FOLDER = 'desk-exports';
const LINK_SECONDS = 2 * 3600;
const BAND_NAMES = { green: '绿', amber: '黄', red: '红' } as const;

const formatOf = (spec: FigureSpec): ColumnFormat =>
  spec.unit === 'percent'
    ? 'percent'
    : spec.unit === 'fen'
      ? 'yuan'
      : spec.unit === 'points' || spec.unit === 'hours'
        ? 'decimal'
        : 'count';

const headerOf = (spec: FigureSpec) => `${spec.name}（${spec.unit === 'fen' ? '元' : UNIT_NAMES[spec.unit]}）`;

const definitionsSheet = (ids: readonly string[]): Sheet => ({
  name: '指标口径',
  columns: [
    { header: '分类', key: 'group', format: 'text', width: 12 },
    { header: '指标', key: 'name', format: 'text', width: 24 },
    { header: '单位', key: 'unit', format: 'text', width: 8 },
    { header: '口径（统计方法）', key: 'definition', format: 'text', width: 90 },
  ],
  rows: FIGURES.filter((f) => ids.includes(f.id)).map((f) => ({
    group: FIGURE_GROUP_NAMES[f.group],
    name: f.name,
    unit: f.unit === 'fen' ? '元' : UNIT_NAMES[f.unit],
    definition: f.definition,
  })),
});

/** A report: a sheet per section (the node itself, then each child), the changes, the definitions. */
function reportSheets(r: ReportView): Sheet[] {
  const title = `${r.nodeName}${r.label}${r.name}（第 ${r.version} 版）`;
  const heading = [title, `${r.issuedBy}，出具时间 ${r.issuedAt.slice(0, 10)}${r.reason ? `，原因：${r.reason}` : ''}`];
  const own: Row = { node: `${r.nodeName}（合计）` };
  for (const g of r.groups) for (const f of g.figures) own[f.id] = f.value ?? f.text;
  const childRows: Row[] = r.children.map((c) => {
    const row: Row = { node: c.nodeName };
    for (const f of c.figures) row[f.id] = f.value ?? f.text;
    return row;
  });
  const sections: Sheet[] = r.groups.map((g) => ({
    name: g.name,
    heading,
    columns: [
      { header: '组织', key: 'node', format: 'text', width: 28 } as Column,
      ...g.figures.map((f) => {
        const spec = figureOf(f.id)!;
        return { header: headerOf(spec), key: f.id, format: formatOf(spec) };
      }),
    ],
    rows: [own, ...childRows],
  }));
  const changes: Sheet = {
    name: '与上一版相比',
    heading: [title, r.version === 1 ? '第 1 版，无更正' : `共 ${r.changeCount} 处变化`],
    columns: [
      { header: '组织', key: 'node', format: 'text', width: 28 },
      { header: '指标', key: 'figure', format: 'text', width: 24 },
      { header: '上一版', key: 'before', format: 'text', width: 16 },
      { header: '本版', key: 'after', format: 'text', width: 16 },
    ],
    rows: r.changes.map((c) => ({ node: c.nodeName, figure: c.figureName, before: c.beforeText, after: c.afterText })),
  };
  return [...sections, changes, definitionsSheet(r.groups.flatMap((g) => g.figures.map((f) => f.id)))];
}

/** A ranking: one sheet with places, values, changes and bands; the definition and weights after. */
function rankingSheets(r: Ranking): Sheet[] {
  const spec = figureOf(r.figure.id);
  const valueFormat: ColumnFormat = spec ? formatOf(spec) : 'decimal';
  const score = (v: number | null) => (v === null ? null : spec ? v : v / 10);
  const heading = [
    `${r.nodeName}${r.period.label}晾晒：${r.figure.name}`,
    ...(r.bands ? [r.bands.text.replace(/；/g, '，')] : []),
    ...r.notes,
  ];
  return [
    {
      name: '排名',
      heading,
      columns: [
        { header: '名次', key: 'rank', format: 'count', width: 8 },
        { header: '组织', key: 'node', format: 'text', width: 28 },
        { header: spec ? headerOf(spec) : '综合得分（分）', key: 'value', format: valueFormat },
        { header: '上期', key: 'previous', format: valueFormat },
        { header: '上期名次', key: 'previousRank', format: 'count' },
        { header: '名次升降', key: 'placesUp', format: 'count' },
        { header: '红黄绿', key: 'band', format: 'text', width: 8 },
      ],
      rows: r.rows.map((x) => ({
        rank: x.rank === null ? '不参与排名' : x.tied ? `${x.rank}（并列）` : x.rank,
        node: x.nodeName,
        value: x.value === null ? x.text : score(x.value),
        previous: score(x.previous),
        previousRank: x.previousRank,
        placesUp: x.placesUp,
        band: x.band ? BAND_NAMES[x.band] : null,
      })),
    },
    spec
      ? definitionsSheet([spec.id])
      : {
          name: '指标口径',
          heading: [r.figure.definition],
          columns: [
            { header: '指标', key: 'name', format: 'text', width: 24 },
            { header: '权重', key: 'weight', format: 'count' },
          ],
          rows: (r.weights ?? []).map((w) => ({ name: w.name, weight: w.weight })),
        },
  ];
}

/** Write, upload and link one workbook; the temporary file is removed whatever happens. */
async function produce(fileName: string, sheets: Sheet[], now: Date): Promise<ExportedFile> {
  const id = randomUUID();
  const file = path.join(tmpdir(), `desk-${id}.xlsx`);
  try {
    const { rows } = await writeWorkbook(file, sheets);
    const { fileId, bytes } = await uploadLocalFile(file, `${EXPORT_FOLDER}/${shanghaiMonth(now)}/${id}.xlsx`);
    const [url] = await temporaryLinks([fileId], LINK_SECONDS);
    return { fileId, url: url ?? '', fileName, rows, bytes };
  } finally {
    rmSync(file, { force: true });
  }
}

const askedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('report'),
    period: periodKeySchema,
    version: labelled(z.number().int().min(1).max(10_000), '版本').optional(),
  }),
  z.object({
    kind: z.literal('ranking'),
    figureId: labelled(z.string().trim().min(1).max(64), '指标'),
    period: periodKeySchema.optional(),
  }),
  z.object({ kind: z.literal('drilldown'), list: drilldownListSchema, reason: drilldownReasonSchema }),
]);

/** A drill-down list: the rows streamed page by page from the database into the sheet. */
function drilldownSheets(node: OrgDoc, list: DrilldownList, now: Date): Sheet[] {
  return [
    {
      name: '名单',
      heading: [
        `${node.name}：${DRILLDOWN_TITLES[list]}`,
        `导出时间 ${now.toISOString().slice(0, 10)}；手机号已隐去中间四位，不含身份证号`,
      ],
      columns: [
        { header: '姓名', key: 'name', format: 'text', width: 12 },
        { header: '手机号', key: 'phoneMasked', format: 'text', width: 16 },
        { header: '所在组织', key: 'placeName', format: 'text', width: 30 },
        { header: '情况', key: 'detail', format: 'text', width: 36 },
      ],
      rows: allDrilldownRows(node, list, now) as AsyncIterable<Row>,
    },
  ];
}

const safeName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '');

export const exportFile: Handler<'desk', 'export'> = {
  input: z.object({ nodeId: nodeIdSchema, what: askedSchema }),
  async run({ nodeId, what }, { caller }) {
    const now = new Date();
    const { node } = await readableNode(caller, nodeId);
    let produced: ExportedFile;
    if (what.kind === 'report') {
      const r = await reportViewOf(node, what.period, what.version, now);
      produced = await produce(
        safeName(`${r.nodeName}${r.label}${r.name}（第${r.version}版）.xlsx`),
        reportSheets(r),
        now,
      );
    } else if (what.kind === 'drilldown') {
      produced = await produce(
        safeName(`${node.name}${DRILLDOWN_TITLES[what.list]}.xlsx`),
        drilldownSheets(node, what.list, now),
        now,
      );
    } else {
      const r = await rankingOf(node, what.figureId, what.period, now);
      produced = await produce(
        safeName(`${r.nodeName}${r.period.label}晾晒-${r.figure.name}.xlsx`),
        rankingSheets(r),
        now,
      );
    }
    if (what.kind === 'drilldown') {
      await auditDrilldown(
        caller,
        node,
        { list: what.list, rows: produced.rows, exported: produced.fileId },
        what.reason,
      );
    }
    await writeAudit({
      actor: caller.openid,
      action: 'desk.export',
      target: { collection: COLLECTIONS.orgs, id: node._id },
      before: null,
      after: { ...what, fileId: produced.fileId, rows: produced.rows },
    });
    return produced;
  },
};
