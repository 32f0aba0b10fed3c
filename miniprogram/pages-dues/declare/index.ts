/**
 * 申报交纳基数: the member picks their category, types the monthly base in 元 where the category
 * has one, sees what it gives and why (the server's quote), and sends it to the branch to confirm.
 */
import type { DuesCategory, DuesQuoteView } from '../../../typings';
import { DUES_BASE_NAMES, DUES_CATEGORIES, DUES_CATEGORY_LABELS } from '../../constants/dues';
import { isCallError, showCallError, toCallError } from '../../services/cloud';
import { declareDuesBase, fetchMyDues, quoteDues } from '../../services/dues';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { addMonth, monthText, parseYuan, yuan } from '../common/format';

interface CategoryRow {
  value: DuesCategory;
  label: string;
  selected: boolean;
}

/** Months a declaration may take effect from: six back to six ahead. */
function monthChoices(current: string): string[] {
  return Array.from({ length: 13 }, (_v, i) => addMonth(current, i - 6));
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    categories: [] as CategoryRow[],
    category: '' as DuesCategory | '',
    baseName: '' as string,
    baseText: '',
    note: '',
    months: [] as string[],
    monthLabels: [] as string[],
    monthIndex: 6,
    formError: '',
    quote: null as DuesQuoteView | null,
    quoteAmount: '',
    quoting: false,
    submitting: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    /** Starts from what is declared or in force, and from the first month owed when nothing is yet. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const dues = await fetchMyDues();
        if (dues.standing !== 'owes_here') {
          this.setData({ status: 'error', errorMessage: dues.standingNote, retryable: false });
          return;
        }
        const months = monthChoices(dues.currentMonth);
        const known = dues.profile?.pending ?? dues.profile?.inForce ?? null;
        const start = known ? dues.currentMonth : (dues.owesFrom ?? dues.currentMonth);
        const at = months.indexOf(start);
        this.setData({ status: 'ready', months, monthLabels: months.map(monthText), monthIndex: at === -1 ? 6 : at });
        this.choose(known?.category ?? '', known?.baseFen ?? null);
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    choose(category: DuesCategory | '', baseFen: number | null = null) {
      this.setData({
        category,
        baseName: category ? (DUES_BASE_NAMES[category] ?? '') : '',
        categories: DUES_CATEGORIES.map((value) => ({
          value,
          label: DUES_CATEGORY_LABELS[value],
          selected: value === category,
        })),
        ...(baseFen !== null ? { baseText: yuan(baseFen).replace(/,/g, '') } : {}),
        quote: null,
        quoteAmount: '',
        formError: '',
      });
    },

    onCategory(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { value: DuesCategory }>,
    ) {
      this.choose(event.currentTarget.dataset.value);
      if (!this.data.baseName) void this.onQuote();
    },

    onBase(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ baseText: event.detail.value, quote: null, quoteAmount: '', formError: '' });
    },

    onNote(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: event.detail.value });
    },

    onMonth(event: WechatMiniprogram.CustomEvent<{ value: string | number }>) {
      this.setData({ monthIndex: Number(event.detail.value) });
    },

    /** The form as the contract wants it, or a message saying what is missing. */
    formInput(): { category: DuesCategory; baseFen?: number } | string {
      const { category, baseName, baseText } = this.data;
      if (!category) return '请先选择您的情况';
      if (!baseName) return { category };
      const baseFen = parseYuan(baseText);
      if (baseFen === null) return `请填写${baseName}，单位是元，例如 4500 或 4500.50`;
      return { category, baseFen };
    },

    async onQuote(): Promise<void> {
      const input = this.formInput();
      if (typeof input === 'string') {
        this.setData({ formError: input });
        return;
      }
      this.setData({ quoting: true, formError: '' });
      try {
        const quote = await quoteDues(input);
        this.setData({ quote, quoteAmount: quote.amountFen === null ? '' : yuan(quote.amountFen), quoting: false });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ quoting: false, formError: error.message });
      }
    },

    async onSubmit(): Promise<void> {
      const input = this.formInput();
      if (typeof input === 'string') {
        this.setData({ formError: input });
        return;
      }
      const { months, monthIndex, note, submitting } = this.data;
      if (submitting) return;
      this.setData({ submitting: true, formError: '' });
      try {
        await declareDuesBase({ ...input, note, effectiveMonth: months[monthIndex]! });
        this.setData({ submitting: false });
        void wx.showToast({ title: '已提交，等待支部确认', icon: 'none', duration: 2500 });
        void wx.navigateBack();
      } catch (err) {
        this.setData({ submitting: false });
        if (isCallError(err) && err.code === 'INVALID_ARGUMENT') this.setData({ formError: err.message });
        else void showCallError(err, '没有提交成功');
      }
    },
  },
});
