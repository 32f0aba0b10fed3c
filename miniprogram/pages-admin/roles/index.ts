/**
 * 人员与权限: who is secretary or administrator at a node, taking a role away (after confirming),
 * and granting one to someone by their openid. Secretaries are only offered on branches.
 */
import type { OrgNodeType, RoleName } from '../../../typings';
import type { RoleHolder } from '../../../typings/areas/org';
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { ROLE_LABELS } from '../../constants/roles';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchRoles, grantRole, revokeRole } from '../../services/org-admin';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { confirmAction, tell } from '../../utils/dialogs';
import { formatDay } from '../common/format';
import { grantableRoles } from '../common/org-rules';

interface HolderView {
  key: string;
  openid: string;
  role: RoleName;
  name: string;
  roleLabel: string;
  granted: string;
}

interface RoleOption {
  value: RoleName;
  label: string;
}

type DataEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

/** What an openid looks like (WeChat's are 28 characters; demo ones are shorter). */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

function toView(holder: RoleHolder): HolderView {
  return {
    key: `${holder.role}:${holder.openid}`,
    openid: holder.openid,
    role: holder.role,
    name: holder.name ?? '（还没有报到，暂无姓名）',
    roleLabel: ROLE_LABELS[holder.role] ?? holder.role,
    granted: holder.grantedAt ? `${formatDay(holder.grantedAt)}授予` : '',
  };
}

function isNodeType(value: string | undefined): value is OrgNodeType {
  return value !== undefined && value in ORG_NODE_TYPE_LABELS;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    scopeId: '',
    scopeName: '',
    holders: [] as HolderView[],
    roleOptions: [] as RoleOption[],
    role: 'admin' as RoleName,
    openid: '',
    formError: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const scopeType: OrgNodeType = isNodeType(query.scopeType) ? query.scopeType : 'district';
      const roleOptions = grantableRoles(scopeType).map((value) => ({ value, label: ROLE_LABELS[value] }));
      this.setData({
        scopeId: query.scopeId ? decodeURIComponent(query.scopeId) : '',
        scopeName: query.scopeName ? decodeURIComponent(query.scopeName) : '',
        roleOptions,
        role: roleOptions[0]?.value ?? 'admin',
      });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const holders = await fetchRoles(this.data.scopeId);
        this.setData({ status: 'ready', holders: holders.map(toView) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onPickRole(event: DataEvent<{ value: RoleName }>) {
      this.setData({ role: event.currentTarget.dataset.value, formError: '' });
    },

    onOpenidInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ openid: event.detail.value, formError: '' });
    },

    async onGrant(): Promise<void> {
      const { busy, role, scopeId, scopeName } = this.data;
      const openid = this.data.openid.trim();
      if (busy) return;
      if (!OPENID.test(openid)) {
        this.setData({
          formError: openid ? '用户编号的格式不对，请让对方重新复制后发给您' : '请填写对方的用户编号（openid）',
        });
        return;
      }
      const label = ROLE_LABELS[role];
      const ok = await confirmAction('授予角色', `确定让用户 ${openid} 担任“${scopeName}”的${label}吗？`, '确定授予');
      if (!ok) return;
      this.setData({ busy: true });
      try {
        await grantRole(openid, role, scopeId);
        this.setData({ openid: '' });
        void wx.showToast({ title: '已授予', icon: 'success' });
        await this.load(true);
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },

    async onRevoke(event: DataEvent<{ key: string }>): Promise<void> {
      const holder = this.data.holders.find((h) => h.key === event.currentTarget.dataset.key);
      if (!holder || this.data.busy) return;
      const ok = await confirmAction(
        `撤销${holder.roleLabel}`,
        `确定撤销 ${holder.name} 的${holder.roleLabel}吗？撤销后，他将不能再管理“${this.data.scopeName}”。`,
        '撤销',
        true,
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        const revoked = await revokeRole(holder.openid, holder.role, this.data.scopeId);
        if (revoked) void wx.showToast({ title: '已撤销', icon: 'success' });
        else await tell('不用撤销', '此人已经没有这个角色了。');
        await this.load(true);
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
