/**
 * Photographs each rendered scene in Debian's Chromium at the standard and the largest font
 * (root font 16px and 24px: every page sets root-font-size="system" and sizes text in rem), at
 * 375 px wide and twice the pixels, and writes the gallery a reviewer opens first.
 */
import { escapeHtml } from './html';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FAULT_NAMES, findLayoutFaults, type LayoutFault } from './layout-checks';
import { FONT_SCALES, SCREEN, type RenderedScene } from './scene';

const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium, or null: the preview never downloads a browser. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : null;
  return BROWSER_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const INSTALL_HINT = '请先安装 Debian 的 Chromium 与中文字体：sudo apt-get install -y chromium fonts-noto-cjk';

// This machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
}

export function pngName(id: string, font: string): string {
  return `${id}.${font}.png`;
}

const ECHARTS = createRequire(__filename).resolve('echarts/dist/echarts.min.js');

/** Draws each chart the renderer left as an option (render.preview.ts), with ECharts, at its drawn size. */
async function drawCharts(page: Page): Promise<void> {
  if ((await page.locator('[data-pv-option]').count()) === 0) return;
  await page.addScriptTag({ path: ECHARTS });
  await page.evaluate(() => {
    const lib = (
      window as unknown as { echarts: { init(el: Element, t: null, o: object): { setOption(o: object): void } } }
    ).echarts;
    for (const el of Array.from(document.querySelectorAll('[data-pv-option]'))) {
      lib.init(el, null, { renderer: 'svg' }).setOption(JSON.parse(el.getAttribute('data-pv-option')!) as object);
    }
  });
}

/** What the layout checks found, by scene id, then by font id. */
export type FaultsByScene = Record<string, Record<string, LayoutFault[]>>;

/** Every scene at every font size, with the layout checks of each picture (also written to faults.json). */
export async function shootScenes(
  browser: Browser,
  outDir: string,
  scenes: RenderedScene[],
): Promise<{ pictures: number; faults: FaultsByScene }> {
  const faults: FaultsByScene = {};
  const pngDir = path.join(outDir, 'png');
  fs.mkdirSync(pngDir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: SCREEN.width, height: SCREEN.height },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  // tsx compiles with keepNames, so a function handed to evaluate() calls esbuild's `__name`.
  await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
  const page = await context.newPage();
  let count = 0;
  for (const scene of scenes) {
    if (scene.error) continue;
    const file = path.join(outDir, 'html', `${scene.id}.html`);
    for (const font of FONT_SCALES) {
      await page.goto(`file://${file}`);
      await page.evaluate((px) => {
        document.documentElement.style.fontSize = `${px}px`;
      }, font.rootPx);
      await drawCharts(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({
        path: path.join(pngDir, pngName(scene.id, font.id)),
        fullPage: true,
        animations: 'disabled',
      });
      // The first screen alone, as the phone shows it before any scrolling.
      await page.screenshot({ path: path.join(pngDir, pngName(scene.id, `${font.id}.first`)), animations: 'disabled' });
      (faults[scene.id] ??= {})[font.id] = await page.evaluate(findLayoutFaults, {
        foldY: scene.foldY,
        mainAction: scene.mainAction,
      });
      count++;
    }
  }
  await context.close();
  fs.writeFileSync(path.join(outDir, 'faults.json'), JSON.stringify(faults, null, 2));
  return { pictures: count, faults };
}

function faultList(faults: LayoutFault[] | undefined): string {
  if (!faults?.length) return '<p class="clean">版面检查：无问题</p>';
  const items = faults.map((f) => `<li>${FAULT_NAMES[f.kind]}：${escapeHtml(f.text)}</li>`).join('');
  return `<ul class="faults">${items}</ul>`;
}

/** index.html: one row per scene, the standard font beside the largest. */
export function writeGallery(outDir: string, scenes: RenderedScene[], faults: FaultsByScene, seconds: number): string {
  const rows = scenes
    .map((s) => {
      const caption =
        `<h2 id="${s.id}">${escapeHtml(s.state)} <small>${escapeHtml(s.id)}</small></h2>` +
        `<p>${escapeHtml(s.page)} · 身份 ${escapeHtml(s.as)} · 标题「${escapeHtml(s.title)}」 · 调用 ${escapeHtml(s.calls.join('、') || '无')}</p>`;
      const pictures = s.error
        ? `<pre class="error">${escapeHtml(s.error)}</pre>`
        : FONT_SCALES.map(
            (f) =>
              `<figure><figcaption>${f.label}</figcaption><a href="png/${pngName(s.id, f.id)}"><img loading="lazy" src="png/${pngName(s.id, f.id)}" width="${SCREEN.width}"></a>${faultList(faults[s.id]?.[f.id])}</figure>`,
          ).join('');
      return `<section>${caption}<div class="row">${pictures}</div></section>`;
    })
    .join('\n');
  const index = scenes.map((s) => `<a href="#${s.id}">${escapeHtml(s.id)}</a>`).join(' ');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>流动先锋 页面预览</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:24px;background:#fafafa}h2{margin:32px 0 4px;font-size:18px}
h2 small{color:#888;font-weight:normal}p{margin:0 0 8px;color:#555;font-size:13px}.row{display:flex;gap:24px;align-items:flex-start}
figure{margin:0}figcaption{font-size:13px;color:#555}img{border:1px solid #ddd;background:#fff}nav a{margin-right:8px;font-size:13px}
.error{color:#b00;white-space:pre-wrap}.faults{color:#b00;font-size:13px;max-width:375px;padding-left:18px}.clean{color:#080;font-size:13px}</style></head><body>
<h1>流动先锋 页面预览</h1><p>${scenes.length} 个场景，每个场景标准字号与最大字号各一张；蓝色虚线是第一屏的下沿。用时 ${seconds.toFixed(0)} 秒。</p>
<nav>${index}</nav>${rows}</body></html>`;
  const file = path.join(outDir, 'index.html');
  fs.writeFileSync(file, html);
  return file;
}
