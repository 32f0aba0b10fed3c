/**
 * 交费记录: every receipt, newest first (number, months, amount, time, how paid), a page at a time.
 * A payment cancelled by the branch shows as 已冲正, next to its reversal.
 */
import type { DuesReceipt } from '../../../typings';
import { CHANNEL_LABELS } from '../../constants/dues';
import { toCallError } from '../../services/cloud';
import { fetchMyReceipts } from '../../services/dues';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { monthsText, receivedText, yuan } from '../common/format';

export interface ReceiptRow {
  id: string;
  title: string;
  receiptNo: string;
  months: string;
  amount: string;
  time: string;
  channel: string;
  reversed: boolean;
  isReversal: boolean;
  note: string;
}

export function toReceiptRow(r: DuesReceipt): ReceiptRow {
  const isReversal = r.kind === 'reversal';
  return {
    id: r.paymentId,
    title: isReversal ? '冲正（撤销一笔收款）' : '交纳党费',
    receiptNo: r.receiptNo,
    months: monthsText(r.months.map((m) => m.month)),
    amount: yuan(r.totalFen),
    time: receivedText(r),
    channel: CHANNEL_LABELS[r.channel] + (r.recordedBy ? `（${r.recordedBy} 登记）` : ''),
    reversed: r.reversed,
    isReversal,
    note: r.note ?? '',
  };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    rows: [] as ReceiptRow[],
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

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const page = await fetchMyReceipts(null);
        this.setData({
          status: 'ready',
          rows: page.items.map(toReceiptRow),
          nextCursor: page.nextCursor,
          moreError: '',
        });
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
        const page = await fetchMyReceipts(nextCursor);
        this.setData({
          rows: [...this.data.rows, ...page.items.map(toReceiptRow)],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
