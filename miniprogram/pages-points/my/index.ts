/**
 * 我的积分: this year's and the lifetime totals, this year by category, and the ledger newest
 * first, a page at a time as the member scrolls (each entry with what it was for, where it came
 * from and who approved it). Links to the rules, the claim form and the member's claims.
 */
import type { LedgerEntryView, PointsSummary } from '../../../typings/areas/points';
import { CATEGORY_LABELS, SOURCE_LABELS } from '../../constants/points';
import { toCallError } from '../../services/cloud';
import { fetchLedger, fetchPointsSummary } from '../../services/points';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { formatDay, signedPoints } from '../common/format';

/** One ledger line, ready to show. */
export interface EntryRow {
  entryId: string;
  title: string;
  reason: string;
  points: string;
  plus: boolean;
  meta: string;
  reversed: boolean;
  isReversal: boolean;
}

interface CategoryRow {
  label: string;
  points: string;
}

export function toEntryRow(e: LedgerEntryView): EntryRow {
  return {
    entryId: e.entryId,
    title: e.ruleName,
    reason: e.reason === e.ruleName ? '' : e.reason,
    points: signedPoints(e.points),
    plus: e.points > 0,
    meta: `${formatDay(e.occurredAt)} · ${SOURCE_LABELS[e.source.type]} · ${e.approvedBy}`,
    reversed: e.reversed,
    isReversal: e.reversalOf !== null,
  };
}

function categoryRows(summary: PointsSummary): CategoryRow[] {
  return summary.byCategory.map((c) => ({ label: CATEGORY_LABELS[c.category], points: signedPoints(c.points) }));
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    year: 0,
    yearTotal: 0,
    lifetimeTotal: 0,
    pendingClaims: 0,
    categories: [] as CategoryRow[],
    entries: [] as EntryRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    loaded: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    /** Back from the claim form or the claims: the pending count may have changed. */
    onShow() {
      if (this.data.loaded) void this.load(true);
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

    onOpenRules() {
      void wx.navigateTo({ url: '/pages-points/rules/index' });
    },

    onOpenClaim() {
      void wx.navigateTo({ url: '/pages-points/claim/index' });
    },

    onOpenClaims() {
      void wx.navigateTo({ url: '/pages-points/claims/index' });
    },

    /** Totals and the first page of the ledger, together; `quiet` keeps the page on screen. Never throws. */
    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const [summary, page] = await Promise.all([fetchPointsSummary(), fetchLedger(null)]);
        this.setData({
          status: 'ready',
          loaded: true,
          year: summary.year,
          yearTotal: summary.yearTotal,
          lifetimeTotal: summary.lifetimeTotal,
          pendingClaims: summary.pendingClaims,
          categories: categoryRows(summary),
          entries: page.items.map(toEntryRow),
          nextCursor: page.nextCursor,
          moreError: '',
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** The next page of the ledger, appended; a failure shows under the list with its own retry. */
    async loadMore(): Promise<void> {
      const { nextCursor, loadingMore, status } = this.data;
      if (status !== 'ready' || !nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await fetchLedger(nextCursor);
        this.setData({
          entries: [...this.data.entries, ...page.items.map(toEntryRow)],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
