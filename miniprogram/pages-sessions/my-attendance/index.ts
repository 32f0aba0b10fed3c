/** 我的出勤: this year's rate over the branch's sessions since joining, volunteer hours, and the records. */
import type { AttendanceHistory, HistoryRow } from '../../../typings';
import { MY_STATUS_LABELS, SESSION_KIND_LABELS } from '../../constants/sessions';
import { toCallError } from '../../services/cloud';
import { fetchAttendanceHistory } from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { formatMoment, MY_STATUS_THEMES } from '../../pages/sessions/view';

interface HistoryView {
  sessionId: string;
  title: string;
  kindLabel: string;
  when: string;
  statusLabel: string;
  statusTheme: string;
  points: string;
}

interface SummaryView {
  year: number;
  held: number;
  attended: number;
  leave: number;
  absent: number;
  rate: string;
  volunteerHours: number;
}

const toHistoryView = (r: HistoryRow): HistoryView => ({
  sessionId: r.sessionId,
  title: r.title,
  kindLabel: SESSION_KIND_LABELS[r.kind],
  when: formatMoment(r.startAt),
  statusLabel: MY_STATUS_LABELS[r.status] || '未报名',
  statusTheme: MY_STATUS_THEMES[r.status],
  points: r.points ? `积分 +${r.points}` : '',
});

const toSummary = (h: AttendanceHistory): SummaryView => ({
  year: h.year,
  held: h.held,
  attended: h.attended,
  leave: h.leave,
  absent: h.absent,
  rate: h.ratePercent === null ? '—' : `${h.ratePercent}%`,
  volunteerHours: h.volunteerHours,
});

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    summary: null as SummaryView | null,
    rows: [] as HistoryView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.loadMore();
    },

    onRetry() {
      void this.load();
    },

    onRetryMore() {
      void this.loadMore();
    },

    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-sessions/detail/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const history = await fetchAttendanceHistory();
        this.setData({
          status: 'ready',
          summary: toSummary(history),
          rows: history.items.items.map(toHistoryView),
          nextCursor: history.items.nextCursor,
          moreError: '',
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async loadMore(): Promise<void> {
      const { nextCursor, loadingMore, status } = this.data;
      if (status !== 'ready' || !nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const history = await fetchAttendanceHistory(nextCursor);
        this.setData({
          rows: [...this.data.rows, ...history.items.items.map(toHistoryView)],
          nextCursor: history.items.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
