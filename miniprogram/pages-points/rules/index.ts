/**
 * 积分规则: the 积分管理清单 in force for the member's branch, by category: what each item is worth,
 * its caps, who approves it, and whether the member may claim it themselves.
 */
import type { PointsRuleView } from '../../../typings/areas/points';
import { APPROVAL_LABELS, CATEGORY_LABELS, CATEGORY_ORDER } from '../../constants/points';
import { toCallError } from '../../services/cloud';
import { fetchPointsRules } from '../../services/points';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { capsText, pointsPerUnit } from '../common/format';

interface RuleRow {
  code: string;
  name: string;
  points: string;
  minus: boolean;
  caps: string;
  approval: string;
  claimable: boolean;
  description: string;
}

interface Group {
  label: string;
  rules: RuleRow[];
}

/** The items grouped by category, in the order the categories are shown. */
export function groupRules(rules: readonly PointsRuleView[]): Group[] {
  return CATEGORY_ORDER.map((category) => ({
    label: CATEGORY_LABELS[category],
    rules: rules
      .filter((r) => r.category === category)
      .map((r) => ({
        code: r.code,
        name: r.name,
        points: pointsPerUnit(r),
        minus: r.points < 0,
        caps: capsText(r.caps),
        approval: APPROVAL_LABELS[r.approval],
        claimable: r.claimable,
        description: r.description,
      })),
  })).filter((g) => g.rules.length > 0);
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    groups: [] as Group[],
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        this.setData({ status: 'ready', groups: groupRules(await fetchPointsRules()) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
