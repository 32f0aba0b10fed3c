/**
 * 考勤名单: everyone expected (or signed up) with their standing, the figures, and attendance
 * marked by hand with a reason (手机没电, 纸质签到表补登…). A mark asks in WeChat's own dialogs,
 * which follow the font size.
 */
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { HAND_MARK_REASONS, LEAVE_REASONS } from '../../constants/sessions';
import { showCallError } from '../../services/cloud';
import { fetchRoster, markAttendance } from '../../services/sessions';
import type { Roster } from '../../../typings';
import { askReason } from '../common/dialogs';
import { toFigures, toRosterRowView, type FiguresView, type RosterRowView } from './view';

type Filter = 'all' | 'attended' | 'signed_up' | 'leave';
type RowDataset = { id: string; status: 'attended' | 'leave' };

/** The header shown above the list: the session and its figures, from any page of the roster. */
const headerOf = (roster: Roster) => ({
  title: roster.session.title,
  ended: roster.session.ended,
  hasVote: roster.session.hasVote,
  figures: toFigures(roster.summary),
});

Component({
  behaviors: [pagedList<RosterRowView>()],

  data: {
    sessionId: '',
    title: '',
    ended: false,
    hasVote: false,
    figures: null as FiguresView | null,
    filter: 'all' as Filter,
    filters: [
      { value: 'all', label: '全部' },
      { value: 'attended', label: '已签到' },
      { value: 'signed_up', label: '已报名' },
      { value: 'leave', label: '请假' },
    ],
    busy: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ sessionId: decodeURIComponent(query.id ?? '') });
      void this.loadFirst();
    },

    onFilter(event: WechatMiniprogram.BaseEvent<Record<string, never>, { filter: Filter }>) {
      const { filter } = event.currentTarget.dataset;
      if (filter === this.data.filter) return;
      this.setData({ filter });
      void this.restartList();
    },

    statusFilter() {
      return this.data.filter === 'all' ? null : this.data.filter;
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<RosterRowView>> {
      const roster = await fetchRoster(this.data.sessionId, this.statusFilter(), cursor);
      return {
        items: roster.rows.items.map(toRosterRowView),
        nextCursor: roster.rows.nextCursor,
        extra: headerOf(roster),
      };
    },

    /** Tap a member not yet attended: mark attended or on leave, with a reason. */
    /** 补登已到 / 登记请假 on a row: visible on every row that can still be marked. */
    onMark(event: WechatMiniprogram.BaseEvent<Record<string, never>, RowDataset>) {
      const { id, status } = event.currentTarget.dataset;
      const row = this.data.rows.find((r) => r.memberId === id);
      if (!row || !row.markable || this.data.busy) return;
      void this.mark(row, status);
    },

    /** Marks one member, shows that row changed in place and the figures afresh; the rest stay as loaded. */
    async mark(row: RosterRowView, status: 'attended' | 'leave'): Promise<void> {
      const title = status === 'attended' ? `${row.name}：补登已到` : `${row.name}：登记请假`;
      const reason = await askReason(title, status === 'attended' ? HAND_MARK_REASONS[0]! : LEAVE_REASONS[0]!);
      if (!reason) return;
      this.setData({ busy: true });
      try {
        const updated = await markAttendance(this.data.sessionId, row.memberId, status, reason);
        const view = toRosterRowView(updated);
        const index = this.data.rows.findIndex((r) => r.memberId === view.memberId);
        if (index >= 0) this.replaceRow(index, view);
        const roster = await fetchRoster(this.data.sessionId, this.statusFilter());
        this.setData(headerOf(roster));
      } catch (err) {
        await showCallError(err, '没有登记成功');
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
