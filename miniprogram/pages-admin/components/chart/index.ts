/**
 * A chart drawn by the custom ECharts build on a `type="2d"` canvas. The option comes from the
 * page (built by pure functions, pages-admin/common/chart-options.ts); taps on the canvas are handed
 * to ECharts as pointer events so its tooltip answers. `hidden` takes the canvas away while a popup
 * is open: a native canvas would draw over it. Every chart has a table beside it on the page.
 */
import { init, setPlatformAPI, type ChartInstance } from './echarts';

type TouchEvent = WechatMiniprogram.TouchCanvas;

let platformReady = false;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

/**
 * The canvas as ECharts' renderer expects it: the node's size and context, and the DOM listener
 * calls it makes on start (the 2d canvas node has none; touches come through the wxml bindings).
 */
function canvasHost(node: CanvasNode) {
  return {
    get width() {
      return node.width;
    },
    set width(value: number) {
      node.width = value;
    },
    get height() {
      return node.height;
    },
    set height(value: number) {
      node.height = value;
    },
    getContext: (type: '2d') => node.getContext(type),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
}

/** ECharts measures text on a canvas of its own: an offscreen one here, as there is no document. */
function preparePlatform(): void {
  if (platformReady) return;
  setPlatformAPI({ createCanvas: () => wx.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) });
  platformReady = true;
}

Component({
  properties: {
    option: { type: Object, value: {} },
    /** CSS height: rem, so it grows with the person's font size. */
    height: { type: String, value: '16rem' },
    /** What the chart shows, for screen readers. */
    label: { type: String, value: '' },
    hidden: { type: Boolean, value: false },
  },

  observers: {
    option(option: Record<string, unknown>) {
      const chart = (this as unknown as { chart?: ChartInstance }).chart;
      if (chart && option) chart.setOption(option, true);
    },
  },

  lifetimes: {
    ready() {
      this.mount();
    },
    detached() {
      (this as unknown as { chart?: ChartInstance }).chart?.dispose();
    },
  },

  methods: {
    /** Find the canvas node, size it for the screen, and draw. */
    mount() {
      wx.createSelectorQuery()
        .in(this)
        .select('.chart__canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[]) => {
          const hit = res[0];
          if (!hit?.node || !hit.width || !hit.height) return;
          preparePlatform();
          const dpr = wx.getWindowInfo().pixelRatio;
          const chart = init(canvasHost(hit.node), null, {
            width: hit.width,
            height: hit.height,
            devicePixelRatio: dpr,
          });
          chart.setOption(this.data.option as Record<string, unknown>);
          (this as unknown as { chart?: ChartInstance }).chart = chart;
        });
    },

    /** Hand a touch to ECharts as the pointer events it listens for. */
    dispatch(names: string[], event: TouchEvent) {
      const chart = (this as unknown as { chart?: ChartInstance }).chart;
      const touch = event.touches[0] ?? event.changedTouches[0];
      if (!chart || !touch) return;
      const pointer = {
        zrX: touch.x,
        zrY: touch.y,
        preventDefault: () => undefined,
        stopPropagation: () => undefined,
        stopImmediatePropagation: () => undefined,
      };
      for (const name of names) chart.getZr().handler.dispatch(name, pointer);
    },

    onTouchStart(event: TouchEvent) {
      this.dispatch(['mousedown', 'mousemove'], event);
    },

    onTouchMove(event: TouchEvent) {
      this.dispatch(['mousemove'], event);
    },

    onTouchEnd(event: TouchEvent) {
      this.dispatch(['mouseup', 'click'], event);
    },
  },
});
