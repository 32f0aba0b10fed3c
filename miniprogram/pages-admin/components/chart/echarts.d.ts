/** The part of the custom ECharts build (scripts/echarts-entry.ts) the chart component uses. */
export interface ChartInstance {
  setOption(option: Record<string, unknown>, notMerge?: boolean): void;
  resize(size?: { width?: number; height?: number }): void;
  dispose(): void;
  getZr(): { handler: { dispatch(name: string, event: Record<string, unknown>): void } };
}

export function init(
  canvas: unknown,
  theme?: string | null,
  opts?: { width?: number; height?: number; devicePixelRatio?: number; renderer?: 'canvas' },
): ChartInstance;

export function setPlatformAPI(api: { createCanvas?: () => unknown }): void;
