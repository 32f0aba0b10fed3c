/**
 * 首页: greets the caller, shows who they are (roles, where those apply) with the workbench
 * entries their roles allow, and where their membership stands (未报到 / 审核中 / 需要修改 / 已编入
 * with branch, contact and certificate). Roles load once (onLoad); the membership loads on every
 * show, so it is fresh after registering or editing elsewhere. Written with Component() so page
 * tests can load it.
 */
import { toCallError } from '../../services/cloud';
import { fetchMyMembership } from '../../services/member';
import { fetchWhoami } from '../../services/user';
import { canOpenAdminDesk, canOpenSecretaryDesk, greeting, roleTags, scopeLines } from '../../utils/profile';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { membershipCard, type MembershipCard } from './membership-view';

/** The membership card's own state: 'idle' until the first show asks for it. */
type MemberLoadStatus = LoadStatus | 'idle';

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    greeting: '',
    roleTags: [] as string[],
    scopeLines: [] as string[],
    registered: true,
    showSecretaryEntry: false,
    showAdminEntry: false,
    memberStatus: 'idle' as MemberLoadStatus,
    memberError: '',
    memberRetryable: true,
    card: membershipCard(null) as MembershipCard,
    /** 未报到: from whoami at first, then from member.me once it has answered. */
    showUnregistered: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      void this.loadMembership();
    },

    onPullDownRefresh() {
      void Promise.all([this.load(), this.loadMembership()]).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
      if (this.data.memberStatus === 'error') void this.loadMembership();
    },

    onRetryMembership() {
      void this.loadMembership();
    },

    /** Asks who the caller is and shows it; never throws (failures become the error state). */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const profile = await fetchWhoami();
        this.setData({
          status: 'ready',
          greeting: greeting(profile),
          roleTags: roleTags(profile),
          scopeLines: scopeLines(profile),
          registered: profile.memberId !== null,
          showSecretaryEntry: canOpenSecretaryDesk(profile),
          showAdminEntry: canOpenAdminDesk(profile),
        });
        this.updateUnregistered();
      } catch (err) {
        const error = toCallError(err);
        this.setData({
          status: 'error',
          errorMessage: error.message,
          retryable: isRetryable(error.code),
        });
      }
    },

    /** Asks where the membership stands; a failure shows on its card only, never the whole page. */
    async loadMembership(): Promise<void> {
      if (this.data.memberStatus !== 'ready') this.setData({ memberStatus: 'loading' });
      try {
        const membership = await fetchMyMembership();
        this.setData({ memberStatus: 'ready', card: membershipCard(membership) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ memberStatus: 'error', memberError: error.message, memberRetryable: isRetryable(error.code) });
      }
      this.updateUnregistered();
    },

    updateUnregistered() {
      const { memberStatus, card, registered } = this.data;
      this.setData({ showUnregistered: memberStatus === 'ready' ? card.kind === 'none' : !registered });
    },

    onRegister() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },

    onResubmit() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },

    /** Calls the paired branch contact (结对联系人). */
    onCallContact() {
      const phone = this.data.card.contactPhone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
  },
});
