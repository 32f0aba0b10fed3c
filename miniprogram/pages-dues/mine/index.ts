/**
 * 我的党费: this month's dues, how far they are paid, the monthly amount and how it is computed,
 * arrears with their notice, and the way to pay, see receipts or declare a base. Members who pay
 * at home, or are not (yet) in a branch here, are told so.
 */
import type { MyDues } from '../../../typings';
import { BAND_LABELS, DECLARATION_STATUS_LABELS, DUES_CATEGORY_LABELS, MONTH_STATE_LABELS } from '../../constants/dues';
import { toCallError } from '../../services/cloud';
import { fetchMyDues } from '../../services/dues';
import { monthOfIso } from '../../utils/shanghai-time';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { monthText, monthsText, yuan } from '../common/format';

/** What the page shows, ready for WXML. */
export interface MyDuesView {
  owesHere: boolean;
  standingNote: string;
  branchName: string;
  month: string;
  thisMonthAmount: string;
  thisMonthState: string;
  thisMonthPaid: boolean;
  paidThrough: string;
  /** The monthly amount in force and why. */
  hasAmount: boolean;
  amount: string;
  category: string;
  explanation: string;
  pendingNote: string;
  reliefNote: string;
  unpaidText: string;
  unpaidAmount: string;
  hasUnpaid: boolean;
  olderArrears: string;
  bandLabel: string;
  behind: boolean;
  notice: string;
  todo: string;
  canPay: boolean;
}

export function toView(d: MyDues): MyDuesView {
  const profile = d.profile;
  const inForce = profile?.inForce?.review ?? null;
  const pending = profile?.pending ?? null;
  const relief = profile?.relief ?? null;
  return {
    owesHere: d.standing === 'owes_here',
    standingNote: d.standingNote,
    branchName: d.branchName ?? '',
    month: monthText(d.currentMonth),
    thisMonthAmount: d.thisMonth ? yuan(d.thisMonth.amountFen) : '',
    thisMonthState: d.thisMonth ? MONTH_STATE_LABELS[d.thisMonth.state] : '',
    thisMonthPaid: d.thisMonth?.state === 'paid' || d.thisMonth?.state === 'waived',
    paidThrough: d.paidThrough ? `已交至 ${monthText(d.paidThrough)}` : '还没有交纳记录',
    hasAmount: profile?.amountFen !== null && profile?.amountFen !== undefined,
    amount: profile?.amountFen !== null && profile?.amountFen !== undefined ? yuan(profile.amountFen) : '',
    category: inForce ? DUES_CATEGORY_LABELS[inForce.category] : '',
    explanation: profile?.explanation ?? '请先申报党费交纳基数，经党支部确认后按月计算党费。',
    pendingNote: pending
      ? `您在${monthText(monthOfIso(pending.declaredAt))}申报的基数${DECLARATION_STATUS_LABELS.pending}。`
      : '',
    reliefNote: relief
      ? `${relief.kind === 'waive' ? '免交' : '减交'}：${relief.reason}（${relief.approvedBy} 批准）`
      : '',
    unpaidText: monthsText(d.unpaid.map((m) => m.month)),
    unpaidAmount: yuan(d.unpaidFen),
    hasUnpaid: d.unpaid.length > 0,
    olderArrears: d.olderArrears.length > 0 ? `更早未交：${monthsText(d.olderArrears)}，请联系党支部处理。` : '',
    bandLabel: BAND_LABELS[d.band],
    behind: d.band !== 'none',
    notice: d.notice ?? '',
    todo: d.todo ?? '',
    canPay: d.choices.some((c) => c.payable),
  };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    view: null as MyDuesView | null,
    loaded: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    /** Back from paying or declaring: show what changed. */
    onShow() {
      if (this.data.loaded) void this.load(true);
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onPay() {
      void wx.navigateTo({ url: '/pages-dues/pay/index' });
    },

    onReceipts() {
      void wx.navigateTo({ url: '/pages-dues/receipts/index' });
    },

    onDeclare() {
      void wx.navigateTo({ url: '/pages-dues/declare/index' });
    },

    /** `quiet` keeps what is on screen while it loads. Never throws. */
    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const dues = await fetchMyDues();
        this.setData({ status: 'ready', loaded: true, view: toView(dues) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
