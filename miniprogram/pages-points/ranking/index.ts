/**
 * 积分排名 (secretaries and administrators): this year's top members of a place the caller runs —
 * their branch, or a street or district they administer — with equal points sharing a rank.
 * The places come from the caller's roles; a super administrator chooses among the top-level nodes.
 */
import type { RankingRow } from '../../../typings/areas/points';
import { RANKING_TOP } from '../../constants/points';
import { toCallError } from '../../services/cloud';
import { fetchOrgChildren } from '../../services/org';
import { fetchRanking } from '../../services/points';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';

interface Place {
  id: string;
  name: string;
}

interface Row {
  key: string;
  rank: number;
  name: string;
  branchName: string;
  points: number;
  top3: boolean;
}

export function toRows(items: readonly RankingRow[]): Row[] {
  return items.map((r) => ({
    key: r.memberId,
    rank: r.rank,
    name: r.name,
    branchName: r.branchName ?? '',
    points: r.points,
    top3: r.rank <= 3,
  }));
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    places: [] as Place[],
    placeId: '',
    placeName: '',
    year: 0,
    rows: [] as Row[],
  },

  methods: {
    onLoad() {
      void this.start();
    },

    onPullDownRefresh() {
      void (this.data.placeId ? this.load() : this.start()).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void (this.data.places.length > 0 ? this.load() : this.start());
    },

    onChoosePlace(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, Place>) {
      const { id, name } = event.currentTarget.dataset;
      if (id === this.data.placeId) return;
      this.setData({ placeId: id, placeName: name });
      void this.load();
    },

    /** The places the caller may rank, then the first one's ranking. Never throws. */
    async start(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const me = await fetchWhoami();
        let places: Place[] = me.roles.map((r) => ({ id: r.scopeId, name: r.scopeName }));
        if (places.length === 0 && me.isSuperAdmin) {
          places = (await fetchOrgChildren()).map((n) => ({ id: n.id, name: n.name }));
        }
        if (places.length === 0) {
          this.setData({ status: 'error', errorMessage: '只有支部书记和管理员可以查看积分排名', retryable: false });
          return;
        }
        this.setData({ places, placeId: places[0]!.id, placeName: places[0]!.name });
        await this.load();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const view = await fetchRanking(this.data.placeId, RANKING_TOP);
        this.setData({ status: 'ready', year: view.year, placeName: view.scopeName, rows: toRows(view.items) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
