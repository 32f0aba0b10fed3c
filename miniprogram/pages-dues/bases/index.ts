/**
 * 确认交纳基数: the declarations waiting in the branch, each with what it gives and why. The
 * secretary confirms it as declared, corrects it (a new base and the reason), or sends it back with
 * the reason. Farmers' monthly amount (0.2 to 1 元) is set here by the branch.
 */
import type { PendingBaseRow } from '../../../typings';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { DUES_BASE_NAMES } from '../../constants/dues';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchPendingBases, reviewDuesBase, type ReviewInput } from '../../services/dues';
import { isRetryable } from '../../utils/view-state';
import { branchOf } from '../common/branch';
import { monthText, parseYuan, timeText, yuan } from '../common/format';

interface BaseCard {
  memberId: string;
  declarationId: string;
  name: string;
  category: string;
  declared: string;
  from: string;
  note: string;
  when: string;
  quote: string;
  quoteAmount: string;
  current: string;
  farmer: boolean;
  baseName: string;
}

type Mode = 'confirm' | 'correct' | 'reject';

function toCard(r: PendingBaseRow): BaseCard {
  const d = r.declaration;
  const baseName = DUES_BASE_NAMES[d.category] ?? '';
  return {
    memberId: r.memberId,
    declarationId: d.id,
    name: r.name,
    category: d.categoryLabel,
    declared: d.baseFen === null ? '' : `${baseName} ${yuan(d.baseFen)} 元`,
    from: monthText(d.effectiveMonth),
    note: d.note,
    when: timeText(d.declaredAt),
    quote: r.quote.explanation,
    quoteAmount: r.quote.amountFen === null ? '' : yuan(r.quote.amountFen),
    current: r.currentAmountFen === null ? '' : yuan(r.currentAmountFen),
    farmer: d.category === 'farmer',
    baseName,
  };
}

Component({
  behaviors: [pagedList<BaseCard>()],

  data: {
    branchId: '',
    /** The card being decided, and how. */
    openId: '',
    mode: '' as Mode | '',
    baseText: '',
    farmerText: '',
    reason: '',
    formError: '',
    saving: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    onRetry() {
      if (this.data.branchId) void this.loadFirst();
      else void this.start({});
    },

    async start(query: Record<string, string | undefined>): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const branch = await branchOf(query);
        this.setData({ branchId: branch.id });
        await this.loadFirst();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<BaseCard>> {
      const page = await fetchPendingBases(this.data.branchId, cursor);
      return { items: page.items.map(toCard), nextCursor: page.nextCursor };
    },

    /** Opens a card's decision: what to fill in depends on the choice. */
    onOpen(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string; mode: Mode }>,
    ) {
      const { id, mode } = event.currentTarget.dataset;
      this.setData({ openId: id, mode, baseText: '', farmerText: '', reason: '', formError: '' });
    },

    onCancel() {
      this.setData({ openId: '', mode: '', formError: '' });
    },

    onField(
      event: WechatMiniprogram.CustomEvent<
        { value: string },
        Record<string, never>,
        { field: 'baseText' | 'farmerText' | 'reason' }
      >,
    ) {
      this.setData({ [event.currentTarget.dataset.field]: event.detail.value, formError: '' });
    },

    /** The decision as the contract wants it, or what is missing. */
    decision(card: BaseCard): ReviewInput | string {
      const { mode, baseText, farmerText, reason } = this.data;
      const input: ReviewInput = { memberId: card.memberId, declarationId: card.declarationId, decision: mode as Mode };
      if (card.farmer && mode !== 'reject') {
        const fen = parseYuan(farmerText);
        if (fen === null || fen < 20 || fen > 100) return '请填写党支部确定的每月金额，0.20 元至 1.00 元';
        input.farmerAmountFen = fen;
      }
      if (mode === 'correct' && card.baseName) {
        const fen = parseYuan(baseText);
        if (fen === null) return `请填写核实后的${card.baseName}（元）`;
        input.baseFen = fen;
      }
      if (mode !== 'confirm') {
        if (reason.trim().length < 2) return mode === 'reject' ? '请写明退回的原因' : '请写明更正的原因';
        input.reason = reason.trim();
      }
      return input;
    },

    async onDecide(): Promise<void> {
      const card = this.data.rows.find((c) => c.memberId === this.data.openId);
      if (!card || this.data.saving) return;
      const input = this.decision(card);
      if (typeof input === 'string') {
        this.setData({ formError: input });
        return;
      }
      this.setData({ saving: true });
      try {
        await reviewDuesBase(input);
        const done = { confirm: '已确认', correct: '已更正', reject: '已退回' }[input.decision];
        this.setData({ saving: false, openId: '', mode: '' });
        this.removeRows((c) => c.memberId !== card.memberId);
        void wx.showToast({ title: `${card.name}：${done}`, icon: 'none' });
      } catch (err) {
        this.setData({ saving: false });
        const error = toCallError(err);
        if (error.code === 'INVALID_ARGUMENT') this.setData({ formError: error.message });
        else void showCallError(err);
      }
    },
  },
});
