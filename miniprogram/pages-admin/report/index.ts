/**
 * One issued report of a node: its figures as issued, with the change on the report of the period
 * before; what this version corrected; its children's headline figures; 导出表格 to forward.
 */
import { dayTextOf } from '../../utils/shanghai-time';
import type { ReportView } from '../../../typings/areas/desk';
import { toCallError } from '../../services/cloud';
import { fetchReport } from '../../services/desk';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { figureRow, type FigureRow } from '../common/figures';
import { exportFromPage } from '../common/export';
import { setNavTitle } from '../../utils/nav-title';

/** The children's table shows these, as a meeting reads them. */
const HEADLINE = ['coverage.assignmentRate', 'life.cadenceRate', 'life.attendanceRate', 'dues.paidRate'];

interface ChildRow {
  nodeId: string;
  nodeName: string;
  cells: { id: string; text: string }[];
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    nodeId: '',
    period: '',
    version: 0,
    title: '',
    detail: '',
    groups: [] as { group: string; name: string; figures: FigureRow[] }[],
    changes: [] as ReportView['changes'],
    headline: [] as { id: string; name: string }[],
    children: [] as ChildRow[],
    exporting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        nodeId: decodeURIComponent(query.nodeId ?? ''),
        period: decodeURIComponent(query.period ?? ''),
        version: Number(query.version ?? 0),
      });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onExport() {
      void exportFromPage(this, this.data.nodeId, {
        kind: 'report',
        period: this.data.period,
        version: this.data.version || undefined,
      });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const r = await fetchReport(this.data.nodeId, this.data.period, this.data.version || undefined);
        const names = new Map(r.groups.flatMap((g) => g.figures).map((f) => [f.id, f.name]));
        const headline = HEADLINE.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }));
        setNavTitle(r.name, '报表');
        this.setData({
          status: 'ready',
          version: r.version,
          title: `${r.nodeName}${r.label}${r.name}`,
          detail: `第 ${r.version} 版 · ${r.issuedBy} · ${dayTextOf(r.issuedAt)}${r.reason ? ` · ${r.reason}` : ''}`,
          groups: r.groups.map((g) => ({ group: g.group, name: g.name, figures: g.figures.map(figureRow) })),
          changes: r.changes,
          headline,
          children: r.children.map((c) => ({
            nodeId: c.nodeId,
            nodeName: c.nodeName,
            cells: headline.map((h) => ({ id: h.id, text: c.figures.find((f) => f.id === h.id)?.text ?? '—' })),
          })),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
