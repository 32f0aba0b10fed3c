/**
 * 待审核报到: the registrations waiting for the caller, oldest first, a page at a time (more load
 * at the bottom, pull down to start again); and, on the second tab, those sent back and not yet
 * corrected, so they stay in sight. Coming back from a registration shows the list afresh, so a
 * handled one is gone.
 */
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { fetchPendingQueue } from '../../services/secretary';
import { toRowView, type MemberRowView } from '../common/rows';

interface RowDataset {
  id: string;
}

type Tab = 'pending' | 'sent_back';
const TABS: { value: Tab; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'sent_back', label: '已退回，待本人修改' },
];

Component({
  behaviors: [pagedList<MemberRowView>()],

  data: {
    tab: 'pending' as Tab,
    tabs: TABS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.tab === 'sent_back') this.setData({ tab: 'sent_back' });
      void this.loadFirst();
    },

    onTab(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { value: Tab }>) {
      const { value } = event.currentTarget.dataset;
      if (value === this.data.tab) return;
      this.setData({ tab: value });
      void this.loadFirst();
    },

    /** Coming back from a registration shows the queue afresh, keeping the rows on screen meanwhile. */
    onShow() {
      if (this.data.loaded) void this.loadFirst(true);
    },

    onRowTap(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, RowDataset>) {
      void wx.navigateTo({
        url: `/pages-secretary/member/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<MemberRowView>> {
      const page = await fetchPendingQueue(cursor, undefined, this.data.tab);
      return { items: page.items.map(toRowView), nextCursor: page.nextCursor };
    },
  },
});
