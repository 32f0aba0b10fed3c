/**
 * 各支部开展情况 (administrators): sessions held and attendance rate of every branch under the
 * node, this year so far or this month; the branches that held least come first.
 */
import { toCallError } from '../../services/cloud';
import { fetchNodeStats } from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { monthsOf, rate, toRows, type RowView, type Span } from './view';

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    orgId: '',
    orgName: '',
    span: 'year' as Span,
    totals: '',
    open: '',
    rows: [] as RowView[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ orgId: decodeURIComponent(query.orgId ?? '') });
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onSpan(event: WechatMiniprogram.BaseEvent<Record<string, never>, { span: Span }>) {
      this.setData({ span: event.currentTarget.dataset.span });
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      const { from, to } = monthsOf(this.data.span);
      try {
        const stats = await fetchNodeStats(this.data.orgId, from, to);
        const t = stats.totals;
        this.setData({
          status: 'ready',
          orgName: stats.orgName,
          totals: `共开会 ${t.sessionsHeld} 次，应到 ${t.expected} 人次，实到 ${t.attended} 人次，出勤率 ${rate(t.ratePercent)}`,
          open:
            stats.openSessions.held > 0
              ? `面向全体的公开课、志愿服务 ${stats.openSessions.held} 次，参加 ${stats.openSessions.attended} 人次`
              : '',
          rows: toRows(stats),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
