/**
 * ECharts options for the desk, built by pure functions from what the server sent: a figure's
 * trend over 12 months (line) and a ranking (horizontal bars, the first place on top). Rates are
 * shown in percent and money in 元; fonts are large, for older eyes. Tested by rendering to SVG.
 */
import type { Trend } from '../../../typings/areas/desk';

const BRAND = '#c8161d';
const FONT = 14;

export interface Bar {
  name: string;
  value: number | null;
}

/** A value in the unit people read: percent for rates (sent in tenths), 元 for fen. */
export function displayValue(value: number | null, unit: string): number | null {
  if (value === null) return null;
  if (unit === '%' || unit === 'score') return value / 10;
  if (unit === '元') return value / 100;
  return value;
}

const axisLabel = { fontSize: FONT, color: 'rgba(0,0,0,0.75)' };

export function trendOption(t: Trend): Record<string, unknown> {
  const unit = t.figure.unit;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', textStyle: { fontSize: FONT } },
    // No header row: a first month or district without a value must not be taken for one.
    dataset: { sourceHeader: false, source: t.points.map((p) => [p.label, displayValue(p.value, unit)]) },
    xAxis: { type: 'category', axisLabel },
    yAxis: { type: 'value', name: unit, nameTextStyle: axisLabel, axisLabel, ...(unit === '%' ? { max: 100 } : {}) },
    series: [
      {
        type: 'line',
        name: t.figure.name,
        encode: { x: 0, y: 1 },
        connectNulls: false,
        symbolSize: 8,
        lineStyle: { color: BRAND, width: 3 },
        itemStyle: { color: BRAND },
      },
    ],
  };
}

export function rankingOption(name: string, unit: string, bars: readonly Bar[]): Record<string, unknown> {
  // ECharts draws a category axis from the bottom: reverse, so the first place is on top.
  const shown = [...bars].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: FONT } },
    dataset: { sourceHeader: false, source: shown.map((b) => [b.name, displayValue(b.value, unit)]) },
    // The bars leave the value axis little room beside long place names: few ticks, none overlapping.
    xAxis: {
      type: 'value',
      splitNumber: 2,
      axisLabel: { ...axisLabel, hideOverlap: true },
      ...(unit === '%' || unit === 'score' ? { max: 100 } : {}),
    },
    // Every place is named, however many: the chart grows with the rows (see rankingHeight).
    yAxis: { type: 'category', axisLabel: { ...axisLabel, interval: 0 } },
    series: [
      {
        type: 'bar',
        name,
        encode: { x: 1, y: 0 },
        itemStyle: { color: BRAND },
        label: { show: true, position: 'right', fontSize: FONT, formatter: unit === '%' ? '{@[1]}%' : '{@[1]}' },
      },
    ],
  };
}

/** A ranking chart tall enough for every row at the person's font size. */
export const rankingHeight = (rows: number) => `${Math.max(8, rows * 2.25 + 2)}rem`;
