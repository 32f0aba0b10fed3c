/**
 * The chart component (pages-admin/components/chart): it finds its 2d canvas, sizes it for the
 * screen and has the custom ECharts build draw the option on it; a new option redraws. The canvas is WeChat's (the edge of the world): a recording 2d context stands
 * in for it, so the test sees what ECharts actually drew.
 */
import { rankingOption } from '../../miniprogram/pages-admin/common/chart-options';
import { renderPage, settle } from './harness';

/** A 2d context that records every call and answers measureText, as a canvas would. */
function recordingContext() {
  const calls: { name: string; args: unknown[] }[] = [];
  const ctx: Record<string | symbol, unknown> = {};
  const proxy: Record<string, unknown> = new Proxy(ctx, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 8 });
      if (key === 'canvas') return undefined;
      if (key === 'getLineDash') return () => [];
      return (...args: unknown[]) => {
        calls.push({ name: String(key), args });
        return undefined;
      };
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  return { proxy, calls };
}

let context: ReturnType<typeof recordingContext>;
let canvas: { width: number; height: number; getContext: () => unknown };

beforeEach(() => {
  jest.resetModules();
  context = recordingContext();
  canvas = { width: 0, height: 0, getContext: () => context.proxy };
  const query = {
    in: () => query,
    select: () => query,
    fields: () => query,
    exec: (cb: (res: unknown[]) => void) => cb([{ node: canvas, width: 300, height: 200 }]),
  };
  Object.assign(wx, {
    createSelectorQuery: () => query,
    getWindowInfo: () => ({ pixelRatio: 2 }),
    // ECharts' renderer recognises the mini-program by this function, as on a phone.
    getSystemInfoSync: () => ({ pixelRatio: 2, platform: 'devtools' }),
    createOffscreenCanvas: () => ({ width: 1, height: 1, getContext: () => recordingContext().proxy }),
  });
});

const drawnTexts = () => context.calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));

test('draws the option on the canvas at the screen’s pixel ratio, and redraws a new one', async () => {
  const chart = renderPage('pages-admin/components/chart/index');
  chart.setData({ option: rankingOption('交纳率', '%', [{ name: '思明区', value: 975 }]) });
  await settle(120);
  expect(canvas.width).toBe(600);
  expect(canvas.height).toBe(400);
  expect(drawnTexts()).toEqual(expect.arrayContaining(['思明区', '97.5%']));

  context.calls.length = 0;
  chart.setData({ option: rankingOption('参会率', '%', [{ name: '湖里区', value: 800 }]) });
  await settle(120);
  expect(drawnTexts()).toEqual(expect.arrayContaining(['湖里区', '80%']));
  expect(drawnTexts()).not.toContain('思明区');
});
