/** Actions of the `desk` function: the organisation department's figures, rankings and reports. */
import type { PointsCategory } from './points';
import type { SessionKind } from './sessions';

export type FigureGroupId = 'coverage' | 'life' | 'dues' | 'vanguard';
export type ReportPeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface PeriodView {
  /** `2026-W49`, `2026-12`, `2026-Q4`, `2026`. */
  key: string;
  kind: ReportPeriodKind;
  /** 2026年第49周（11月30日—12月6日）, 2026年12月… */
  label: string;
  /** Whether it has ended (a report can be issued for it). */
  closed: boolean;
}

/** One figure as the desk shows it: the value, its text, its definition, and the change on the period before. */
export interface FigureView {
  id: string;
  group: FigureGroupId;
  name: string;
  /** The number (people, days, fen…), a rate in tenths of a percent, or null when it cannot be (an empty denominator). */
  value: number | null;
  /** As shown: `128 人`, `87.5%`, `1,234.50 元`, or why there is none (`本期无摸排人数`). */
  text: string;
  definition: string;
  /** The same figure for the period before, when known (覆盖 is known for it only from its report). */
  previous: number | null;
  /** value − previous, when both are known. */
  change: number | null;
  /** Whether a rise is good news (for the ↑↓ colour). */
  better: 'higher' | 'lower';
}

export interface FigureGroupView {
  group: FigureGroupId;
  name: string;
  figures: FigureView[];
}

export interface DeskFigures {
  nodeId: string;
  nodeName: string;
  period: PeriodView;
  previousPeriod: PeriodView;
  /** `live`: counted now; `report`: read from the issued report of a closed period, never recounted. */
  source: 'live' | 'report';
  report: { version: number; issuedAt: string } | null;
  /** When 覆盖 was counted (ISO). */
  asOf: string;
  /** The oldest branch count summed for 组织生活、党费、先锋作用 (ISO), or null when nothing is counted yet. */
  activityAsOf: string | null;
  groups: FigureGroupView[];
  heldByKind: { kind: SessionKind; label: string; held: number }[];
  pointsByCategory: { category: PointsCategory; label: string; points: number }[];
  /** The periods a person picks from: 本月、上月、本周、上周、本季度、上季度、今年. */
  choices: { key: string; name: string }[];
}

export type BandColour = 'green' | 'amber' | 'red';

/** One child of the node in a ranking. */
export interface RankingRow {
  nodeId: string;
  nodeName: string;
  /** Its place (equal values share one: 1, 1, 3), or null when it has no value. */
  rank: number | null;
  tied: boolean;
  value: number | null;
  /** As shown, or why there is no value (`本期无应交党员`). */
  text: string;
  previous: number | null;
  previousRank: number | null;
  /** Places gained on the period before (negative: lost), when ranked both times. */
  placesUp: number | null;
  change: number | null;
  band: BandColour | null;
}

export interface Ranking {
  nodeId: string;
  nodeName: string;
  period: PeriodView;
  previousPeriod: PeriodView;
  /** `composite` for the weighted score. */
  figure: {
    id: string;
    name: string;
    definition: string;
    better: 'higher' | 'lower';
    /** 人, %, 元…; `score` for the composite (in tenths of a point out of 100). */
    unit: string;
  };
  /** The thresholds applied, as a sentence for the legend (绿：≥ 90.0%…), or null for a figure without bands. */
  bands: { green: number; amber: number; text: string } | null;
  /** For the composite: the weights it was made with, shown beside it. */
  weights: { figureId: string; name: string; weight: number }[] | null;
  rows: RankingRow[];
  /** How to read it: ties, children without a value, where the figures come from. */
  notes: string[];
  /** The figures it may be ranked on for this period, the composite first. */
  figureChoices: { id: string; name: string }[];
}

export interface RankingSettings {
  nodeId: string;
  nodeName: string;
  /** Every figure that can be banded, with the thresholds in force (the node's own, or the default). */
  bands: { figureId: string; name: string; better: 'higher' | 'lower'; green: number; amber: number; own: boolean }[];
  /** Every rate the composite may weigh (0 leaves it out). */
  weights: { figureId: string; name: string; weight: number }[];
  updatedAt: string | null;
}

/** An issued report, as the archive lists it. */
export interface ReportSummary {
  period: string;
  kind: ReportPeriodKind;
  /** 周报, 月报, 季报. */
  name: string;
  label: string;
  version: number;
  issuedAt: string;
  /** 系统定时出具, or 管理员更正. */
  issuedBy: string;
  reason: string | null;
  changeCount: number;
}

export interface ReportArchive {
  nodeId: string;
  nodeName: string;
  /** The reports a meeting asks for: last week's, last month's, last quarter's (null until issued). */
  latest: { kind: ReportPeriodKind; name: string; period: PeriodView; report: ReportSummary | null }[];
  /** Every issued version, newest first. */
  recent: ReportSummary[];
}

export interface ReportChangeView {
  nodeId: string;
  nodeName: string;
  figureName: string;
  beforeText: string;
  afterText: string;
}

export interface ReportView extends ReportSummary {
  nodeId: string;
  nodeName: string;
  periodView: PeriodView;
  /** Every version of this period's report, oldest first. */
  versions: number[];
  /** The node's figures as issued, with the change on the period before's report where there is one. */
  groups: FigureGroupView[];
  heldByKind: { kind: SessionKind; label: string; held: number }[];
  pointsByCategory: { category: PointsCategory; label: string; points: number }[];
  /** Its children's figures as issued, for the report's table. */
  children: { nodeId: string; nodeName: string; figures: { id: string; value: number | null; text: string }[] }[];
  /** What this version changed against the one before, within the caller's node. */
  changes: ReportChangeView[];
}

/** Lists behind a figure, of people the node should follow up. */
export type DrilldownList = 'pendingLong' | 'lostContact' | 'arrears3' | 'arrears6';

/** One person in a drill-down: masked (never a 身份证号; the phone masked). */
export interface DrilldownRow {
  name: string;
  phoneMasked: string;
  /** The branch, or where the registration waits. */
  placeName: string;
  /** Why they are listed: 已等待 12 天, 连续欠交 4 个月（最早 2026年7月）… */
  detail: string;
}

export interface DrilldownPage {
  list: DrilldownList;
  title: string;
  rows: DrilldownRow[];
  nextCursor: string | null;
}

/** What to export: an issued report of the node, a ranking of its children, or a drill-down list. */
export type ExportAsked =
  | { kind: 'report'; period: string; version?: number }
  | { kind: 'ranking'; figureId: string; period?: string }
  | { kind: 'drilldown'; list: DrilldownList; reason: string };

/** A produced .xlsx: open it with wx.downloadFile + wx.openDocument({ showMenu: true }) to forward it. */
export interface ExportedFile {
  fileId: string;
  /** A temporary link (two hours). */
  url: string;
  /** 思明区2026年11月月报（第1版）.xlsx */
  fileName: string;
  rows: number;
  bytes: number;
}

/** A figure month by month, for the trend chart and the table under it. */
export interface Trend {
  nodeId: string;
  nodeName: string;
  figure: { id: string; name: string; definition: string; unit: string; better: 'higher' | 'lower' };
  /** Oldest first, ending with this month (counted so far). */
  points: { period: string; label: string; value: number | null; text: string }[];
}

export interface DeskApi {
  /** Every figure of a node the caller administers (or the branch they run) for a period (this month when none). */
  figures: { input: { nodeId: string; period?: string }; output: DeskFigures };
  /** A figure of 组织生活、党费、先锋作用 over the last 12 months. */
  trend: { input: { nodeId: string; figureId: string }; output: Trend };
  /** 晾晒: the node's children ranked on one figure (or `composite`), with bands and the change on the period before. */
  ranking: { input: { nodeId: string; figureId: string; period?: string }; output: Ranking };
  /** The node's thresholds and composite weights (an administrator of the node). */
  rankingSettings: { input: { nodeId: string }; output: RankingSettings };
  /** The report archive of a node: what a 周例会、月报送、季调度 asks for, and every version issued. */
  reports: { input: { nodeId: string }; output: ReportArchive };
  /** One issued report (the latest version unless one is asked for), for the node. */
  report: { input: { nodeId: string; period: string; version?: number }; output: ReportView };
  /** The people behind a figure, masked, a page at a time; every read is audited with its reason. */
  drilldown: {
    input: { nodeId: string; list: DrilldownList; reason: string; cursor?: string; limit?: number };
    output: DrilldownPage;
  };
  /** Export a report, a ranking or a drill-down list as .xlsx (audited). */
  export: { input: { nodeId: string; what: ExportAsked }; output: ExportedFile };
  /** Issue a closed period's report again: a new version when a figure changed (an administrator). */
  issueReport: {
    input: { nodeId: string; period: string; reason: string };
    output: { period: string; version: number; issued: boolean; message: string };
  };
  setRankingSettings: {
    input: {
      nodeId: string;
      bands: { figureId: string; green: number; amber: number }[];
      weights: { figureId: string; weight: number }[];
      reason: string;
    };
    output: RankingSettings;
  };
}
