/**
 * 组织详情: one node with its branches and service stations (address, hours, phone), and what an
 * administrator does there: open its lower nodes, add one, rename it, close it (the server says why
 * when it cannot), manage who holds roles, and import a 摸排 list.
 */
import type { OrgNodeType } from '../../../typings';
import type { OrgNodeDetail } from '../../../typings/areas/org';
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { showCallError, toCallError } from '../../services/cloud';
import { closeOrgNode, fetchOrgDetail, renameOrgNode } from '../../services/org-admin';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { tell } from '../../utils/dialogs';
import { askText } from '../common/ask';
import { CHILD_TYPES, EXTRA_LABELS } from '../common/org-rules';
import { setNavTitle } from '../../utils/nav-title';

interface Field {
  label: string;
  value: string;
}

interface NodeRow {
  id: string;
  name: string;
  description: string;
}

const MIN_NAME = 2;
const MAX_NAME = 40;
const MIN_REASON = 2;

/** The node's extras in a fixed order, unknown keys last; the agreement is its own group. */
function extraFields(extra: OrgNodeDetail['extra']): { fields: Field[]; agreement: Field[] } {
  const fields: Field[] = [];
  let agreement: Field[] = [];
  const keys = Object.keys(extra).sort((a, b) => {
    const order = Object.keys(EXTRA_LABELS);
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  for (const key of keys) {
    const value = extra[key];
    if (typeof value === 'string') {
      if (value.trim()) fields.push({ label: EXTRA_LABELS[key] ?? key, value });
    } else if (value && key === 'agreement') {
      agreement = Object.entries(value)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => ({ label: EXTRA_LABELS[k] ?? k, value: v }));
    }
  }
  return { fields, agreement };
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    id: '',
    name: '',
    type: 'branch' as OrgNodeType,
    typeLabel: '',
    closed: false,
    hasChildren: false,
    canAddChild: false,
    extras: [] as Field[],
    agreement: [] as Field[],
    branches: [] as NodeRow[],
    stations: [] as NodeRow[],
    busy: false,
    loaded: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      void this.load();
    },

    /** Back from adding a node or changing roles: show the node as it is now. */
    onShow() {
      if (this.data.loaded && !this.data.busy) void this.load(true);
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        this.show(await fetchOrgDetail(this.data.id));
      } catch (err) {
        if (quiet) return;
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    show(node: OrgNodeDetail) {
      const { fields, agreement } = extraFields(node.extra ?? {});
      setNavTitle(node.name, '组织详情');
      this.setData({
        status: 'ready',
        loaded: true,
        name: node.name,
        type: node.type,
        typeLabel: ORG_NODE_TYPE_LABELS[node.type] ?? '',
        closed: node.closed,
        hasChildren: node.hasChildren,
        canAddChild: !node.closed && CHILD_TYPES[node.type].length > 0,
        extras: fields,
        agreement,
        branches: node.branches.map((b) => ({
          id: b.id,
          name: b.name,
          description: ORG_NODE_TYPE_LABELS[b.type] ?? '',
        })),
        stations: node.stations.map((s) => ({
          id: s.id,
          name: s.name,
          description: [
            s.address && `地址：${s.address}`,
            s.openingHours && `开放时间：${s.openingHours}`,
            s.contactPhone && `电话：${s.contactPhone}`,
          ]
            .filter(Boolean)
            .join('\n'),
        })),
      });
    },

    onOpenChildren() {
      const { id, name } = this.data;
      void wx.navigateTo({ url: `/pages-admin/index/index?parentId=${enc(id)}&name=${enc(name)}` });
    },

    onOpenNode(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      void wx.navigateTo({ url: `/pages-admin/node/index?id=${enc(event.currentTarget.dataset.id)}` });
    },

    onAddChild() {
      const { id, name, type } = this.data;
      void wx.navigateTo({
        url: `/pages-admin/add/index?parentId=${enc(id)}&parentType=${type}&parentName=${enc(name)}`,
      });
    },

    onOpenRoles() {
      const { id, name, type } = this.data;
      void wx.navigateTo({
        url: `/pages-admin/roles/index?scopeId=${enc(id)}&scopeName=${enc(name)}&scopeType=${type}`,
      });
    },

    onOpenImport() {
      const { id, name } = this.data;
      void wx.navigateTo({ url: `/pages-admin/import/index?scopeId=${enc(id)}&scopeName=${enc(name)}` });
    },

    async onRename(): Promise<void> {
      if (this.data.busy) return;
      const name = await askText({
        title: '改名',
        placeholder: '请输入新名称',
        initial: this.data.name,
        confirmText: '改名',
      });
      if (name === null || name === this.data.name) return;
      if (name.length < MIN_NAME || name.length > MAX_NAME) {
        await tell('没有改名', `名称应为 ${MIN_NAME} 到 ${MAX_NAME} 个字。`);
        return;
      }
      await this.run(async () => {
        const node = await renameOrgNode(this.data.id, name);
        this.setData({ name: node.name });
        setNavTitle(node.name, '组织详情');
        void wx.showToast({ title: '已改名', icon: 'success' });
      });
    },

    /** Closing cannot be undone here: the reason dialog is the confirmation, with a red button. */
    async onClose(): Promise<void> {
      if (this.data.busy) return;
      const reason = await askText({
        title: `撤销“${this.data.name}”`,
        placeholder: '请写明撤销原因（必填）',
        confirmText: '撤销',
        danger: true,
      });
      if (reason === null) return;
      if (reason.length < MIN_REASON) {
        await tell('没有撤销', '撤销组织须写明原因（至少两个字），请重新操作。');
        return;
      }
      this.setData({ busy: true });
      try {
        await closeOrgNode(this.data.id, reason);
        this.setData({ closed: true, canAddChild: false });
        await tell('已撤销', `“${this.data.name}”已撤销。`);
        void wx.navigateBack();
      } catch (err) {
        await showCallError(err, '暂时不能撤销');
      } finally {
        this.setData({ busy: false });
      }
    },

    async run(action: () => Promise<void>): Promise<void> {
      this.setData({ busy: true });
      try {
        await action();
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
