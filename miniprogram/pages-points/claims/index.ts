/**
 * 我的申报: the member's claims, newest first, with where each stands (waiting, approved with the
 * points it earned, or sent back with the reason), a page at a time.
 */
import type { ClaimView } from '../../../typings/areas/points';
import { CLAIM_STATE_LABELS, CLAIM_STATE_THEMES } from '../../constants/points';
import { fetchMyClaims } from '../../services/points';
import { formatDay, signedPoints } from '../common/format';
import type { PageCursor } from '../../../typings/paging';
import { pagedList, type RowsPage } from '../../behaviors/paged-list';

interface ClaimRow {
  claimId: string;
  title: string;
  when: string;
  description: string;
  stateLabel: string;
  stateTheme: string;
  outcome: string;
}

/** What the member needs to know about a decision, in one line. */
function outcomeOf(c: ClaimView): string {
  if (c.state === 'pending') return '支部书记审核后会在这里告诉您结果';
  if (c.state === 'rejected') return `退回原因：${c.decisionNote ?? '未说明'}`;
  const points = c.points ?? 0;
  const gained = points === 0 ? '本次未加分' : `积分 ${signedPoints(points)}`;
  return c.decisionNote ? `${gained}（${c.decisionNote}）` : gained;
}

export function toClaimRow(c: ClaimView): ClaimRow {
  return {
    claimId: c.claimId,
    title: c.ruleName,
    when: `${formatDay(c.occurredOn)}${c.unit === 'hour' ? ` · ${c.quantity} 小时` : ''}`,
    description: c.description,
    stateLabel: CLAIM_STATE_LABELS[c.state],
    stateTheme: CLAIM_STATE_THEMES[c.state],
    outcome: outcomeOf(c),
  };
}

Component({
  behaviors: [pagedList<ClaimRow>()],

  methods: {
    onLoad() {
      void this.loadFirst();
    },

    onNewClaim() {
      void wx.navigateTo({ url: '/pages-points/claim/index' });
    },

    async fetchRows(cursor: PageCursor | null): Promise<RowsPage<ClaimRow>> {
      const page = await fetchMyClaims(cursor);
      return { items: page.items.map(toClaimRow), nextCursor: page.nextCursor };
    },
  },
});
