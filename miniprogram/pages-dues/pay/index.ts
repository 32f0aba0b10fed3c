/**
 * 交纳党费: tick the months (arrears oldest first, this month, up to six ahead), see the total, pay
 * with WeChat Pay, and see the result with the receipt. The rules are checked again on the server;
 * ticking here only keeps the person from a choice it would refuse.
 */
import type { DuesReceipt, OrderStatus, PayChoice } from '../../../typings';
import { CHANNEL_LABELS, PAYMENT_POLL } from '../../constants/dues';
import { showCallError, toCallError } from '../../services/cloud';
import {
  cancelDuesPayment,
  fetchMyDues,
  fetchOrderStatus,
  requestDuesPayment,
  startDuesPayment,
} from '../../services/dues';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { monthText, monthsText, timeText, yuan } from '../common/format';
import { toggleMonth, totalOf } from '../common/selection';

interface ChoiceRow {
  month: string;
  label: string;
  kindLabel: string;
  amount: string;
  payable: boolean;
  note: string;
  selected: boolean;
}

interface ReceiptView {
  receiptNo: string;
  months: string;
  amount: string;
  time: string;
  channel: string;
}

type Phase = 'choose' | 'paying' | 'waiting' | 'done';

const KIND_LABELS: Record<PayChoice['kind'], string> = { arrears: '补交', current: '本月', ahead: '预交' };

function receiptView(r: DuesReceipt): ReceiptView {
  return {
    receiptNo: r.receiptNo,
    months: monthsText(r.months.map((m) => m.month)),
    amount: yuan(r.totalFen),
    time: timeText(r.paidAt),
    channel: CHANNEL_LABELS[r.channel],
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    choices: [] as PayChoice[],
    rows: [] as ChoiceRow[],
    selected: [] as string[],
    total: '0.00',
    payRule: '',
    phase: 'choose' as Phase,
    orderId: '',
    result: null as null | { state: OrderStatus['state']; title: string; message: string; receipt: ReceiptView | null },
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const dues = await fetchMyDues();
        const choices = dues.choices;
        // The months owed now (arrears and this month) are ticked to start with.
        const owedNow = choices.filter((c) => c.payable && c.kind !== 'ahead').map((c) => c.month);
        this.setData({ status: 'ready', choices, payRule: dues.payRule, phase: 'choose', result: null });
        this.select(owedNow);
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    select(selected: string[]) {
      const { choices } = this.data;
      this.setData({
        selected,
        total: yuan(totalOf(choices, selected)),
        rows: choices.map((c) => ({
          month: c.month,
          label: monthText(c.month),
          kindLabel: KIND_LABELS[c.kind],
          amount: yuan(c.amountFen),
          payable: c.payable,
          note: c.note,
          selected: selected.includes(c.month),
        })),
      });
    },

    onToggle(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { month: string }>) {
      if (this.data.phase !== 'choose') return;
      this.select(toggleMonth(this.data.choices, this.data.selected, event.currentTarget.dataset.month));
    },

    /** Order, the payment step, then the result from the server (the callback may take a moment). */
    async onPay(): Promise<void> {
      const { selected, phase } = this.data;
      if (phase !== 'choose' || selected.length === 0) return;
      this.setData({ phase: 'paying' });
      let orderId = '';
      try {
        const order = await startDuesPayment(selected);
        orderId = order.orderId;
        this.setData({ orderId });
        const outcome = await requestDuesPayment(order, yuan(order.totalFen));
        if (outcome === 'cancelled') {
          await cancelDuesPayment(orderId).catch(() => undefined);
          this.setData({ phase: 'choose' });
          void wx.showToast({ title: '已取消支付，没有扣款', icon: 'none', duration: 2500 });
          return;
        }
        this.setData({ phase: 'waiting' });
        this.showResult(await this.waitForResult(orderId));
      } catch (err) {
        this.setData({ phase: 'choose' });
        void showCallError(err, '交纳没有成功');
      }
    },

    /** Ask until the order is settled, or give up politely (the result shows in 交费记录 later). */
    async waitForResult(orderId: string): Promise<OrderStatus | null> {
      for (let i = 0; i < PAYMENT_POLL.attempts; i += 1) {
        const status = await fetchOrderStatus(orderId);
        if (status.state !== 'pending') return status;
        await pause(PAYMENT_POLL.intervalMs);
      }
      return null;
    },

    showResult(status: OrderStatus | null) {
      if (!status) {
        this.setData({
          phase: 'done',
          result: {
            state: 'pending',
            title: '正在确认支付结果',
            message: '微信支付的结果还在路上。如已扣款，稍后可在“交费记录”里看到收据。',
            receipt: null,
          },
        });
        return;
      }
      const titles: Record<OrderStatus['state'], string> = {
        paid: '交纳成功',
        pending: '正在确认支付结果',
        failed: '支付没有成功',
        closed: '已取消',
        unapplied: '付款未计入党费',
      };
      this.setData({
        phase: 'done',
        result: {
          state: status.state,
          title: titles[status.state],
          message: status.message,
          receipt: status.receipt ? receiptView(status.receipt) : null,
        },
      });
    },

    onAgain() {
      void this.load();
    },

    onReceipts() {
      void wx.redirectTo({ url: '/pages-dues/receipts/index' });
    },

    onBack() {
      void wx.navigateBack();
    },
  },
});
