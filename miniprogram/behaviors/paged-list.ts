/**
 * A list shown a page at a time: the first page (loading, empty, error with 重试), more at the
 * bottom (with its own retry under the list), pull down to start again. Pages mix it in with
 * `behaviors: [pagedList<Row>()]` and define `fetchRows(cursor)`; the rows live in `data.rows`.
 *
 * More rows are appended by path (`rows[20]`, `rows[21]`…), so a page of 20 sends 20 rows to the
 * view layer, not the whole list again: setData stays small however far the person scrolls.
 */
import type { PageCursor } from '../../typings/paging';
import { toCallError } from '../services/cloud';
import { isRetryable, type LoadStatus } from '../utils/view-state';

/** One page of rows as the view shows them; `extra` is set together with the first page (totals, a header). */
export interface RowsPage<Row> {
  items: Row[];
  nextCursor: PageCursor | null;
  extra?: Record<string, unknown>;
}

/** Which load is current: a reply to an older one (before a refresh or a tab change) is dropped. */
const generations = new WeakMap<object, number>();
const nextGeneration = (owner: object) => {
  const n = (generations.get(owner) ?? 0) + 1;
  generations.set(owner, n);
  return n;
};
const isCurrent = (owner: object, n: number) => generations.get(owner) === n;

/** The paged-list behaviour, typed by the page's row view. */
export function pagedList<Row>() {
  return Behavior({
    data: {
      status: 'loading' as LoadStatus,
      errorMessage: '',
      retryable: true,
      rows: [] as Row[],
      nextCursor: null as PageCursor | null,
      loadingMore: false,
      moreError: '',
      /** Set once the first page has been shown, so onShow can refresh only on coming back. */
      loaded: false,
    },

    methods: {
      /** Defined by the page: the rows after `cursor` (null: the first page). */
      fetchRows(cursor: PageCursor | null): Promise<RowsPage<Row>> {
        return Promise.reject(new Error(`pagedList: the page defines no fetchRows (cursor ${String(cursor)})`));
      },

      /** The first page; `quiet` keeps the current rows on screen while it loads. Never throws. */
      async loadFirst(quiet = false): Promise<void> {
        const n = nextGeneration(this);
        if (!quiet) this.setData({ status: 'loading' });
        try {
          const page = await this.fetchRows(null);
          if (!isCurrent(this, n)) return;
          this.setData({
            ...page.extra,
            status: 'ready',
            loaded: true,
            rows: page.items,
            nextCursor: page.nextCursor,
            loadingMore: false,
            moreError: '',
          });
        } catch (err) {
          if (!isCurrent(this, n)) return;
          const error = toCallError(err);
          this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
        }
      },

      /** The next page, appended row by row; a failure shows under the list with its own retry. */
      async loadMore(): Promise<void> {
        const { nextCursor, loadingMore, status } = this.data;
        if (status !== 'ready' || !nextCursor || loadingMore) return;
        const n = generations.get(this) ?? 0;
        this.setData({ loadingMore: true, moreError: '' });
        try {
          const page = await this.fetchRows(nextCursor);
          if (!isCurrent(this, n)) return;
          const start = this.data.rows.length;
          const patch: Record<string, unknown> = { nextCursor: page.nextCursor, loadingMore: false };
          page.items.forEach((row, i) => {
            patch[`rows[${start + i}]`] = row;
          });
          this.setData(patch);
        } catch (err) {
          if (!isCurrent(this, n)) return;
          this.setData({ loadingMore: false, moreError: toCallError(err).message });
        }
      },

      /** Start again from the first page with nothing shown (a new tab or filter). */
      restartList(): Promise<void> {
        this.setData({ rows: [], nextCursor: null, loadingMore: false, moreError: '' });
        return this.loadFirst();
      },

      /** Drop rows that left the list (a claim decided, a base reviewed). */
      removeRows(keep: (row: Row) => boolean): void {
        this.setData({ rows: this.data.rows.filter(keep) });
      },

      /** Show one row changed in place, by path. */
      replaceRow(index: number, row: Row): void {
        this.setData({ [`rows[${index}]`]: row });
      },

      onPullDownRefresh() {
        void this.loadFirst().then(() => wx.stopPullDownRefresh());
      },

      onReachBottom() {
        void this.loadMore();
      },

      onRetry() {
        void this.loadFirst();
      },

      onRetryMore() {
        void this.loadMore();
      },
    },
  });
}
