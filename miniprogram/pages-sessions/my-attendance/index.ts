/** 我的出勤: this year's rate over the branch's sessions since joining, volunteer hours, and the records. */
import type { AttendanceHistory, HistoryRow } from '../../../typings';
import { MY_STATUS_LABELS, SESSION_KIND_LABELS } from '../../constants/sessions';
import { fetchAttendanceHistory } from '../../services/sessions';
import { formatMoment, MY_STATUS_THEMES } from '../../pages/sessions/view';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';

interface HistoryView {
  sessionId: string;
  title: string;
  kindLabel: string;
  when: string;
  statusLabel: string;
  statusTheme: string;
  points: string;
}

interface SummaryView {
  year: number;
  held: number;
  attended: number;
  leave: number;
  absent: number;
  rate: string;
  volunteerHours: number;
}

const toHistoryView = (r: HistoryRow): HistoryView => ({
  sessionId: r.sessionId,
  title: r.title,
  kindLabel: SESSION_KIND_LABELS[r.kind],
  when: formatMoment(r.startAt),
  statusLabel: MY_STATUS_LABELS[r.status] || '未报名',
  statusTheme: MY_STATUS_THEMES[r.status],
  points: r.points ? `积分 +${r.points}` : '',
});

const toSummary = (h: AttendanceHistory): SummaryView => ({
  year: h.year,
  held: h.held,
  attended: h.attended,
  leave: h.leave,
  absent: h.absent,
  rate: h.ratePercent === null ? '—' : `${h.ratePercent}%`,
  volunteerHours: h.volunteerHours,
});

Component({
  behaviors: [pagedList<HistoryView>()],

  data: {
    summary: null as SummaryView | null,
  },

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      void wx.navigateTo({
        url: `/pages-sessions/detail/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    /** The year's figures come with the first page; later pages add records only. */
    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<HistoryView>> {
      const history = await fetchAttendanceHistory(cursor);
      return {
        items: history.items.items.map(toHistoryView),
        nextCursor: history.items.nextCursor,
        extra: { summary: toSummary(history) },
      };
    },
  },
});
