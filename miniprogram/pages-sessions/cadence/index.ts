/**
 * 组织生活提醒: the branch's 三会一课 this month, quarter and year — what is still to hold comes
 * first, each with the days left and a way straight to publishing it.
 */
import { toCallError } from '../../services/cloud';
import { fetchCadence } from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { toCadenceViews, type CadenceView } from './view';

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    branchId: '',
    branchName: '',
    items: [] as CadenceView[],
    missing: 0,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ branchId: decodeURIComponent(query.branchId ?? '') });
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
        const report = await fetchCadence(this.data.branchId);
        this.setData({
          status: 'ready',
          branchName: report.branchName,
          items: toCadenceViews(report.items),
          missing: report.missing,
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onPublish(event: WechatMiniprogram.BaseEvent<Record<string, never>, { kind: string }>) {
      const kind = encodeURIComponent(event.currentTarget.dataset.kind);
      void wx.navigateTo({
        url: `/pages-sessions/publish/index?kind=${kind}&branchId=${encodeURIComponent(this.data.branchId)}`,
      });
    },
  },
});
