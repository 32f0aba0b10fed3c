/**
 * Remote operations of the `desk` function: a node's figures, the ranking of its children (晾晒),
 * its report archive and reports, and exports, which open in WeChat's document viewer so they can
 * be forwarded. The server checks scope on every call.
 */
import type {
  DeskFigures,
  DrilldownList,
  DrilldownPage,
  ExportAsked,
  Ranking,
  ReportArchive,
  ReportView,
  Trend,
} from '../../typings/areas/desk';
import { callFunction, openDownloadedDocument } from './cloud';

export function fetchDeskFigures(nodeId: string, period?: string): Promise<DeskFigures> {
  return callFunction('desk', 'figures', period ? { nodeId, period } : { nodeId });
}

export function fetchTrend(nodeId: string, figureId: string): Promise<Trend> {
  return callFunction('desk', 'trend', { nodeId, figureId });
}

/** A page of the people behind a figure; the reason is recorded with the read. */
export function fetchDrilldown(
  nodeId: string,
  list: DrilldownList,
  reason: string,
  cursor: string | null,
): Promise<DrilldownPage> {
  return callFunction('desk', 'drilldown', cursor ? { nodeId, list, reason, cursor } : { nodeId, list, reason });
}

export function fetchRanking(nodeId: string, figureId: string, period?: string): Promise<Ranking> {
  return callFunction('desk', 'ranking', period ? { nodeId, figureId, period } : { nodeId, figureId });
}

export function fetchReports(nodeId: string): Promise<ReportArchive> {
  return callFunction('desk', 'reports', { nodeId });
}

export function fetchReport(nodeId: string, period: string, version?: number): Promise<ReportView> {
  return callFunction('desk', 'report', version ? { nodeId, period, version } : { nodeId, period });
}

/** Produce the .xlsx on the server, then open it; the file's name for the message. */
export async function exportAndOpen(nodeId: string, what: ExportAsked): Promise<string> {
  const file = await callFunction('desk', 'export', { nodeId, what });
  await openDownloadedDocument(file.url, 'xlsx');
  return file.fileName;
}
