/**
 * 报表: what the 周例会、月报送、季调度 ask for (last week's, last month's, last quarter's report,
 * or that it is not issued yet), and every version issued, newest first. A report opens on a tap.
 */
import { dayTextOf } from '../../utils/shanghai-time';
import type { ReportSummary } from '../../../typings/areas/desk';
import { toCallError } from '../../services/cloud';
import { fetchReports } from '../../services/desk';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { openDeskPage } from '../common/navigate';

interface Entry {
  key: string;
  title: string;
  detail: string;
  period: string;
  version: number;
  ready: boolean;
}

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const detailOf = (r: ReportSummary) =>
  `第 ${r.version} 版 · ${r.issuedBy} · ${dayTextOf(r.issuedAt)}${r.changeCount ? ` · 更正 ${r.changeCount} 处` : ''}`;

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    nodeId: '',
    nodeName: '',
    latest: [] as Entry[],
    recent: [] as Entry[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ nodeId: decodeURIComponent(query.nodeId ?? ''), nodeName: decodeURIComponent(query.name ?? '') });
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onOpen(event: Dataset<{ period: string; version: number; ready: boolean }>) {
      const { period, version, ready } = event.currentTarget.dataset;
      if (!ready) return;
      openDeskPage('report', { nodeId: this.data.nodeId, period, version });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const a = await fetchReports(this.data.nodeId);
        this.setData({
          status: 'ready',
          nodeName: a.nodeName,
          latest: a.latest.map((l) => ({
            key: l.kind,
            title: `${l.period.label}${l.name}`,
            detail: l.report ? detailOf(l.report) : '尚未出具：报表在每期结束后自动生成',
            period: l.period.key,
            version: l.report?.version ?? 0,
            ready: l.report !== null,
          })),
          recent: a.recent.map((r) => ({
            key: `${r.period}#${r.version}`,
            title: `${r.label}${r.name}`,
            detail: detailOf(r),
            period: r.period,
            version: r.version,
            ready: true,
          })),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
