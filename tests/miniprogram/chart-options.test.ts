/**
 * The desk's chart options (pages-admin/common/chart-options.ts), rendered to SVG by ECharts'
 * server-side renderer: what a person would see drawn, without a phone.
 */
import * as echarts from 'echarts';
import { displayValue, rankingOption, trendOption } from '../../miniprogram/pages-admin/common/chart-options';
import type { Trend } from '../../typings/areas/desk';

function svgOf(option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 375, height: 260 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const aTrend = (values: (number | null)[]): Trend => ({
  nodeId: 'xm',
  nodeName: '厦门市',
  figure: { id: 'dues.paidRate', name: '交纳率', definition: '', unit: '%', better: 'higher' },
  points: values.map((value, i) => ({
    period: `2026-${String(i + 1).padStart(2, '0')}`,
    label: `${i + 1}月`,
    value,
    text: '',
  })),
});

describe('values as people read them', () => {
  test('rates in percent, money in 元, counts as they are, none as none', () => {
    expect(displayValue(875, '%')).toBe(87.5);
    expect(displayValue(12_345, '元')).toBe(123.45);
    expect(displayValue(12, '人')).toBe(12);
    expect(displayValue(null, '%')).toBeNull();
  });
});

describe('the trend', () => {
  test('draws twelve months along the bottom and one line, in percent up to 100', () => {
    const svg = svgOf(trendOption(aTrend([900, 910, 870, null, 950, 960, 940, 930, 920, 980, 990, 1000])));
    const t = texts(svg);
    // ECharts leaves out labels that would collide at a phone's width; the table under the chart has every month.
    expect(t).toContain('1月');
    expect(t.filter((x) => /^\d+月$/.test(x)).length).toBeGreaterThanOrEqual(6);
    expect(t).toContain('100');
    expect(t).toContain('%');
    // The line is drawn in the brand red, with a point for each of the eleven months that have a value.
    expect(svg).toMatch(/<path[^>]*stroke="#c8161d"/);
    expect(svg.match(/ecmeta_data_index="\d+"/g)?.length).toBeGreaterThanOrEqual(11);
  });
});

describe('the ranking', () => {
  test('one bar per district with its value beside it, the first place on top', () => {
    const option = rankingOption('交纳率', '%', [
      { name: '思明区', value: 975 },
      { name: '湖里区', value: 902 },
      { name: '集美区', value: null },
    ]);
    const svg = svgOf(option);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['思明区', '湖里区', '集美区', '97.5%', '90.2%']));
    expect(svg.match(/<path[^>]*fill="#c8161d"/g)).toHaveLength(2);
    // Drawn from the bottom up: 思明区 (first) is the last category, at the top.
    const source = (option.dataset as { source: [string, number | null][] }).source;
    expect(source.at(-1)![0]).toBe('思明区');
  });

  test('a composite score runs to 100 with few value ticks, so they do not run together beside long names', () => {
    const option = rankingOption('综合得分', 'score', [
      { name: '莲前街道', value: 53.9 },
      { name: '思明区流动党员服务管理站', value: 33.3 },
    ]);
    const ticks = texts(svgOf(option)).filter((x) => /^\d+$/.test(x ?? ''));
    expect(ticks).toEqual(['0', '50', '100']);
  });
});
