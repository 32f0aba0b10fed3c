/**
 * 书记工作: publish a session, the cadence to-do of each branch the caller runs, the statistics of
 * each node they administer, and the sessions they manage (coming and past).
 */
import { toCallError } from '../../services/cloud';
import { fetchManagedSessions } from '../../services/sessions';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { toCard, type SessionCard } from '../../pages/sessions/view';

type Tab = 'upcoming' | 'past';
interface Place {
  id: string;
  name: string;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    tab: 'upcoming' as Tab,
    branches: [] as Place[],
    nodes: [] as Place[],
    cards: [] as SessionCard[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
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

    onTab(event: WechatMiniprogram.BaseEvent<Record<string, never>, { tab: Tab }>) {
      const { tab } = event.currentTarget.dataset;
      if (tab === this.data.tab) return;
      this.setData({ tab, cards: [], nextCursor: null });
      void this.load();
    },

    onPublish() {
      void wx.navigateTo({ url: '/pages-sessions/publish/index' });
    },

    onCadence(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-sessions/cadence/index?branchId=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    onStats(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-sessions/stats/index?orgId=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-sessions/manage/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      const tab = this.data.tab;
      try {
        const [profile, page] = await Promise.all([fetchWhoami(), fetchManagedSessions(tab)]);
        if (tab !== this.data.tab) return;
        const byRole = (role: 'secretary' | 'admin') =>
          profile.roles.filter((r) => r.role === role).map((r) => ({ id: r.scopeId, name: r.scopeName }));
        this.setData({
          status: 'ready',
          loaded: true,
          branches: byRole('secretary'),
          nodes: byRole('admin'),
          cards: page.items.map((row) => toCard(row)),
          nextCursor: page.nextCursor,
          moreError: '',
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async loadMore(): Promise<void> {
      const { nextCursor, loadingMore, status, tab } = this.data;
      if (status !== 'ready' || !nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await fetchManagedSessions(tab, nextCursor);
        this.setData({
          cards: [...this.data.cards, ...page.items.map((row) => toCard(row))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
