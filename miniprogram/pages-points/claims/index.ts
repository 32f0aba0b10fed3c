/**
 * 我的申报: the member's claims, newest first, with where each stands (waiting, approved with the
 * points it earned, or sent back with the reason), a page at a time.
 */
import type { ClaimView } from '../../../typings/areas/points';
import { CLAIM_STATE_LABELS, CLAIM_STATE_THEMES } from '../../constants/points';
import { toCallError } from '../../services/cloud';
import { fetchMyClaims } from '../../services/points';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { formatDay, signedPoints } from '../common/format';

interface ClaimRow {
  claimId: string;
  title: string;
  when: string;
  description: string;
  stateLabel: string;
  stateTheme: string;
  outcome: string;
}

/** What the member needs to know about a decision, in one line. */
function outcomeOf(c: ClaimView): string {
  if (c.state === 'pending') return '支部书记审核后会在这里告诉您结果';
  if (c.state === 'rejected') return `退回原因：${c.decisionNote ?? '未说明'}`;
  const points = c.points ?? 0;
  const gained = points === 0 ? '本次未加分' : `积分 ${signedPoints(points)}`;
  return c.decisionNote ? `${gained}（${c.decisionNote}）` : gained;
}

export function toClaimRow(c: ClaimView): ClaimRow {
  return {
    claimId: c.claimId,
    title: c.ruleName,
    when: `${formatDay(c.occurredOn)}${c.unit === 'hour' ? ` · ${c.quantity} 小时` : ''}`,
    description: c.description,
    stateLabel: CLAIM_STATE_LABELS[c.state],
    stateTheme: CLAIM_STATE_THEMES[c.state],
    outcome: outcomeOf(c),
  };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    rows: [] as ClaimRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      void this.loadMore();
    },

    onRetry() {
      void this.load();
    },

    onRetryMore() {
      void this.loadMore();
    },

    onNewClaim() {
      void wx.navigateTo({ url: '/pages-points/claim/index' });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const page = await fetchMyClaims(null);
        this.setData({ status: 'ready', rows: page.items.map(toClaimRow), nextCursor: page.nextCursor, moreError: '' });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async loadMore(): Promise<void> {
      const { nextCursor, loadingMore, status } = this.data;
      if (status !== 'ready' || !nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await fetchMyClaims(nextCursor);
        this.setData({
          rows: [...this.data.rows, ...page.items.map(toClaimRow)],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
