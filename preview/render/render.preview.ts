/**
 * Renders every scene to a standalone HTML document (run by `npm run preview` through jest, in
 * jsdom with miniprogram-simulate, the official compiler and real TDesign, as the page tests do).
 * Environment: PREVIEW_HOST (the local host's URL), PREVIEW_OUT (folder), PREVIEW_ONLY (scene ids
 * or parts of them, comma-separated).
 */
import fs from 'node:fs';
import path from 'node:path';
import { setClock } from '../../tests/helpers/clock';
import {
  MINIPROGRAM_ROOT,
  callLifecycle,
  renderPage,
  settle,
  type PageComponent,
} from '../../tests/miniprogram/harness';
import { PREVIEW_NOW, SCREEN, type RenderedScene, type Scene, type SceneAction } from '../scene';
import { selectScenes } from '../select';
import { installWorld, type SceneWorld } from './backend';
import { firstScreenHeight, type Chrome, type TabItem } from './chrome';
import { pageDocument, rpxToPx } from './document';

/* eslint-disable @typescript-eslint/no-require-imports -- the simulator's own modules, patched in place */
const simulateUtils = require('miniprogram-simulate/src/utils') as { transformRpx: (s: string) => string };
const componentUtils = require('j-component/src/tool/utils') as { transformRpx: (s: string) => string };
const exparser = require('miniprogram-exparser') as ExparserModule;
/* eslint-enable @typescript-eslint/no-require-imports */

interface ExparserNode {
  $$?: Element;
  _vt?: { tagName?: string; attrs?: { name: string; value: unknown }[] };
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  class?: string;
  hasExternalClass?: (name: string) => boolean;
  setExternalClass?: (name: string, value: string) => void;
}
interface ExparserModule {
  Component: abstract new () => ExparserNode;
  Element: (abstract new () => ExparserNode) & { getMethodCaller(node: ExparserNode): unknown };
}

// simulate writes 1rpx as 1px; the picture is 375px wide, so 1rpx is 0.5px.
simulateUtils.transformRpx = rpxToPx;
componentUtils.transformRpx = rpxToPx;

const hostUrl = process.env.PREVIEW_HOST ?? 'http://127.0.0.1:3000';
const outDir = path.resolve(process.env.PREVIEW_OUT ?? '.preview');
const fixtures = JSON.parse(process.env.PREVIEW_FIXTURES || '{}') as Record<string, string>;

/** A scene's query with `{key}` replaced by the id the preview host made (preview/fixtures.ts). */
function queryOf(scene: Scene): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scene.query ?? {}).map(([k, v]) => [
      k,
      v.replace(/\{(\w+)\}/g, (_, key: string) => {
        const id = fixtures[key];
        if (id === undefined) throw new Error(`场景 ${scene.id} 的 query 用了不存在的 {${key}}`);
        return id;
      }),
    ]),
  );
}

interface AppJson {
  window: { navigationBarTitleText: string; navigationBarBackgroundColor: string; navigationBarTextStyle: string };
  tabBar: { color: string; selectedColor: string; list: TabItem[] };
}
const appJson = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;

function chromeOf(scene: Scene, world: SceneWorld): Chrome {
  const json = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${scene.page}.json`), 'utf8')) as Partial<
    AppJson['window']
  >;
  const window = { ...appJson.window, ...json };
  const isTab = appJson.tabBar.list.some((t) => t.pagePath === scene.page);
  return {
    title: world.title() ?? window.navigationBarTitleText,
    navColor: window.navigationBarBackgroundColor,
    navTextWhite: window.navigationBarTextStyle === 'white',
    tabs: isTab
      ? {
          items: appJson.tabBar.list,
          selected: scene.page,
          color: appJson.tabBar.color,
          selectedColor: appJson.tabBar.selectedColor,
        }
      : undefined,
  };
}

/** Waits until every answered request has been handled and the page has redrawn. */
async function quiet(world: SceneWorld): Promise<void> {
  let calm = 0;
  for (let i = 0; i < 500 && calm < 3; i++) {
    await settle(10);
    calm = world.pending() === 0 ? calm + 1 : 0;
  }
}

/** Every element of the page's tree, into components' shadow trees. */
function eachExparserNode(page: PageComponent, visit: (node: ExparserNode) => void): void {
  const walk = (node: ExparserNode) => {
    visit(node);
    if (node instanceof exparser.Component && node.shadowRoot instanceof exparser.Element) walk(node.shadowRoot);
    for (const child of node.childNodes ?? []) if (child instanceof exparser.Element) walk(child);
  };
  walk((page as unknown as { _exparserNode: ExparserNode })._exparserNode);
}

/**
 * TDesign takes a page's `class="…"` as an external class; simulate stores it on the (virtual)
 * host and never forwards it, so the page's styling of a tag or a button would not show.
 */
function forwardExternalClass(node: ExparserNode): void {
  if (!(node instanceof exparser.Component) || !node.class || !node.hasExternalClass?.('class')) return;
  // The stored value is already prefixed with the owner's tag; setExternalClass adds it again.
  const plain = node.class
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.slice(c.indexOf('--') + 2));
  node.setExternalClass?.('class', plain.join(' '));
}

const NATIVE_WITH_CONTENT = /^(wx-)?(input|textarea|image|scroll-view)$/;
/** The virtual tree's (camel-cased) attribute names, and the DOM attribute document.ts reads. */
const SHOWN_ATTRIBUTES: Record<string, string> = {
  value: 'value',
  placeholder: 'placeholder',
  password: 'password',
  type: 'type',
  src: 'src',
  mode: 'mode',
  scrollX: 'scroll-x',
};

/**
 * simulate keeps a native input's value, placeholder, an image's src and a scroll-view's axis only in its virtual
 * tree: copy them onto the element so the document can draw them (document.ts).
 */
function reflectNativeAttributes(node: ExparserNode): void {
  const vt = node._vt;
  if (!vt || !NATIVE_WITH_CONTENT.test(vt.tagName ?? '') || !node.$$) return;
  for (const { name, value } of vt.attrs ?? []) {
    const shown = SHOWN_ATTRIBUTES[name];
    if (shown && value !== undefined && value !== null) node.$$.setAttribute(shown, String(value));
  }
}

/**
 * The chart component draws on a 2d canvas, which jsdom has not got: leave its ECharts option on
 * the canvas element, and the screenshot step draws it with ECharts at the picture's real size.
 */
function handChartToBrowser(node: ExparserNode): void {
  if (node._vt?.tagName !== 'desk-chart' || !node.$$) return;
  const caller = exparser.Element.getMethodCaller(node) as { data?: { option?: unknown } };
  node.$$.querySelector('wx-canvas')?.setAttribute('data-pv-option', JSON.stringify(caller.data?.option ?? {}));
}

async function act(page: PageComponent, action: SceneAction): Promise<void> {
  if ('tap' in action) {
    const host = page.querySelector(action.tap);
    const target = action.inner ? host?.querySelector(action.inner) : host;
    if (!target) throw new Error(`预览动作找不到元素：${action.tap} ${action.inner ?? ''}`);
    target.dispatchEvent('tap');
    return;
  }
  const host = page.querySelector(action.into);
  const field = host?.querySelector('.t-input__control') ?? host;
  if (!field) throw new Error(`预览动作找不到输入框：${action.into}`);
  field.dispatchEvent('input', { detail: { value: action.type, cursor: action.type.length } });
}

const scenes = selectScenes(process.env.PREVIEW_ONLY);
const rendered: RenderedScene[] = [];

beforeAll(() => {
  fs.mkdirSync(path.join(outDir, 'html'), { recursive: true });
  setClock(new Date(PREVIEW_NOW));
});

afterAll(() => {
  fs.writeFileSync(path.join(outDir, 'scenes.json'), JSON.stringify(rendered, null, 2));
});

async function renderScene(scene: Scene): Promise<RenderedScene> {
  jest.resetModules();
  for (const style of Array.from(document.head.querySelectorAll('style'))) style.remove();
  const world = installWorld(scene, hostUrl);
  const page = renderPage(scene.page);
  // As the framework does: onLoad (when the page has one) with the query, then onShow.
  const instance = page.instance as unknown as { onLoad?: () => void; onShow?: () => void };
  if (instance.onLoad) callLifecycle(page, 'onLoad', queryOf(scene));
  if (instance.onShow) callLifecycle(page, 'onShow');
  await quiet(world);
  for (const action of scene.actions ?? []) {
    await act(page, action);
    await quiet(world);
  }
  eachExparserNode(page, (node) => {
    forwardExternalClass(node);
    reflectNativeAttributes(node);
    handChartToBrowser(node);
  });
  await settle(10);
  const chrome = chromeOf(scene, world);
  const html = pageDocument({ pageRoot: page.dom as Element, chrome, overlay: world.overlay() });
  fs.writeFileSync(path.join(outDir, 'html', `${scene.id}.html`), html);
  page.detach();
  return {
    id: scene.id,
    page: scene.page,
    state: scene.state,
    as: scene.as,
    title: chrome.title,
    calls: world.calls(),
    foldY: SCREEN.statusBar + SCREEN.navBar + firstScreenHeight(chrome),
    mainAction: scene.mainAction,
  };
}

for (const scene of scenes) {
  test(scene.id, async () => {
    try {
      rendered.push(await renderScene(scene));
    } catch (err) {
      // The gallery shows the failure in the scene's place; jest reports it too.
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      rendered.push({
        id: scene.id,
        page: scene.page,
        state: scene.state,
        as: scene.as,
        title: '',
        calls: [],
        foldY: 0,
        error,
      });
      throw err;
    }
  });
}
