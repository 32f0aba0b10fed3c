/**
 * 登记线下收款: the secretary records cash or a bank transfer for a member, with the paper
 * receipt's number, for months owed (older arrears included, which only the branch settles) or up
 * to six ahead. A payment entered by mistake is cancelled by 冲正 (a reversal record with the
 * reason); nothing is ever edited.
 */
import { pickedDayText } from '../../utils/shanghai-time';
import type { DuesReceipt, MemberDuesView } from '../../../typings';
import { BAND_LABELS, CHANNEL_LABELS, OFFLINE_CHANNELS } from '../../constants/dues';
import { isCallError, showCallError, toCallError } from '../../services/cloud';
import { fetchMemberDues, recordOfflinePayment, reverseOfflinePayment } from '../../services/dues';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { monthText, monthsText, receivedText, todayText, yuan } from '../common/format';
import { toggleMonth, totalOf, type Selectable } from '../common/selection';

interface MonthRow {
  month: string;
  label: string;
  note: string;
  amount: string;
  selected: boolean;
}

interface ReceiptRow {
  paymentId: string;
  text: string;
  amount: string;
  reversible: boolean;
  reversed: boolean;
}

/** Owed months of any age (stored, unpaid) then the months ahead on offer, oldest first. */
export function offlineChoices(view: MemberDuesView): (Selectable & { note: string })[] {
  const owed = view.months
    .filter((m) => (m.state === 'due' || m.state === 'reduced') && m.month <= view.currentMonth)
    .map((m) => ({
      month: m.month,
      amountFen: m.amountFen,
      payable: true,
      note: m.month < view.currentMonth ? '欠交' : '本月',
    }));
  const ahead = view.choices
    .filter((c) => c.kind === 'ahead' && c.payable)
    .map((c) => ({ month: c.month, amountFen: c.amountFen, payable: true, note: '预交' }));
  return [...owed, ...ahead];
}

function receiptRow(r: DuesReceipt): ReceiptRow {
  const months = monthsText(r.months.map((m) => m.month));
  return {
    paymentId: r.paymentId,
    text:
      r.kind === 'reversal'
        ? `冲正 ${r.receiptNo}：${months}（${r.note ?? ''}）`
        : `${CHANNEL_LABELS[r.channel]} ${r.receiptNo}：${months}，${receivedText(r)}`,
    amount: yuan(r.totalFen),
    reversible: r.kind === 'payment' && r.channel !== 'wxpay' && !r.reversed,
    reversed: r.reversed,
  };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    noBase: false,
    errorMessage: '',
    retryable: true,
    memberId: '',
    name: '',
    bandLabel: '',
    owesHere: true,
    standingNote: '',
    choices: [] as (Selectable & { note: string })[],
    rows: [] as MonthRow[],
    selected: [] as string[],
    total: '0.00',
    channels: OFFLINE_CHANNELS,
    channel: 'cash' as 'cash' | 'bank_transfer',
    receiptNo: '',
    paidOn: '',
    paidOnText: '',
    today: '',
    note: '',
    formError: '',
    saving: false,
    receipts: [] as ReceiptRow[],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        memberId: query.memberId ?? '',
        paidOn: todayText(),
        paidOnText: pickedDayText(todayText()),
        today: todayText(),
      });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onOpenBases() {
      void wx.navigateTo({ url: '/pages-dues/bases/index' });
    },

    async load(): Promise<void> {
      const { memberId } = this.data;
      if (!memberId) {
        this.setData({ status: 'error', errorMessage: '请从支部党费页面点选一名党员', retryable: false });
        return;
      }
      this.setData({ status: 'loading' });
      try {
        const view = await fetchMemberDues(memberId);
        const choices = offlineChoices(view);
        this.setData({
          status: 'ready',
          name: view.name,
          bandLabel: BAND_LABELS[view.band],
          owesHere: view.standing === 'owes_here',
          // Without a confirmed base every month is 0 元: the form would record nothing real.
          noBase: view.profile?.amountFen === null || view.profile === null,
          standingNote: view.standingNote,
          choices,
          receipts: view.receipts.map(receiptRow),
        });
        this.select([]);
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
          note: c.note,
          amount: yuan(c.amountFen),
          selected: selected.includes(c.month),
        })),
      });
    },

    onToggle(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { month: string }>) {
      this.select(toggleMonth(this.data.choices, this.data.selected, event.currentTarget.dataset.month));
    },

    onChannel(
      event: WechatMiniprogram.CustomEvent<
        Record<string, never>,
        Record<string, never>,
        { value: 'cash' | 'bank_transfer' }
      >,
    ) {
      this.setData({ channel: event.currentTarget.dataset.value });
    },

    onReceiptNo(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ receiptNo: event.detail.value, formError: '' });
    },

    onNote(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },

    onDate(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ paidOn: event.detail.value, paidOnText: pickedDayText(event.detail.value) });
    },

    async onSubmit(): Promise<void> {
      const { selected, receiptNo, channel, paidOn, note, memberId, choices, saving, total } = this.data;
      if (saving) return;
      if (selected.length === 0) return this.setData({ formError: '请选择收款的月份' });
      if (!receiptNo.trim()) return this.setData({ formError: '请填写收据编号' });
      const confirmed = await new Promise<boolean>((resolve) => {
        wx.showModal({
          title: '核对收款',
          content: `${this.data.name}：${monthsText(selected)}，应收 ${total} 元。收到的金额一致吗？`,
          confirmText: '一致，登记',
          cancelText: '再看看',
          success: (res) => resolve(res.confirm),
          fail: () => resolve(false),
        });
      });
      if (!confirmed) return;
      this.setData({ saving: true, formError: '' });
      try {
        const receipt = await recordOfflinePayment({
          memberId,
          months: selected,
          channel,
          receiptNo,
          totalFen: totalOf(choices, selected),
          paidOn,
          ...(note.trim() ? { note } : {}),
        });
        this.setData({ saving: false, receiptNo: '', note: '' });
        void wx.showToast({ title: `已登记 ${yuan(receipt.totalFen)} 元`, icon: 'none' });
        await this.load();
      } catch (err) {
        this.setData({ saving: false });
        if (isCallError(err) && (err.code === 'INVALID_ARGUMENT' || err.code === 'ALREADY_EXISTS')) {
          this.setData({ formError: err.message });
        } else {
          void showCallError(err, '没有登记成功');
        }
      }
    },

    /** 冲正: asks for the reason, then appends the reversal. */
    async onReverse(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const paymentId = event.currentTarget.dataset.id;
      const reason = await new Promise<string | null>((resolve) => {
        wx.showModal({
          title: '冲正这笔收款',
          content: '',
          editable: true,
          placeholderText: '请写明原因，例如：收据金额录错',
          confirmText: '冲正',
          success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
          fail: () => resolve(null),
        });
      });
      if (reason === null) return;
      if (reason.length < 2) {
        void wx.showToast({ title: '请写明冲正的原因', icon: 'none' });
        return;
      }
      try {
        await reverseOfflinePayment(paymentId, reason);
        void wx.showToast({ title: '已冲正', icon: 'none' });
        await this.load();
      } catch (err) {
        void showCallError(err, '没有冲正成功');
      }
    },
  },
});
