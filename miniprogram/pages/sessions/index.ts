/**
 * 学习: sessions open to the member (即将开始 soonest first, 我的, 往期 newest first), a page at a
 * time; changes to sessions they signed up for; the way in for secretaries and to one's own
 * attendance record. Written with Component() so page tests can load it.
 */
import type { CallerProfile, ListTab } from '../../../typings';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { acknowledgeSessionUpdate, fetchSessions, fetchSessionUpdates } from '../../services/sessions';
import { fetchWhoami } from '../../services/user';
import { toCard, type SessionCard } from './view';

interface UpdateView {
  sessionId: string;
  title: string;
  note: string;
}

type TabDataset = { tab: ListTab };
type IdDataset = { id: string };

const EMPTY_TEXT: Record<ListTab, string> = {
  upcoming: '现在还没有学习活动。支部发布学习活动后，会显示在这里。',
  mine: '您还没有报名或参加过活动。',
  past: '还没有往期活动。',
};

const isManager = (p: CallerProfile) => p.isSuperAdmin || p.roles.length > 0;

Component({
  behaviors: [pagedList<SessionCard>()],

  data: {
    tab: 'upcoming' as ListTab,
    tabs: [
      { value: 'upcoming', label: '即将开始' },
      { value: 'mine', label: '我的' },
      { value: 'past', label: '往期' },
    ],
    emptyText: EMPTY_TEXT.upcoming,
    updates: [] as UpdateView[],
    registered: true,
    manager: false,
  },

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    onShow() {
      // Coming back from a session (signed up, asked leave): show the list as it is now.
      if (this.data.loaded) void this.loadFirst(true);
    },

    onTab(event: WechatMiniprogram.BaseEvent<Record<string, never>, TabDataset>) {
      const { tab } = event.currentTarget.dataset;
      if (tab === this.data.tab) return;
      this.setData({ tab, emptyText: EMPTY_TEXT[tab] });
      void this.restartList();
    },

    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, IdDataset>) {
      void wx.navigateTo({
        url: `/pages-sessions/detail/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}`,
      });
    },

    onOpenUpdate(event: WechatMiniprogram.BaseEvent<Record<string, never>, IdDataset>) {
      const { id } = event.currentTarget.dataset;
      void this.dismiss(id);
      void wx.navigateTo({ url: `/pages-sessions/detail/index?id=${encodeURIComponent(id)}` });
    },

    onDismissUpdate(event: WechatMiniprogram.BaseEvent<Record<string, never>, IdDataset>) {
      void this.dismiss(event.currentTarget.dataset.id);
    },

    onOpenManage() {
      void wx.navigateTo({ url: '/pages-sessions/manage-list/index' });
    },

    onOpenMyAttendance() {
      void wx.navigateTo({ url: '/pages-sessions/my-attendance/index' });
    },

    onRegister() {
      void wx.navigateTo({ url: '/pages-member/register/index' });
    },

    /** Hides a change notice at once; the server is told quietly (it shows again next time if that failed). */
    async dismiss(sessionId: string): Promise<void> {
      this.setData({ updates: this.data.updates.filter((u) => u.sessionId !== sessionId) });
      try {
        await acknowledgeSessionUpdate(sessionId);
      } catch {
        // Not worth interrupting for: the notice comes back on the next visit.
      }
    },

    /** A page of the current tab; the first comes with who is asking and the change notices. */
    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<SessionCard>> {
      const tab = this.data.tab;
      if (cursor) {
        const page = await fetchSessions(tab, cursor);
        return { items: page.items.map((row) => toCard(row)), nextCursor: page.nextCursor };
      }
      const [profile, page, updates] = await Promise.all([
        fetchWhoami(),
        fetchSessions(tab),
        fetchSessionUpdates().catch(() => []),
      ]);
      return {
        items: page.items.map((row) => toCard(row)),
        nextCursor: page.nextCursor,
        extra: {
          registered: profile.memberId !== null,
          manager: isManager(profile),
          updates: updates.map((u) => ({ sessionId: u.sessionId, title: u.title, note: u.note })),
        },
      };
    },
  },
});
