/**
 * Loading pages under miniprogram-simulate with real TDesign components (miniprogram-toolchain.md):
 * official WXML compiler, rootPath the miniprogram folder, npm-style component paths mapped to
 * the built /miniprogram_npm, and the backend stubbed at the boundary only (wx.request, wx.cloud,
 * storage, navigation).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');

export type PageComponent = simulate.RootComponent<
  WechatMiniprogram.Component.DataOption,
  WechatMiniprogram.Component.PropertyOption,
  WechatMiniprogram.Component.MethodOption
>;

type Node = ReturnType<PageComponent['querySelector']>;

/** Fails early with the fix when `npx tsx scripts/build-npm.ts` has not been run. */
function assertNpmBuilt(): void {
  if (!fs.existsSync(path.join(MINIPROGRAM_ROOT, 'miniprogram_npm', 'tdesign-miniprogram', 'button', 'button.json'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npx tsx scripts/build-npm.ts` first');
  }
}

/** Maps each `tdesign-miniprogram/...` entry of a page's json to `/miniprogram_npm/...` (pitfall 3). */
function npmComponents(pagePath: string): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${pagePath}.json`), 'utf8')) as {
    usingComponents?: Record<string, string>;
  };
  const mapped: Record<string, string> = {};
  for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
    mapped[tag] = target.startsWith('/') || target.startsWith('.') ? target : `/miniprogram_npm/${target}`;
  }
  return mapped;
}

/**
 * Loads and renders a page (path relative to the miniprogram root, without extension).
 * Call `jest.resetModules()` before each test (pitfall 5) so the page's modules load afresh.
 */
export function renderPage(pagePath: string): PageComponent {
  assertNpmBuilt();
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, pagePath), {
    compiler: 'official',
    // The whole project's templates compile at once; the output outgrew the default 1 MB buffer.
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
    rootPath: MINIPROGRAM_ROOT,
    usingComponents: npmComponents(pagePath),
  });
  const page = simulate.render(id) as PageComponent;
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Runs a page lifecycle method the way the framework would (pitfall 1: call onLoad yourself). */
export function callLifecycle(
  page: PageComponent,
  name: 'onLoad' | 'onShow' | 'onPullDownRefresh',
  query: Record<string, string> = {},
): void {
  const method = (page.instance as unknown as Record<string, ((q: Record<string, string>) => unknown) | undefined>)[
    name
  ];
  if (!method) throw new Error(`page has no ${name}`);
  method.call(page.instance, query);
}

/** Lets pending events, promises and timers settle (events are asynchronous: pitfall 7). */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The text a node shows, whitespace collapsed; '' when the node is absent. A TDesign component
 * has no host element of its own (virtualHost, pitfall 6): name its root element as `inner`,
 * e.g. `textOf(page.querySelector('#entry'), '.t-cell')`.
 */
export function textOf(node: Node | PageComponent, inner?: string): string {
  const target = inner ? node?.querySelector(inner) : node;
  return (target?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Taps a TDesign component found by selector. TDesign uses virtualHost, so the tap goes to the
 * inner element that carries the handler (pitfall 6), e.g. `.t-button` or `.t-cell`.
 */
export async function tap(page: PageComponent, selector: string, inner: string): Promise<void> {
  const host = page.querySelector(selector);
  if (!host) throw new Error(`nothing matches ${selector}`);
  const target = host.querySelector(inner);
  if (!target) throw new Error(`${selector} has no ${inner} inside`);
  target.dispatchEvent('tap');
  await settle();
}

/** What the mini-program sent with wx.request. */
export interface SentRequest {
  url: string;
  method: string | undefined;
  header: Record<string, string>;
  data: unknown;
}

/** How the stubbed network answers one request: a reply body, or a platform failure. */
export type Answer = { status?: number; body: unknown } | { fail: string };

/** Replaces wx.request; each call is answered by `answer`, which may wait. Returns the mock. */
export function stubRequest(answer: (req: SentRequest) => Answer | Promise<Answer>): jest.Mock {
  const mock = jest.fn((opts: WechatMiniprogram.RequestOption) => {
    const req: SentRequest = {
      url: opts.url,
      method: opts.method,
      header: (opts.header ?? {}) as Record<string, string>,
      data: opts.data,
    };
    void Promise.resolve(answer(req)).then((a) => {
      if ('fail' in a) {
        opts.fail?.({ errMsg: a.fail, errno: 600001 } as WechatMiniprogram.RequestFailCallbackErr);
      } else {
        opts.success?.({
          data: a.body as WechatMiniprogram.IAnyObject,
          statusCode: a.status ?? 200,
          header: {},
          cookies: [],
          errMsg: 'request:ok',
        } as unknown as WechatMiniprogram.RequestSuccessCallbackResult);
      }
    });
    return {} as WechatMiniprogram.RequestTask;
  });
  Object.assign(wx, { request: mock });
  return mock;
}

/** The requests a `stubRequest` mock has seen, in order. */
export function sentRequests(mock: jest.Mock): SentRequest[] {
  return mock.mock.calls.map(([opts]: [WechatMiniprogram.RequestOption]) => ({
    url: opts.url,
    method: opts.method,
    header: (opts.header ?? {}) as Record<string, string>,
    data: opts.data,
  }));
}

/** A promise with its resolver outside, to hold a reply back while a test looks at loading. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** In-memory wx storage (simulate's is a no-op), so choices survive within a test. */
export function stubStorage(initial: Record<string, unknown> = {}): Map<string, unknown> {
  const store = new Map<string, unknown>(Object.entries(initial));
  jest
    .spyOn(wx, 'getStorageSync')
    .mockImplementation(((key: string) => (store.has(key) ? store.get(key) : '')) as typeof wx.getStorageSync);
  jest.spyOn(wx, 'setStorageSync').mockImplementation(((key: string, value: unknown) => {
    store.set(key, value);
  }) as typeof wx.setStorageSync);
  jest.spyOn(wx, 'removeStorageSync').mockImplementation(((key: string) => {
    store.delete(key);
  }) as typeof wx.removeStorageSync);
  return store;
}
