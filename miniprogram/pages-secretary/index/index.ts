/**
 * 书记工作台: the entries of a branch secretary's work (registrations waiting, the branch's
 * members, checking an activity certificate, sessions, dues, points) and the branch they work on,
 * each entry with what waits there (one `user.todos` call for the branch). Administrators and
 * secretaries of several branches choose the branch; the choice is remembered.
 */
import type { TodoItem } from '../../../typings';
import { toCallError } from '../../services/cloud';
import { fetchTodos, fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { rememberBranch, rememberedBranch, resolveBranch } from '../common/branch-choice';
import type { CallerProfile } from '../../../typings';

/** What waits behind each entry: the to-do kinds it counts, and the word after the number. */
const ENTRY_COUNTS = {
  pending: { kinds: ['registrations_pending'], unit: '条' },
  claims: { kinds: ['claims_pending'], unit: '条' },
  dues: { kinds: ['bases_pending', 'members_no_base', 'members_arrears'], unit: '件' },
  cadence: { kinds: ['sessions_missing'], unit: '项' },
} as const;
type Entry = keyof typeof ENTRY_COUNTS;

/** The notes on the entries ('3 条', or '' when nothing waits), in the alert colour when something waits. */
function entryNotes(items: readonly TodoItem[]): Record<Entry, { note: string; alert: boolean }> {
  const out = {} as Record<Entry, { note: string; alert: boolean }>;
  for (const [entry, { kinds, unit }] of Object.entries(ENTRY_COUNTS) as [Entry, (typeof ENTRY_COUNTS)[Entry]][]) {
    const mine = items.filter((i) => (kinds as readonly string[]).includes(i.kind));
    const n = mine.reduce((sum, i) => sum + i.count, 0);
    out[entry] = { note: n > 0 ? `${n} ${unit}` : '', alert: n > 0 };
  }
  return out;
}

const NO_NOTES = entryNotes([]);

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    branchId: '',
    branchName: '',
    canChooseBranch: false,
    /** '' while unknown, when nothing waits, or when counting failed (the entries still work). */
    notes: NO_NOTES,
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
      void this.countWork();
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

    /** Who the caller is and what waits on the branch; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const profile = await fetchWhoami();
        this.applyBranch(profile);
        this.setData({ status: 'ready', profile });
        await this.countWork();
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

    /** The numbers on the entries; a failure leaves them blank rather than blocking the desk. */
    async countWork(): Promise<void> {
      const { branchId } = this.data;
      if (!branchId) {
        this.setData({ notes: NO_NOTES });
        return;
      }
      try {
        const { items } = await fetchTodos(branchId);
        this.setData({ notes: entryNotes(items) });
      } catch {
        this.setData({ notes: NO_NOTES });
      }
    },
  },
});
