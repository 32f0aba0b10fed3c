/**
 * 书记工作台: the entries of a branch secretary's work (registrations waiting, the branch's
 * members, checking an activity certificate) and the branch they work on. Administrators and
 * secretaries of several branches choose the branch; the choice is remembered.
 */
import { toCallError } from '../../services/cloud';
import { fetchPendingQueue } from '../../services/secretary';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { rememberBranch, rememberedBranch, resolveBranch } from '../common/branch-choice';
import type { CallerProfile } from '../../../typings';

/** One look at the queue is enough for the count on the entry; more than this shows as "100 条以上". */
const COUNT_LIMIT = 100;

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    branchId: '',
    branchName: '',
    canChooseBranch: false,
    /** '' while unknown (or when counting failed: the entry still works). */
    pendingNote: '',
    hasPending: false,
    /** Kept to re-resolve the branch when the page shows again. */
    profile: null as CallerProfile | null,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    /** Back from choosing a branch or handling registrations: show what changed. */
    onShow() {
      const { status, profile } = this.data;
      if (status !== 'ready' || !profile) return;
      this.applyBranch(profile);
      void this.countPending();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    onOpenMembers() {
      const { branchId, branchName } = this.data;
      if (!branchId) {
        this.onChooseBranch();
        return;
      }
      void wx.navigateTo({
        url: `/pages-secretary/members/index?branchId=${encodeURIComponent(branchId)}&branchName=${encodeURIComponent(branchName)}`,
      });
    },

    /** Pages of other areas that work on the current branch (its id and name in the query). */
    onOpenBranchPage(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { path: string }>) {
      const { branchId, branchName } = this.data;
      if (!branchId) {
        this.onChooseBranch();
        return;
      }
      void wx.navigateTo({
        url: `${e.currentTarget.dataset.path}?branchId=${encodeURIComponent(branchId)}&branchName=${encodeURIComponent(branchName)}`,
      });
    },

    onChooseBranch() {
      void wx.navigateTo({ url: '/pages-secretary/branch/index?depth=1' });
    },

    /** Who the caller is and how many registrations wait; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const profile = await fetchWhoami();
        this.applyBranch(profile);
        this.setData({ status: 'ready', profile });
        await this.countPending();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    applyBranch(profile: CallerProfile) {
      const { branch, canChoose } = resolveBranch(profile);
      // Remembered so the other pages of the desk (e.g. a registration's branch choices) know it too.
      if (branch && rememberedBranch()?.id !== branch.id) rememberBranch(branch);
      this.setData({ branchId: branch?.id ?? '', branchName: branch?.name ?? '', canChooseBranch: canChoose });
    },

    /** The number on the 待审核报到 entry; a failure leaves it blank rather than blocking the desk. */
    async countPending(): Promise<void> {
      try {
        const page = await fetchPendingQueue(null, COUNT_LIMIT);
        const n = page.items.length;
        this.setData({
          hasPending: n > 0,
          pendingNote: page.nextCursor ? `${COUNT_LIMIT} 条以上` : n > 0 ? `${n} 条` : '没有',
        });
      } catch {
        this.setData({ pendingNote: '', hasPending: false });
      }
    },
  },
});
