/**
 * 书记工作: publish a session, the cadence to-do of each branch the caller runs, the statistics of
 * each node they administer, and the sessions they manage (coming and past).
 */
import { fetchManagedSessions } from '../../services/sessions';
import { fetchWhoami } from '../../services/user';
import { toCard, type SessionCard } from '../../pages/sessions/view';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';

type Tab = 'upcoming' | 'past';
interface Place {
  id: string;
  name: string;
}

Component({
  behaviors: [pagedList<SessionCard>()],

  data: {
    tab: 'upcoming' as Tab,
    branches: [] as Place[],
    nodes: [] as Place[],
  },

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    onShow() {
      if (this.data.loaded) void this.loadFirst(true);
    },

    onTab(event: WechatMiniprogram.BaseEvent<Record<string, never>, { tab: Tab }>) {
      const { tab } = event.currentTarget.dataset;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      void this.restartList();
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

    /** The tab's sessions a page at a time; the caller's branches and nodes come with the first page. */
    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<SessionCard>> {
      const tab = this.data.tab;
      if (cursor) {
        const page = await fetchManagedSessions(tab, cursor);
        return { items: page.items.map((row) => toCard(row)), nextCursor: page.nextCursor };
      }
      const [profile, page] = await Promise.all([fetchWhoami(), fetchManagedSessions(tab)]);
      const byRole = (role: 'secretary' | 'admin') =>
        profile.roles.filter((r) => r.role === role).map((r) => ({ id: r.scopeId, name: r.scopeName }));
      return {
        items: page.items.map((row) => toCard(row)),
        nextCursor: page.nextCursor,
        extra: { branches: byRole('secretary'), nodes: byRole('admin') },
      };
    },
  },
});
