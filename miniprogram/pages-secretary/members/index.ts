/**
 * 本支部党员: a branch's members, found by name and narrowed by state and industry, a page at a
 * time. Opened with `pickFor`, it is the 结对联系 picker: only members in good standing, and
 * tapping one (after confirming) pairs them with that member and goes back.
 */
import type { Industry, MemberState } from '../../../typings';
import { INDUSTRIES, INDUSTRY_LABELS } from '../../constants/member';
import { BRANCH_STATE_FILTERS } from '../../constants/secretary';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { showCallError } from '../../services/cloud';
import { fetchBranchMembers, pairMember, type BranchMemberFilters } from '../../services/secretary';
import { confirmAction } from '../../utils/dialogs';
import { toRowView, type MemberRowView } from '../common/rows';
import { setNavTitle } from '../../utils/nav-title';

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
  behaviors: [pagedList<MemberRowView>()],

  data: {
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
      else if (branchName) setNavTitle(branchName, '本支部党员');
      void this.loadFirst();
    },

    onSearchInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ nameInput: event.detail.value });
    },

    onSearch() {
      this.setData({ name: this.data.nameInput.trim() });
      void this.restartList();
    },

    onClearSearch() {
      this.setData({ nameInput: '', name: '' });
      void this.restartList();
    },

    onPickStateFilter(event: DataEvent<{ value: MemberState | '' }>) {
      const { value } = event.currentTarget.dataset;
      if (value === this.data.stateFilter) return;
      this.setData({ stateFilter: value });
      void this.restartList();
    },

    onPickIndustryFilter(event: DataEvent<{ value: Industry | '' }>) {
      const { value } = event.currentTarget.dataset;
      if (value === this.data.industryFilter) return;
      this.setData({ industryFilter: value });
      void this.restartList();
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

    filters(cursor: PageCursor | null): BranchMemberFilters {
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

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<MemberRowView>> {
      const page = await fetchBranchMembers(this.filters(cursor));
      return { items: this.visible(page.items.map(toRowView)), nextCursor: page.nextCursor };
    },
  },
});
