/**
 * 待审核报到: the registrations waiting for the caller, oldest first, a page at a time (more load
 * at the bottom, pull down to start again). Coming back from a registration shows the queue afresh,
 * so a handled one is gone.
 */
import { toCallError } from '../../services/cloud';
import { fetchPendingQueue } from '../../services/secretary';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { toRowView, type MemberRowView } from '../common/rows';

interface RowDataset {
  id: string;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    rows: [] as MemberRowView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    /** Set once the first page has been shown, so onShow refreshes only on coming back. */
    loaded: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      if (this.data.loaded) void this.load(true);
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

    onRowTap(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, RowDataset>) {
      void wx.navigateTo({
        url: `/pages-secretary/member/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    /** The first page; `quiet` keeps the current rows on screen while it loads. Never throws. */
    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const page = await fetchPendingQueue(null);
        this.setData({
          status: 'ready',
          loaded: true,
          rows: page.items.map(toRowView),
          nextCursor: page.nextCursor,
          moreError: '',
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** The next page, appended; a failure shows under the list with its own retry. */
    async loadMore(): Promise<void> {
      const { nextCursor, loadingMore, status } = this.data;
      if (status !== 'ready' || !nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await fetchPendingQueue(nextCursor);
        this.setData({
          rows: [...this.data.rows, ...page.items.map(toRowView)],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
