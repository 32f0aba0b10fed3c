/**
 * 首页, a desk per person: what they must do now (the to-do strip, from one `user.todos` call),
 * the tasks their roles give them (a grid), then where their membership stands. Someone with no
 * role who has not registered is led to 报到 first; a manager who has not is not pushed to it.
 * Roles load once (onLoad); the membership and the to-dos on every show, so they are fresh after
 * doing something elsewhere. Written with Component() so page tests can load it.
 */
import type { CallerProfile } from '../../../typings';
import { toCallError } from '../../services/cloud';
import { fetchMyMembership } from '../../services/member';
import { fetchTodos, fetchWhoami } from '../../services/user';
import { greeting, roleTags, scopeLines } from '../../utils/profile';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { showTodoBadge } from '../../components/todo-list/badge';
import { todoRows, type TodoRow } from '../../components/todo-list/todo-rows';
import { isManager, taskTiles, type TaskTile } from './desk-view';
import { membershipCard, type MembershipCard } from './membership-view';

/** The membership card's and the to-dos' own state: 'idle' until the first show asks. */
type PartStatus = LoadStatus | 'idle';

/** The strip shows this many; more would push the tasks off the first screen. */
const HOME_TODOS = 3;

type TaskTap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { url: string; tab: boolean }
>;

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    greeting: '',
    roleTags: [] as string[],
    scopeLines: [] as string[],
    registered: true,
    manager: false,
    profile: null as CallerProfile | null,
    memberStatus: 'idle' as PartStatus,
    memberError: '',
    memberRetryable: true,
    card: membershipCard(null) as MembershipCard,
    todoStatus: 'idle' as PartStatus,
    todoError: '',
    /** The first HOME_TODOS to-dos (late ones first); the rest are on 要办的事. */
    todos: [] as TodoRow[],
    moreTodos: 0,
    tiles: [] as TaskTile[],
    /** 未报到: from whoami at first, then from member.me once it has answered. */
    showUnregistered: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onShow() {
      void this.loadMembership();
      void this.loadTodos();
    },

    onPullDownRefresh() {
      void Promise.all([this.load(), this.loadMembership(), this.loadTodos()]).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
      if (this.data.memberStatus === 'error') void this.loadMembership();
      if (this.data.todoStatus === 'error') void this.loadTodos();
    },

    onRetryMembership() {
      void this.loadMembership();
    },

    onRetryTodos() {
      void this.loadTodos();
    },

    /** Asks who the caller is and shows it; never throws (failures become the error state). */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const profile = await fetchWhoami();
        this.setData({
          status: 'ready',
          profile,
          greeting: greeting(profile),
          roleTags: roleTags(profile),
          scopeLines: scopeLines(profile),
          registered: profile.memberId !== null,
          manager: isManager(profile),
        });
        this.updateDesk();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** Asks where the membership stands; a failure shows on its card only, never the whole page. */
    async loadMembership(): Promise<void> {
      if (this.data.memberStatus !== 'ready') this.setData({ memberStatus: 'loading' });
      try {
        const membership = await fetchMyMembership();
        this.setData({ memberStatus: 'ready', card: membershipCard(membership) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ memberStatus: 'error', memberError: error.message, memberRetryable: isRetryable(error.code) });
      }
      this.updateDesk();
    },

    /** Asks what is to do; a failure shows in the strip only. Rows stay while a fresh answer comes. */
    async loadTodos(): Promise<void> {
      if (this.data.todoStatus !== 'ready') this.setData({ todoStatus: 'loading' });
      try {
        const { items } = await fetchTodos();
        const rows = todoRows(items);
        this.setData({
          todoStatus: 'ready',
          todos: rows.slice(0, HOME_TODOS),
          moreTodos: Math.max(0, rows.length - HOME_TODOS),
        });
        showTodoBadge(rows.length);
      } catch (err) {
        this.setData({ todoStatus: 'error', todoError: toCallError(err).message });
      }
    },

    /** The 报到 card and the task grid follow from who the caller is and where the membership stands. */
    updateDesk() {
      const { memberStatus, card, registered, profile } = this.data;
      const unregistered = memberStatus === 'ready' ? card.kind === 'none' : !registered;
      this.setData({
        showUnregistered: unregistered,
        tiles: profile ? taskTiles(profile, memberStatus === 'ready' ? card.kind : 'none') : [],
      });
    },

    onAllTodos() {
      void wx.navigateTo({ url: '/pages-member/todos/index' });
    },

    onOpenTask(e: TaskTap) {
      const { url, tab } = e.currentTarget.dataset;
      if (tab) void wx.switchTab({ url });
      else void wx.navigateTo({ url });
    },

    onRegister() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },

    onResubmit() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },

    /** Calls the paired branch contact (结对联系人). */
    onCallContact() {
      const phone = this.data.card.contactPhone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
  },
});
