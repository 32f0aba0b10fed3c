/**
 * 名单: the people behind a figure on the desk (registrations waiting over a week, lost contact,
 * 3 or 6+ months behind with dues), masked, a page at a time. Each read is recorded with why it
 * was made, so the reason is asked first; 导出表格 writes the whole list to a file to forward.
 */
import type { DrilldownList, DrilldownRow } from '../../../typings/areas/desk';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { fetchDrilldown } from '../../services/desk';
import { askText } from '../common/ask';
import { exportFromPage } from '../common/export';
import { setNavTitle } from '../../utils/nav-title';

Component({
  behaviors: [pagedList<DrilldownRow>()],

  data: {
    nodeId: '',
    nodeName: '',
    list: '' as DrilldownList | '',
    title: '',
    reason: '',
    /** Waiting for the person to say why they look. */
    needsReason: false,
    exporting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        nodeId: decodeURIComponent(query.nodeId ?? ''),
        nodeName: decodeURIComponent(query.name ?? ''),
        list: (query.list ?? '') as DrilldownList,
      });
      void this.askReason();
    },

    /** The reason recorded with every read of the list; without one nothing is read. */
    async askReason(): Promise<void> {
      const reason = await askText({
        title: '查看名单的原因',
        placeholder: '例如：周例会前核对欠费情况',
        confirmText: '查看',
      });
      if (!reason || reason.length < 2) {
        this.setData({ needsReason: true, status: 'ready' });
        return;
      }
      this.setData({ reason, needsReason: false });
      await this.loadFirst();
    },

    onGiveReason() {
      void this.askReason();
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<DrilldownRow>> {
      const page = await fetchDrilldown(this.data.nodeId, this.data.list as DrilldownList, this.data.reason, cursor);
      if (page.title !== this.data.title) setNavTitle(page.title, '名单');
      return { items: page.rows, nextCursor: page.nextCursor, extra: { title: page.title } };
    },

    onExport() {
      void exportFromPage(this, this.data.nodeId, {
        kind: 'drilldown',
        list: this.data.list as DrilldownList,
        reason: this.data.reason,
      });
    },
  },
});
