/**
 * 首页: greets the caller and shows who they are (roles, where those apply), with the
 * workbench entries their roles allow. Written with Component() so page tests can load it.
 */
import { toCallError } from '../../services/cloud';
import { fetchWhoami } from '../../services/user';
import { canOpenAdminDesk, canOpenSecretaryDesk, greeting, roleTags, scopeLines } from '../../utils/profile';
import { isRetryable, type LoadStatus } from '../../utils/view-state';

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
