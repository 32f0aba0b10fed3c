import { drilldown } from '../desk/drilldown';
import { exportFile } from '../desk/exports';
import { figures } from '../desk/figures';
import { ranking } from '../desk/ranking';
import { issueReport, report, reports } from '../desk/report-reads';
import { rankingSettings, setRankingSettings } from '../desk/settings';
import { trend } from '../desk/trend';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `desk`: the organisation department's figures, rankings (晾晒) and reports. */
export const main = defineFunction('desk', {
  figures,
  trend,
  ranking,
  rankingSettings,
  setRankingSettings,
  reports,
  report,
  issueReport,
  drilldown,
  export: exportFile,
});
