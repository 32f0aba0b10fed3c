/**
 * 支部党费: the secretary's board. This month's figures; who is 1, 3, 5 and 6+ months behind, with
 * the to-dos at 3 and 5 months and the review list at 6; payments to refund; declarations waiting;
 * and this month's collection list. A member's row opens 登记线下收款 for them.
 */
import type { ArrearsRow, BranchDuesBoard, CollectionRow } from '../../../typings';
import { BAND_LABELS, CHANNEL_LABELS, MONTH_STATE_LABELS } from '../../constants/dues';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchBranchDuesBoard, fetchCollectionList, generateDuesMonth } from '../../services/dues';
import { isRetryable } from '../../utils/view-state';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { branchOf } from '../common/branch';
import { monthText, monthsText, timeText, yuan } from '../common/format';
import { setNavTitle } from '../../utils/nav-title';

interface BandChip {
  band: string;
  label: string;
  count: number;
}

interface ArrearsView {
  memberId: string;
  name: string;
  bandLabel: string;
  months: string;
  amount: string;
  todo: string;
  urgent: boolean;
}

interface CollectionView {
  memberId: string;
  name: string;
  amount: string;
  state: string;
  paid: boolean;
  how: string;
}

const toArrears = (r: ArrearsRow): ArrearsView => ({
  memberId: r.memberId,
  name: r.name,
  bandLabel: BAND_LABELS[r.band],
  months: monthsText(r.unpaidMonths),
  amount: yuan(r.unpaidFen),
  todo: r.todo ?? '',
  urgent: r.band === '5' || r.band === '6+',
});

const toCollection = (r: CollectionRow): CollectionView => ({
  memberId: r.memberId,
  name: r.name,
  amount: yuan(r.amountFen),
  state: MONTH_STATE_LABELS[r.state],
  paid: r.state === 'paid' || r.state === 'waived',
  how: r.channel ? `${CHANNEL_LABELS[r.channel]} ${timeText(r.paidAt)}` : '',
});

function bandChips(board: BranchDuesBoard): BandChip[] {
  return (['1', '3', '5', '6+'] as const).map((band) => ({
    band,
    label: BAND_LABELS[band],
    count: board.bandCounts[band],
  }));
}

/** Everything above the collection list, as the view shows it. */
function header(board: BranchDuesBoard) {
  const t = board.thisMonth;
  return {
    branchName: board.branchName,
    month: board.currentMonth,
    monthLabel: monthText(board.currentMonth),
    totals: {
      owing: t.owing,
      paid: t.paid,
      unpaid: t.unpaid,
      waived: t.waived,
      due: yuan(t.dueFen),
      received: yuan(t.receivedFen),
    },
    chips: bandChips(board),
    arrears: board.rows.map(toArrears),
    review: board.rows.filter((r) => board.reviewMemberIds.includes(r.memberId)).map(toArrears),
    refunds: board.unapplied.map((u) => ({
      orderId: u.orderId,
      name: u.name,
      amount: yuan(u.totalFen),
      months: monthsText(u.months),
      reason: u.reason,
    })),
    pendingBases: board.pendingBases,
    noBase: board.noBase.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      state: r.declared ? '已申报，等您确认' : '还没有申报',
    })),
  };
}

/** The paged list is this month's collection list; the board above it comes with its first page. */
Component({
  behaviors: [pagedList<CollectionView>()],

  data: {
    branchId: '',
    branchName: '',
    month: '',
    monthLabel: '',
    totals: { owing: 0, paid: 0, unpaid: 0, waived: 0, due: '0.00', received: '0.00' },
    chips: [] as BandChip[],
    arrears: [] as ArrearsView[],
    review: [] as ArrearsView[],
    refunds: [] as { orderId: string; name: string; amount: string; months: string; reason: string }[],
    pendingBases: 0,
    noBase: [] as { memberId: string; name: string; state: string }[],
    generating: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    onShow() {
      if (this.data.loaded) void this.loadFirst(true);
    },

    onRetry() {
      if (this.data.branchId) void this.loadFirst();
      else void this.start({});
    },

    async start(query: Record<string, string | undefined>): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const branch = await branchOf(query);
        this.setData({ branchId: branch.id, branchName: branch.name });
        await this.loadFirst();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<CollectionView>> {
      const { branchId, month } = this.data;
      if (cursor) {
        const page = await fetchCollectionList(branchId, month, cursor);
        return { items: page.items.map(toCollection), nextCursor: page.nextCursor };
      }
      const board = await fetchBranchDuesBoard(branchId);
      const list = await fetchCollectionList(branchId, board.currentMonth, null);
      setNavTitle(`${board.branchName}党费`, '支部党费');
      return { items: list.items.map(toCollection), nextCursor: list.nextCursor, extra: header(board) };
    },

    onMember(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-dues/offline/index?memberId=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    onBases() {
      const { branchId, branchName } = this.data;
      void wx.navigateTo({
        url: `/pages-dues/bases/index?branchId=${encodeURIComponent(branchId)}&branchName=${encodeURIComponent(branchName)}`,
      });
    },

    /** Records for this month for members who joined after the monthly run. */
    async onGenerate(): Promise<void> {
      if (this.data.generating) return;
      this.setData({ generating: true });
      try {
        const made = await generateDuesMonth(this.data.branchId);
        this.setData({ generating: false });
        void wx.showToast({ title: made.created > 0 ? `新生成 ${made.created} 条` : '本月记录都已生成', icon: 'none' });
        await this.loadFirst(true);
      } catch (err) {
        this.setData({ generating: false });
        void showCallError(err);
      }
    },
  },
});
