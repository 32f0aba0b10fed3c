/**
 * 交费记录: every receipt, newest first (number, months, amount, time, how paid), a page at a time.
 * A payment cancelled by the branch shows as 已冲正, next to its reversal.
 */
import type { DuesReceipt } from '../../../typings';
import { CHANNEL_LABELS } from '../../constants/dues';
import { fetchMyReceipts } from '../../services/dues';
import { monthsText, receivedText, yuan } from '../common/format';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';

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
  behaviors: [pagedList<ReceiptRow>()],

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<ReceiptRow>> {
      const page = await fetchMyReceipts(cursor);
      return { items: page.items.map(toReceiptRow), nextCursor: page.nextCursor };
    },
  },
});
