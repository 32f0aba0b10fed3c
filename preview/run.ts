/**
 * `npm run preview [-- --only id,id]`: every page in its states as a person sees it. Starts an
 * in-memory local host with the demo data at a fixed instant, renders each scene to HTML in the
 * page tests' environment (jest + miniprogram-simulate), photographs it in Debian's Chromium at
 * the standard and the largest font, and writes `.preview/index.html`.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPreviewHost, type PreviewHost } from './host';
import { PREVIEW_NOW, type RenderedScene } from './scene';
import { selectScenes } from './select';
import { INSTALL_HINT, findChromium, launchChromium, shootScenes, writeGallery } from './shoot';

const ROOT = path.resolve(__dirname, '..');

interface PreviewOptions {
  /** Scene ids or parts of ids, comma-separated; all when empty. */
  only: string | undefined;
  out: string;
  /** Build functions and miniprogram_npm first (off when `npm test` has just built them). */
  build: boolean;
}

function parseOptions(argv: string[]): PreviewOptions {
  const opts: PreviewOptions = { only: process.env.PREVIEW_ONLY, out: path.join(ROOT, '.preview'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') opts.only = argv[++i];
    else if (arg === '--out') opts.out = path.resolve(argv[++i] ?? opts.out);
    else if (arg === '--no-build') opts.build = false;
    else throw new Error(`未知参数：${arg}（可用：--only 场景,场景 --out 目录 --no-build）`);
  }
  return opts;
}

/**
 * Renders the scenes to HTML through jest; returns what each produced. Asynchronous: the local
 * host answering the pages runs in this process.
 */
async function renderScenes(host: PreviewHost, opts: PreviewOptions): Promise<RenderedScene[]> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', path.join(__dirname, 'jest.config.js'), '--silent'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        PREVIEW_HOST: host.url,
        PREVIEW_FIXTURES: JSON.stringify(host.fixtures),
        PREVIEW_OUT: opts.out,
        PREVIEW_ONLY: opts.only ?? '',
      },
    },
  );
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const file = path.join(opts.out, 'scenes.json');
  if (!fs.existsSync(file)) throw new Error(`页面渲染失败（jest 退出码 ${status}）`);
  const rendered = JSON.parse(fs.readFileSync(file, 'utf8')) as RenderedScene[];
  if (status !== 0) console.error('有场景渲染失败，见上方 jest 输出；其余场景照常出图。');
  return rendered;
}

async function main(): Promise<void> {
  const started = performance.now();
  const opts = parseOptions(process.argv.slice(2));
  const scenes = selectScenes(opts.only);
  const browserPath = findChromium();
  if (!browserPath) {
    console.error(`没有找到 Chromium。${INSTALL_HINT}（或用 CHROMIUM_PATH 指定）`);
    process.exit(1);
  }
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });

  // Fixed instant, still running: check-in windows and relative dates come out the same each run.
  const clock = FakeTimers.withGlobal(globalThis).install({
    now: new Date(PREVIEW_NOW),
    toFake: ['Date'],
    shouldAdvanceTime: true,
  });
  const host = await startPreviewHost({ build: opts.build });
  try {
    console.log(`本地云开发已就绪（${host.url}，演示数据，时间 ${PREVIEW_NOW}）；渲染 ${scenes.length} 个场景…`);
    const rendered = await renderScenes(host, opts);
    const browser = await launchChromium(browserPath);
    try {
      const { pictures, faults } = await shootScenes(browser, opts.out, rendered);
      const seconds = (performance.now() - started) / 1000;
      const gallery = writeGallery(opts.out, rendered, faults, seconds);
      const failed = rendered.filter((r) => r.error).length;
      const faulty = Object.values(faults).filter((byFont) => Object.values(byFont).some((f) => f.length > 0)).length;
      console.log(
        `预览完成：${rendered.length} 个场景、${pictures} 张图，用时 ${seconds.toFixed(0)} 秒${failed ? `，${failed} 个场景失败` : ''}；版面检查有问题的场景 ${faulty} 个（faults.json）`,
      );
      console.log(`打开 ${gallery}`);
      if (failed > 0 || rendered.length < scenes.length) process.exitCode = 1;
    } finally {
      await browser.close();
    }
  } finally {
    await host.close();
    clock.uninstall();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
