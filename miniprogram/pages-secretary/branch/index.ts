/**
 * 选择支部: the branches the desk may work on. At the top: the caller's own branches and the
 * nodes they administer; opening a node lists the branches under it and its lower nodes.
 * Choosing a branch remembers it and goes back to the desk.
 */
import type { OrgNodeSummary } from '../../../typings';
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { toCallError } from '../../services/cloud';
import { fetchOrgChildren } from '../../services/org';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { ownBranches, rememberBranch } from '../common/branch-choice';

/** A row: a branch to choose, or a node to open. */
interface ChoiceRow {
  id: string;
  name: string;
  description: string;
}

interface ChoiceDataset {
  id: string;
  name: string;
}

const BRANCH_TYPES: readonly OrgNodeSummary['type'][] = ['branch', 'mobile_branch'];

function toRow(node: OrgNodeSummary): ChoiceRow {
  return { id: node.id, name: node.name, description: ORG_NODE_TYPE_LABELS[node.type] ?? '' };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    parentId: '',
    heading: '请选择要管理的支部',
    /** Pages between this one and the desk, to go back to it in one step. */
    depth: 1,
    branches: [] as ChoiceRow[],
    nodes: [] as ChoiceRow[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const parentId = query.parentId ? decodeURIComponent(query.parentId) : '';
      const name = query.name ? decodeURIComponent(query.name) : '';
      const depth = Math.max(1, Number(query.depth) || 1);
      this.setData({ parentId, depth, heading: name ? `${name}的支部` : '请选择要管理的支部' });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onChooseBranch(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, ChoiceDataset>) {
      const { id, name } = event.currentTarget.dataset;
      rememberBranch({ id, name });
      void wx.showToast({ title: `已选择${name}`, icon: 'none' });
      void wx.navigateBack({ delta: this.data.depth });
    },

    onOpenNode(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, ChoiceDataset>) {
      const { id, name } = event.currentTarget.dataset;
      void wx.navigateTo({
        url: `/pages-secretary/branch/index?parentId=${encodeURIComponent(id)}&name=${encodeURIComponent(name)}&depth=${this.data.depth + 1}`,
      });
    },

    /** Top level from the caller's roles, or the children of `parentId`; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        if (this.data.parentId) {
          const items = await fetchOrgChildren(this.data.parentId);
          this.setData({
            status: 'ready',
            branches: items.filter((n) => BRANCH_TYPES.includes(n.type)).map(toRow),
            nodes: items
              .filter((n) => !BRANCH_TYPES.includes(n.type) && n.type !== 'station' && n.hasChildren)
              .map(toRow),
          });
          return;
        }
        const profile = await fetchWhoami();
        const branches = ownBranches(profile).map((b) => ({ id: b.id, name: b.name, description: '我任书记的支部' }));
        let nodes = profile.roles
          .filter((grant) => grant.role === 'admin')
          .map((grant) => ({ id: grant.scopeId, name: grant.scopeName, description: '我管理的组织' }));
        if (profile.isSuperAdmin && nodes.length === 0) {
          nodes = (await fetchOrgChildren()).filter((n) => n.type !== 'station').map(toRow);
        }
        this.setData({ status: 'ready', branches, nodes });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
