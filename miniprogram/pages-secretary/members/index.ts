/**
 * 本支部党员: a branch's members, found by name and narrowed by state and industry, a page at a
 * time. Opened with `pickFor`, it is the 结对联系 picker: only members in good standing, and
 * tapping one (after confirming) pairs them with that member and goes back.
 */
import type { Industry, MemberState } from '../../../typings';
import { INDUSTRIES, INDUSTRY_LABELS } from '../../constants/member';
import { BRANCH_STATE_FILTERS } from '../../constants/secretary';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchBranchMembers, pairMember, type BranchMemberFilters } from '../../services/secretary';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { confirmAction } from '../common/confirm';
import { toRowView, type MemberRowView } from '../common/rows';

interface Choice {
  value: string;
  label: string;
}

interface RowDataset {
  id: string;
  name: string;
}

type DataEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const INDUSTRY_FILTERS: Choice[] = [
  { value: '', label: '全部行业' },
  ...INDUSTRIES.map((industry) => ({ value: industry, label: INDUSTRY_LABELS[industry] })),
];

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    branchId: '',
    branchName: '',
    /** Set in picker mode: the member who gets a pairing contact. */
    pickFor: '',
    pickName: '',
    /** What is typed in the search box; `name` is what the list was searched for. */
    nameInput: '',
    name: '',
    stateFilter: '' as MemberState | '',
    industryFilter: '' as Industry | '',
    stateFilters: BRANCH_STATE_FILTERS as readonly Choice[],
    industryFilters: INDUSTRY_FILTERS,
    rows: [] as MemberRowView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const decode = (v: string | undefined) => (v ? decodeURIComponent(v) : '');
      const pickFor = decode(query.pickFor);
      const branchName = decode(query.branchName);
      this.setData({
        branchId: decode(query.branchId),
        branchName,
        pickFor,
        pickName: decode(query.pickName),
        stateFilter: pickFor ? 'active' : '',
      });
      if (pickFor) void wx.setNavigationBarTitle({ title: '选择结对联系人' });
      else if (branchName) void wx.setNavigationBarTitle({ title: branchName });
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

    onSearchInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ nameInput: event.detail.value });
    },

    onSearch() {
      this.setData({ name: this.data.nameInput.trim() });
      void this.load();
    },

    onClearSearch() {
      this.setData({ nameInput: '', name: '' });
      void this.load();
    },

    onPickStateFilter(event: DataEvent<{ value: MemberState | '' }>) {
      const { value } = event.currentTarget.dataset;
      if (value === this.data.stateFilter) return;
      this.setData({ stateFilter: value });
      void this.load();
    },

    onPickIndustryFilter(event: DataEvent<{ value: Industry | '' }>) {
      const { value } = event.currentTarget.dataset;
      if (value === this.data.industryFilter) return;
      this.setData({ industryFilter: value });
      void this.load();
    },

    onRowTap(event: DataEvent<RowDataset>) {
      const { id, name } = event.currentTarget.dataset;
      if (this.data.pickFor) {
        void this.pair(id, name);
        return;
      }
      void wx.navigateTo({ url: `/pages-secretary/member/index?id=${encodeURIComponent(id)}` });
    },

    async pair(contactId: string, contactName: string): Promise<void> {
      const { pickFor, pickName, busy } = this.data;
      if (busy) return;
      const ok = await confirmAction(
        '结对联系',
        `请 ${contactName} 作为 ${pickName} 的结对联系人吗？${pickName} 会在小程序里看到联系人的姓名和电话。`,
        '确定结对',
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        await pairMember(pickFor, contactId);
        void wx.showToast({ title: '已结对', icon: 'success' });
        void wx.navigateBack();
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },

    filters(cursor: string | null): BranchMemberFilters {
      const { branchId, name, stateFilter, industryFilter } = this.data;
      const filters: BranchMemberFilters = { branchId, cursor };
      if (name) filters.name = name;
      if (stateFilter) filters.state = stateFilter;
      if (industryFilter) filters.industry = industryFilter;
      return filters;
    },

    /** The member being paired is not offered as their own contact. */
    visible(rows: MemberRowView[]): MemberRowView[] {
      return this.data.pickFor ? rows.filter((r) => r.memberId !== this.data.pickFor) : rows;
    },

    /** The first page with the current filters; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const page = await fetchBranchMembers(this.filters(null));
        this.setData({
          status: 'ready',
          rows: this.visible(page.items.map(toRowView)),
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
        const page = await fetchBranchMembers(this.filters(nextCursor));
        this.setData({
          rows: [...this.data.rows, ...this.visible(page.items.map(toRowView))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (err) {
        this.setData({ loadingMore: false, moreError: toCallError(err).message });
      }
    },
  },
});
