/**
 * 晾晒: the children of a node ranked on one figure (the composite first), with 绿/黄/红 in words
 * as well as colour, places gained or lost on the period before, and how to read it. A row opens
 * that child's desk; 导出表格 opens the ranking as .xlsx to forward.
 */
import type { Ranking } from '../../../typings/areas/desk';
import { toCallError } from '../../services/cloud';
import { fetchRanking } from '../../services/desk';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { rankingHeight, rankingOption } from '../common/chart-options';
import { exportFromPage } from '../common/export';
import { openDeskPage } from '../common/navigate';
import { setNavTitle } from '../../utils/nav-title';

const BAND_WORDS = { green: '绿', amber: '黄', red: '红' } as const;

interface Row {
  nodeId: string;
  nodeName: string;
  place: string;
  text: string;
  band: string;
  bandWord: string;
  move: string;
}

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

function rowOf(r: Ranking['rows'][number]): Row {
  const move =
    r.placesUp === null
      ? ''
      : r.placesUp === 0
        ? '名次不变'
        : r.placesUp > 0
          ? `上升 ${r.placesUp} 名`
          : `下降 ${-r.placesUp} 名`;
  return {
    nodeId: r.nodeId,
    nodeName: r.nodeName,
    place: r.rank === null ? '—' : r.tied ? `${r.rank}（并列）` : String(r.rank),
    text: r.text,
    band: r.band ?? 'none',
    bandWord: r.band ? BAND_WORDS[r.band] : '',
    move,
  };
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    nodeId: '',
    nodeName: '',
    period: '',
    periodLabel: '',
    figureId: 'composite',
    figureName: '',
    definition: '',
    bandsText: '',
    weightsText: '',
    figureChoices: [] as { id: string; name: string }[],
    rows: [] as Row[],
    notes: [] as string[],
    exporting: false,
    chartOption: {} as Record<string, unknown>,
    hasChart: false,
    /** The figure's definition, weights and bands: folded under one line until asked for. */
    legendOpen: false,
    chartHeight: '8rem',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        nodeId: decodeURIComponent(query.nodeId ?? ''),
        nodeName: decodeURIComponent(query.name ?? ''),
        period: decodeURIComponent(query.period ?? ''),
      });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    onFigureTap(event: Dataset<{ id: string }>) {
      if (event.currentTarget.dataset.id === this.data.figureId) return;
      this.setData({ figureId: event.currentTarget.dataset.id });
      void this.load();
    },

    onRowTap(event: Dataset<{ id: string; name: string }>) {
      const { id, name } = event.currentTarget.dataset;
      openDeskPage('desk', { nodeId: id, name, period: this.data.period });
    },

    onExport() {
      void exportFromPage(this, this.data.nodeId, {
        kind: 'ranking',
        figureId: this.data.figureId,
        period: this.data.period || undefined,
      });
    },

    onToggleLegend() {
      this.setData({ legendOpen: !this.data.legendOpen });
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const r = await fetchRanking(this.data.nodeId, this.data.figureId, this.data.period || undefined);
        setNavTitle(`${r.nodeName}晾晒`, '晾晒排名');
        const valued = r.rows.filter((x) => x.value !== null).map((x) => ({ name: x.nodeName, value: x.value }));
        this.setData({
          status: 'ready',
          nodeName: r.nodeName,
          period: r.period.key,
          periodLabel: r.period.label,
          figureName: r.figure.name,
          definition: r.figure.definition,
          bandsText: r.bands?.text ?? '',
          weightsText: r.weights ? r.weights.map((w) => `${w.name} ×${w.weight}`).join('，') : '',
          figureChoices: r.figureChoices,
          rows: r.rows.map(rowOf),
          // Only places with a value are drawn; the list above says why the others have none.
          chartOption: rankingOption(r.figure.name, r.figure.unit, valued),
          chartHeight: rankingHeight(valued.length),
          hasChart: valued.length > 0,
          notes: r.notes,
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
