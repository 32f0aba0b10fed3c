/**
 * 待审核报到: the registrations waiting for the caller, oldest first, a page at a time (more load
 * at the bottom, pull down to start again). Coming back from a registration shows the queue afresh,
 * so a handled one is gone.
 */
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { fetchPendingQueue } from '../../services/secretary';
import { toRowView, type MemberRowView } from '../common/rows';

interface RowDataset {
  id: string;
}

Component({
  behaviors: [pagedList<MemberRowView>()],

  methods: {
    onLoad() {
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
      const page = await fetchPendingQueue(cursor);
      return { items: page.items.map(toRowView), nextCursor: page.nextCursor };
    },
  },
});
