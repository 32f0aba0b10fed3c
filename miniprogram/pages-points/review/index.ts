/**
 * 积分审核 (secretaries and administrators): the claims waiting for a decision, oldest first, each
 * with its photos (tap to see them full screen). 通过 writes the points; 退回 asks for the reason
 * the member will read. A decided claim leaves the list.
 */
import type { ClaimDetail } from '../../../typings/areas/points';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';
import { showCallError, toCallError } from '../../services/cloud';
import { approvePointsClaim, fetchPendingClaims, rejectPointsClaim } from '../../services/points';
import { formatDay, signedPoints } from '../common/format';

interface ReviewRow {
  claimId: string;
  who: string;
  title: string;
  when: string;
  description: string;
  photoUrls: string[];
  missingPhotos: number;
}

export function toReviewRow(c: ClaimDetail): ReviewRow {
  const urls = c.photoUrls.filter(Boolean);
  return {
    claimId: c.claimId,
    who: c.branchName ? `${c.memberName} · ${c.branchName}` : c.memberName,
    title: c.ruleName,
    when: `${formatDay(c.occurredOn)}${c.unit === 'hour' ? ` · ${c.quantity} 小时` : ''}`,
    description: c.description,
    photoUrls: urls,
    missingPhotos: c.photos.length - urls.length,
  };
}

type RowEvent = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  { id: string; index?: number }
>;

/** The reason for sending a claim back, typed in WeChat's own dialog; null when cancelled. */
function askReason(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '退回申报',
      editable: true,
      placeholderText: '请写明退回原因，党员会看到',
      confirmText: '退回',
      cancelText: '取消',
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
      fail: () => resolve(null),
    });
  });
}

function confirmApprove(title: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '通过申报',
      content: `确认“${title}”属实并记分？通过后不能撤回，如有错误只能冲正。`,
      confirmText: '通过',
      cancelText: '取消',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

Component({
  behaviors: [pagedList<ReviewRow>()],

  data: {
    busyId: '',
  },

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    onPreview(event: RowEvent) {
      const row = this.data.rows.find((r) => r.claimId === event.currentTarget.dataset.id);
      if (!row) return;
      void wx.previewImage({
        urls: row.photoUrls,
        current: row.photoUrls[Number(event.currentTarget.dataset.index ?? 0)],
      });
    },

    async onApprove(event: RowEvent): Promise<void> {
      const row = this.data.rows.find((r) => r.claimId === event.currentTarget.dataset.id);
      if (!row || this.data.busyId || !(await confirmApprove(row.title))) return;
      await this.decide(row.claimId, async () => {
        const claim = await approvePointsClaim(row.claimId);
        const points = claim.points ?? 0;
        return points === 0 ? '已通过，已达上限未加分' : `已通过，积分 ${signedPoints(points)}`;
      });
    },

    async onReject(event: RowEvent): Promise<void> {
      const row = this.data.rows.find((r) => r.claimId === event.currentTarget.dataset.id);
      if (!row || this.data.busyId) return;
      const reason = await askReason();
      if (reason === null) return;
      if (reason.length < 2) {
        wx.showModal({
          title: '没有退回',
          content: '请写明退回原因（至少两个字），党员会看到。',
          showCancel: false,
          confirmText: '知道了',
        });
        return;
      }
      await this.decide(row.claimId, async () => {
        await rejectPointsClaim(row.claimId, reason);
        return '已退回';
      });
    },

    /** Run a decision; on success the claim leaves the list. A claim someone else decided also leaves it. */
    async decide(claimId: string, action: () => Promise<string>): Promise<void> {
      this.setData({ busyId: claimId });
      try {
        const title = await action();
        this.removeRows((r) => r.claimId !== claimId);
        wx.showToast({ title, icon: 'none', duration: 2000 });
      } catch (err) {
        const error = toCallError(err);
        if (error.code === 'FAILED_PRECONDITION') this.removeRows((r) => r.claimId !== claimId);
        await showCallError(error);
      } finally {
        this.setData({ busyId: '' });
      }
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<ReviewRow>> {
      const page = await fetchPendingClaims(cursor);
      return { items: page.items.map(toReviewRow), nextCursor: page.nextCursor };
    },
  },
});
