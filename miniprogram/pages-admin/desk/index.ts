/**
 * 组织部工作台: the figures of one organisation node for a period, with their change on the period
 * before, what needs attention first, and the way on to 晾晒 (ranking its children) and 报表.
 * Opened without a node it asks which of the caller's nodes to open (one opens straight away).
 * A figure's definition (口径) opens under it on a tap.
 */
import type { DeskFigures, DrilldownList, FigureView } from '../../../typings/areas/desk';
import { toCallError } from '../../services/cloud';
import { fetchDeskFigures, fetchTrend } from '../../services/desk';
import { fetchOrgChildren } from '../../services/org';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { trendOption } from '../common/chart-options';
import { figureRow, type FigureRow } from '../common/figures';
import { openDeskPage } from '../common/navigate';
import { setNavTitle } from '../../utils/nav-title';

interface NodeChoice {
  id: string;
  name: string;
}

interface GroupRows {
  group: string;
  name: string;
  figures: FigureRow[];
}

/** Figures offered for the 12-month trend (ids of the server's catalogue; their names come back with the trend). */
const TREND_FIGURES = [
  { id: 'life.attendanceRate', name: '参会率' },
  { id: 'dues.paidRate', name: '交纳率' },
  { id: 'life.cadenceRate', name: '三会一课' },
  { id: 'vanguard.pointsPerMember', name: '人均积分' },
];

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const valueOf = (d: DeskFigures, id: string): FigureView | undefined =>
  d.groups.flatMap((g) => g.figures).find((f) => f.id === id);

/** What a meeting should hear first, as sentences: only what is there; a `list` opens the people behind it. */
function attentionOf(d: DeskFigures): { text: string; list: DrilldownList | '' }[] {
  const lines: { text: string; list: DrilldownList | '' }[] = [];
  const pending = valueOf(d, 'coverage.pending');
  const oldest = valueOf(d, 'coverage.pendingOldestDays');
  if (pending?.value) {
    lines.push({ text: `有 ${pending.value} 人报到待审核，最长已等待 ${oldest?.value ?? 0} 天`, list: 'pendingLong' });
  }
  const six = valueOf(d, 'dues.arrears6');
  if (six?.value) lines.push({ text: `${six.value} 人连续 6 个月以上未交党费，需列入支部审议`, list: 'arrears6' });
  const five = valueOf(d, 'dues.arrears5');
  if (five?.value) lines.push({ text: `${five.value} 人已欠交 5 个月，请在本月内提醒`, list: 'arrears3' });
  const cadence = valueOf(d, 'life.cadenceRate');
  if (cadence && cadence.value !== null && cadence.value < 1000) {
    lines.push({ text: `三会一课完成率 ${cadence.text}，有会议未按要求召开`, list: '' });
  }
  const lost = valueOf(d, 'coverage.lostContact');
  if (lost?.value) lines.push({ text: `${lost.value} 人已失联，请社区协助查找`, list: 'lostContact' });
  return lines;
}

function sourceText(d: DeskFigures): string {
  if (d.source === 'report' && d.report)
    return `以下为已出具报表的数字（第 ${d.report.version} 版，${d.report.issuedAt.slice(0, 10)}）`;
  const at = d.activityAsOf ?? d.asOf;
  const local = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString();
  return `统计截至 ${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    picking: false,
    choices: [] as NodeChoice[],
    nodeId: '',
    nodeName: '',
    period: '',
    periodLabel: '',
    periodChoices: [] as { key: string; name: string }[],
    source: '',
    attention: [] as { text: string; list: DrilldownList | '' }[],
    groups: [] as GroupRows[],
    heldByKind: [] as { kind: string; label: string; held: number }[],
    openedId: '',
    trendFigures: TREND_FIGURES,
    trendId: TREND_FIGURES[0]!.id,
    trendStatus: 'loading' as LoadStatus,
    trendError: '',
    trendOption: {} as Record<string, unknown>,
    trendRows: [] as { period: string; label: string; text: string }[],
    trendName: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const nodeId = query.nodeId ? decodeURIComponent(query.nodeId) : '';
      const nodeName = query.name ? decodeURIComponent(query.name) : '';
      const period = query.period ? decodeURIComponent(query.period) : '';
      this.setData({ nodeId, nodeName, period });
      void (nodeId ? this.load() : this.pickNode());
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void (this.data.nodeId ? this.load() : this.pickNode());
    },

    /** Which node to open: the caller's administered nodes (the top of the tree for the system administrator). */
    async pickNode(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const profile = await fetchWhoami();
        const choices: NodeChoice[] = profile.isSuperAdmin
          ? (await fetchOrgChildren()).map((n) => ({ id: n.id, name: n.name }))
          : profile.roles.filter((r) => r.role === 'admin').map((r) => ({ id: r.scopeId, name: r.scopeName }));
        if (choices.length === 1) {
          this.setData({ nodeId: choices[0]!.id, nodeName: choices[0]!.name });
          await this.load();
          return;
        }
        this.setData({ status: 'ready', picking: true, choices });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onPickNode(event: Dataset<NodeChoice>) {
      const { id, name } = event.currentTarget.dataset;
      this.setData({ nodeId: id, nodeName: name, picking: false });
      void this.load();
    },

    onPeriodTap(event: Dataset<{ key: string }>) {
      if (event.currentTarget.dataset.key === this.data.period) return;
      this.setData({ period: event.currentTarget.dataset.key });
      void this.load();
    },

    onFigureTap(event: Dataset<{ id: string }>) {
      const { id } = event.currentTarget.dataset;
      this.setData({ openedId: this.data.openedId === id ? '' : id });
    },

    onTrendTap(event: Dataset<{ id: string }>) {
      if (event.currentTarget.dataset.id === this.data.trendId) return;
      this.setData({ trendId: event.currentTarget.dataset.id });
      void this.loadTrend();
    },

    /** The chosen figure over 12 months: the chart and the table under it. Never throws. */
    async loadTrend(): Promise<void> {
      this.setData({ trendStatus: 'loading' });
      try {
        const t = await fetchTrend(this.data.nodeId, this.data.trendId);
        this.setData({
          trendStatus: 'ready',
          trendName: t.figure.name,
          trendOption: trendOption(t),
          trendRows: t.points.map((p) => ({ period: p.period, label: p.label, text: p.text })),
        });
      } catch (err) {
        this.setData({ trendStatus: 'error', trendError: toCallError(err).message });
      }
    },

    onAttentionTap(event: Dataset<{ list: DrilldownList | '' }>) {
      const { list } = event.currentTarget.dataset;
      if (!list) return;
      openDeskPage('drilldown', { nodeId: this.data.nodeId, name: this.data.nodeName, list });
    },

    onRanking() {
      openDeskPage('ranking', { nodeId: this.data.nodeId, name: this.data.nodeName, period: this.data.period });
    },

    onReports() {
      openDeskPage('reports', { nodeId: this.data.nodeId, name: this.data.nodeName });
    },

    /** Loads the node's figures for the chosen period; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const d = await fetchDeskFigures(this.data.nodeId, this.data.period || undefined);
        setNavTitle(d.nodeName, '组织部工作台');
        this.setData({
          status: 'ready',
          nodeName: d.nodeName,
          period: d.period.key,
          periodLabel: d.period.label,
          periodChoices: d.choices,
          source: sourceText(d),
          attention: attentionOf(d),
          groups: d.groups.map((g) => ({ group: g.group, name: g.name, figures: g.figures.map(figureRow) })),
          heldByKind: d.heldByKind,
        });
        void this.loadTrend();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },
  },
});
