/**
 * 组织管理: the organisation nodes under a parent (the top level when opened from 首页), with
 * loading, empty and error states. Tapping a node that has children opens this page again for it;
 * a node without children, or 管理本组织 at the top of a node's list, opens the node's management.
 */
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { toCallError } from '../../services/cloud';
import { fetchOrgChildren } from '../../services/org';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { setNavTitle } from '../../utils/nav-title';

/** One row of the list, ready to show. */
interface NodeRow {
  id: string;
  name: string;
  typeLabel: string;
  hasChildren: boolean;
}

/** The data-* attributes of a row. */
interface NodeDataset {
  id: string;
  name: string;
  hasChildren: boolean;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    parentId: '',
    parentName: '',
    heading: '全部组织',
    nodes: [] as NodeRow[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const parentId = query.parentId ? decodeURIComponent(query.parentId) : '';
      const parentName = query.name ? decodeURIComponent(query.name) : '';
      this.setData({ parentId, parentName, heading: parentName ? `${parentName}的下级组织` : '全部组织' });
      if (parentName) setNavTitle(parentName, '组织管理');
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onManageParent() {
      void wx.navigateTo({ url: `/pages-admin/node/index?id=${encodeURIComponent(this.data.parentId)}` });
    },

    onNodeTap(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, NodeDataset>) {
      const { id, name, hasChildren } = event.currentTarget.dataset;
      if (!hasChildren) {
        void wx.navigateTo({ url: `/pages-admin/node/index?id=${encodeURIComponent(id)}` });
        return;
      }
      void wx.navigateTo({
        url: `/pages-admin/index/index?parentId=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}`,
      });
    },

    /** Loads the children of `parentId` (top level when empty); never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const items = await fetchOrgChildren(this.data.parentId || undefined);
        const nodes: NodeRow[] = items.map((node) => ({
          id: node.id,
          name: node.name,
          typeLabel: ORG_NODE_TYPE_LABELS[node.type] ?? '',
          hasChildren: node.hasChildren,
        }));
        this.setData({ status: 'ready', nodes });
      } catch (err) {
        const error = toCallError(err);
        this.setData({
          status: 'error',
          errorMessage: error.message,
          retryable: isRetryable(error.code),
        });
      }
    },
  },
});
