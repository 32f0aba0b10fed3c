/**
 * 我的支部: the branch the member is assigned to, its secretary, and the nearest 流动党员服务管理站
 * (address, opening hours, phone). Tap the phone to call, the address to copy it. Written with
 * Component() for page tests.
 */
import type { MyMembership, StationInfo } from '../../../typings';
import { MEMBER_STATE_LABELS } from '../../constants/member';
import { toCallError } from '../../services/cloud';
import { fetchMyMembership } from '../../services/member';
import { isRetryable, type LoadStatus } from '../../utils/view-state';

type BranchKind = 'unregistered' | 'none' | 'branch';

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    kind: 'none' as BranchKind,
    noneText: '',
    branchName: '',
    secretaryName: '',
    station: null as StationInfo | null,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        this.show(await fetchMyMembership());
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    show(m: MyMembership | null) {
      if (!m) {
        this.setData({ status: 'ready', kind: 'unregistered' });
        return;
      }
      if (!m.branch) {
        this.setData({
          status: 'ready',
          kind: 'none',
          noneText: `编入党支部后，这里会显示您的支部、书记和服务站。您现在的情况：${MEMBER_STATE_LABELS[m.state]}。`,
        });
        return;
      }
      this.setData({
        status: 'ready',
        kind: 'branch',
        branchName: m.branch.name,
        secretaryName: m.branch.secretaryName ?? '',
        station: m.branch.station,
      });
    },

    onCallStation() {
      const phone = this.data.station?.contactPhone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },

    /** Copies the address so it can be pasted into a map app. */
    onCopyAddress() {
      const address = this.data.station?.address;
      if (address) wx.setClipboardData({ data: address });
    },

    onRegister() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },
  },
});
