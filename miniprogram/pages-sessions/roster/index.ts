/**
 * 考勤名单: everyone expected (or signed up) with their standing, the figures, and attendance
 * marked by hand with a reason (手机没电, 纸质签到表补登…). A mark asks in WeChat's own dialogs,
 * which follow the font size.
 */
import { HAND_MARK_REASONS, LEAVE_REASONS } from '../../constants/sessions';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchRoster, markAttendance } from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { askReason } from '../common/dialogs';
import { toFigures, toRosterRowView, type FiguresView, type RosterRowView } from './view';

type Filter = 'all' | 'attended' | 'signed_up' | 'leave';
type RowDataset = { id: string };

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    sessionId: '',
    title: '',
    ended: false,
    hasVote: false,
    figures: null as FiguresView | null,
    filter: 'all' as Filter,
    filters: [
      { value: 'all', label: '全部' },
      { value: 'attended', label: '已签到' },
      { value: 'signed_up', label: '已报名' },
      { value: 'leave', label: '请假' },
    ],
    rows: [] as RosterRowView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ sessionId: decodeURIComponent(query.id ?? '') });
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
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

    onFilter(event: WechatMiniprogram.BaseEvent<Record<string, never>, { filter: Filter }>) {
      const { filter } = event.currentTarget.dataset;
      if (filter === this.data.filter) return;
      this.setData({ filter, rows: [], nextCursor: null });
      void this.load();
    },

    statusFilter() {
      return this.data.filter === 'all' ? null : this.data.filter;
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const roster = await fetchRoster(this.data.sessionId, this.statusFilter());
        this.setData({
          status: 'ready',
          title: roster.session.title,
          ended: roster.session.ended,
          hasVote: roster.session.hasVote,
          figures: toFigures(roster.summary),
          rows: roster.rows.items.map(toRosterRowView),
          nextCursor: roster.rows.nextCursor,
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
        const roster = await fetchRoster(this.data.sessionId, this.statusFilter(), nextCursor);
        this.setData({
          rows: [...this.data.rows, ...roster.rows.items.map(toRosterRowView)],
          nextCursor: roster.rows.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },

    /** Tap a member not yet attended: mark attended or on leave, with a reason. */
    onRowTap(event: WechatMiniprogram.BaseEvent<Record<string, never>, RowDataset>) {
      const row = this.data.rows.find((r) => r.memberId === event.currentTarget.dataset.id);
      if (!row || !row.markable || this.data.busy) return;
      wx.showActionSheet({
        itemList: ['标记为已到', '标记为请假'],
        success: (res) => {
          void this.mark(row, res.tapIndex === 0 ? 'attended' : 'leave');
        },
      });
    },

    async mark(row: RosterRowView, status: 'attended' | 'leave'): Promise<void> {
      const title = status === 'attended' ? `${row.name}：补登已到` : `${row.name}：登记请假`;
      const reason = await askReason(title, status === 'attended' ? HAND_MARK_REASONS[0]! : LEAVE_REASONS[0]!);
      if (!reason) return;
      this.setData({ busy: true });
      try {
        const updated = await markAttendance(this.data.sessionId, row.memberId, status, reason);
        const view = toRosterRowView(updated);
        this.setData({ rows: this.data.rows.map((r) => (r.memberId === view.memberId ? view : r)) });
        await this.load(true);
      } catch (err) {
        await showCallError(err, '没有登记成功');
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
