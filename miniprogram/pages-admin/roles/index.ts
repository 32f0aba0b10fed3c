/**
 * 人员与权限: who is secretary or administrator at a node (by name), taking a role away (after
 * confirming), and inviting someone to one: the invitation is a card to forward in WeChat or a
 * code to scan, used once and only within three days. Nobody types or sees an openid.
 * Secretaries are only offered on branches.
 */
import type { OrgNodeType, RoleName } from '../../../typings';
import type { RoleHolder } from '../../../typings/areas/org';
import { ORG_NODE_TYPE_LABELS } from '../../constants/org';
import { ROLE_LABELS } from '../../constants/roles';
import { showCallError, toCallError } from '../../services/cloud';
import { createInvitation, fetchInvitations, fetchRoles, revokeInvitation, revokeRole } from '../../services/org-admin';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { confirmAction, tell } from '../../utils/dialogs';
import { formatDay } from '../common/format';
import { invitationCard, type InvitationCard } from '../common/invitation-view';
import { grantableRoles } from '../common/org-rules';

interface HolderView {
  grantId: string;
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

function toView(holder: RoleHolder): HolderView {
  return {
    grantId: holder.grantId,
    name: holder.name ?? '（姓名未登记）',
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
    invitations: [] as InvitationCard[],
    roleOptions: [] as RoleOption[],
    role: 'admin' as RoleName,
    forName: '',
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

    /** Back from WeChat's share sheet or from another page: an invitation may have been accepted. */
    onShow() {
      if (this.data.status === 'ready') void this.load(true);
    },

    onRetry() {
      void this.load();
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const [holders, invitations] = await Promise.all([
          fetchRoles(this.data.scopeId),
          fetchInvitations(this.data.scopeId),
        ]);
        this.setData({
          status: 'ready',
          holders: holders.map(toView),
          invitations: invitations.map(invitationCard),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onPickRole(event: DataEvent<{ value: RoleName }>) {
      this.setData({ role: event.currentTarget.dataset.value, formError: '' });
    },

    onNameInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ forName: event.detail.value, formError: '' });
    },

    async onInvite(): Promise<void> {
      const { busy, role, scopeId } = this.data;
      const forName = this.data.forName.trim();
      if (busy) return;
      if (forName.length < 2) {
        this.setData({ formError: forName ? '姓名至少两个字' : '请填写对方的姓名，方便您核对是谁接受了邀请' });
        return;
      }
      this.setData({ busy: true });
      try {
        await createInvitation(role, scopeId, forName);
        this.setData({ forName: '' });
        void wx.showToast({ title: '邀请已生成', icon: 'success' });
        await this.load(true);
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },

    /** The card WeChat forwards: it opens 接受邀请 with the code. */
    onShareAppMessage(res: WechatMiniprogram.Page.IShareAppMessageOption) {
      const code = (res.target as { dataset?: { code?: string } } | undefined)?.dataset?.code;
      const card = this.data.invitations.find((c) => c.code === code);
      if (!card) return { title: '流动先锋', path: '/pages/home/index' };
      return { title: `${card.invitedBy}${card.offer}`, path: card.path };
    },

    async onRevokeInvitation(event: DataEvent<{ code: string }>): Promise<void> {
      const card = this.data.invitations.find((c) => c.code === event.currentTarget.dataset.code);
      if (!card || this.data.busy) return;
      const ok = await confirmAction(
        '撤销邀请',
        `确定撤销给 ${card.forName} 的邀请吗？撤销后，这个邀请就不能再用了。`,
        '撤销邀请',
        true,
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        await revokeInvitation(card.code);
        void wx.showToast({ title: '已撤销', icon: 'success' });
        await this.load(true);
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },

    async onRevoke(event: DataEvent<{ id: string }>): Promise<void> {
      const holder = this.data.holders.find((h) => h.grantId === event.currentTarget.dataset.id);
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
        const revoked = await revokeRole(this.data.scopeId, holder.grantId);
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
