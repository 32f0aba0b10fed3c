/**
 * 我的积分: this year's and the lifetime totals, this year by category, and the ledger newest
 * first, a page at a time as the member scrolls (each entry with what it was for, where it came
 * from and who approved it). Links to the rules, the claim form and the member's claims.
 */
import type { LedgerEntryView, PointsSummary } from '../../../typings/areas/points';
import { CATEGORY_LABELS, SOURCE_LABELS } from '../../constants/points';
import { fetchLedger, fetchPointsSummary } from '../../services/points';
import { formatDay, signedPoints } from '../common/format';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';

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
  behaviors: [pagedList<EntryRow>()],

  data: {
    year: 0,
    yearTotal: 0,
    lifetimeTotal: 0,
    pendingClaims: 0,
    categories: [] as CategoryRow[],
  },

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    /** Back from the claim form or the claims: the pending count may have changed. */
    onShow() {
      if (this.data.loaded) void this.loadFirst(true);
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

    /** The ledger a page at a time; the totals come with the first page, in the same wait. */
    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<EntryRow>> {
      if (cursor) {
        const page = await fetchLedger(cursor);
        return { items: page.items.map(toEntryRow), nextCursor: page.nextCursor };
      }
      const [summary, page] = await Promise.all([fetchPointsSummary(), fetchLedger(null)]);
      return {
        items: page.items.map(toEntryRow),
        nextCursor: page.nextCursor,
        extra: {
          year: summary.year,
          yearTotal: summary.yearTotal,
          lifetimeTotal: summary.lifetimeTotal,
          pendingClaims: summary.pendingClaims,
          categories: categoryRows(summary),
        },
      };
    },
  },
});
