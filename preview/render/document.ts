/**
 * Turns a page rendered by miniprogram-simulate into a standalone HTML document that Chromium
 * draws as WeChat would (runs under jsdom). What simulate leaves out or gets wrong is put right
 * here, each fix named where it is made (miniprogram-toolchain.md, "Previewing pages").
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import postcss from 'postcss';
import { MINIPROGRAM_ROOT } from '../../tests/miniprogram/harness';
import type { Overlay } from './backend';
import { chromeStyles, drawChrome, firstScreenHeight, type Chrome } from './chrome';

const ICONS_DIR = path.dirname(createRequire(__filename).resolve('tdesign-icons-svg/package.json'));

/** WXML tags as simulate names them in the DOM: a WXSS `view` selector must match `wx-view`. */
const WXML_TAGS = [
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'scroll-view',
  'navigator',
  'label',
  'picker',
  'swiper',
  'swiper-item',
  'canvas',
  'icon',
  'progress',
  'rich-text',
  'radio',
  'checkbox',
  'switch',
  'slider',
  'form',
];
const TAG_SELECTOR = new RegExp(`(^|[\\s>+~(,])(page|${WXML_TAGS.join('|')})(?=$|[\\s.:#\\[>+~),])`, 'g');

/** simulate turns 1rpx into 1px; the screen is 750rpx = 375px wide, so 1rpx is 0.5px. */
export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_, n: string) => `${Number((Number(n) / 2).toFixed(3))}px`);
}

/**
 * Stylesheets as Chromium should read them: tag selectors renamed to simulate's elements (`page`
 * is the page's root), and the icon font's @font-face dropped (it points at a CDN; icons are
 * drawn from SVG instead).
 */
export function rewriteStyles(css: string): string {
  const root = postcss.parse(css);
  root.walkAtRules('font-face', (rule) => {
    rule.remove();
  });
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes/i.test((rule.parent as postcss.AtRule).name)) return;
    rule.selector = rule.selector.replace(TAG_SELECTOR, (_, before: string, tag: string) =>
      tag === 'page' ? `${before}.wx-page` : `${before}wx-${tag}`,
    );
  });
  return root.toString();
}

/** app.wxss, which WeChat applies to every page and to components with addGlobalClass (TDesign). */
function appStyles(): string {
  return rewriteStyles(rpxToPx(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8')));
}

/** A class token's owner: simulate writes `<tag>--<class>`; the page's own tag is `main`. */
function ownerOf(token: string): string | null {
  const at = token.indexOf('--');
  return at > 0 ? token.slice(0, at) : null;
}

/**
 * simulate prefixes every class with its component's tag, so app.wxss (unprefixed) would match
 * nothing: give the page's and TDesign's elements their plain class too. Project components do
 * not set addGlobalClass, so app.wxss does not reach inside them in WeChat either.
 */
function addGlobalClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const plain: string[] = [];
    for (const token of Array.from(el.classList)) {
      const owner = ownerOf(token);
      if (owner === 'main' || owner?.startsWith('t-')) plain.push(token.slice(owner.length + 2));
    }
    el.classList.add(...plain);
  }
}

function iconSvg(name: string): string | null {
  const file = path.join(ICONS_DIR, 'src', `${name}.svg`);
  if (!fs.existsSync(file)) return null;
  // The package writes `view-box`, which SVG ignores; ids would repeat across icons.
  return fs
    .readFileSync(file, 'utf8')
    .replace('view-box=', 'viewBox=')
    .replace(/\sid="[^"]*"/g, '')
    .replace(/\sclass="[^"]*"/, ' class="pv-svg"');
}

/** TDesign draws icons with a web font from a CDN: draw each from its SVG instead. */
function drawIcons(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class*="t-icon--t-icon-"]'))) {
    const name = Array.from(el.classList)
      .map((c) => /^t-icon--t-icon-(.+)$/.exec(c)?.[1])
      .find((n) => n && n !== 'base');
    if (!name) continue;
    el.classList.add('pv-icon');
    el.innerHTML = iconSvg(name) ?? `<span class="pv-missing">${name}</span>`;
  }
}

/** Native inputs render empty in jsdom: show the value, or the placeholder in its grey. */
function drawInputs(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('wx-input, wx-textarea'))) {
    const value = el.getAttribute('value') ?? '';
    const shown = value
      ? el.getAttribute('password') === 'true' || el.getAttribute('type') === 'safe-password'
        ? '•'.repeat(value.length)
        : value
      : (el.getAttribute('placeholder') ?? '');
    const span = el.ownerDocument.createElement('span');
    span.className = value ? 'pv-value' : 'pv-placeholder';
    span.textContent = shown;
    el.replaceChildren(span);
  }
}

const IMAGE_FIT: Record<string, string> = { aspectFill: 'cover', aspectFit: 'contain', scaleToFill: 'fill' };

/** Native images render empty: draw `src` (project files resolved to the miniprogram folder). */
function drawImages(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('wx-image'))) {
    const src = el.getAttribute('src');
    if (!src) continue;
    const mode = el.getAttribute('mode') ?? 'scaleToFill';
    const url = /^(data:|https?:|file:)/.test(src) ? src : `file://${path.join(MINIPROGRAM_ROOT, src)}`;
    const img = el.ownerDocument.createElement('img');
    img.src = url;
    img.className = mode === 'widthFix' ? 'pv-img pv-img--width-fix' : 'pv-img';
    img.style.objectFit = IMAGE_FIT[mode] ?? 'cover';
    el.replaceChildren(img);
  }
}

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};

/** `<text decode>` shows `&nbsp;` and friends as characters in WeChat; simulate leaves them as typed. */
function decodeTexts(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('wx-text'))) {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3 && node.textContent?.includes('&')) {
        node.textContent = node.textContent.replace(
          /&(nbsp|ensp|emsp|lt|gt|amp|apos|quot);/g,
          (_, e: string) => ENTITIES[e]!,
        );
      }
    }
  }
}

/** The page's DOM made drawable: a clone, so the live page is untouched. */
function drawablePage(pageRoot: Element): string {
  const clone = pageRoot.cloneNode(true) as Element;
  addGlobalClasses(clone);
  drawIcons(clone);
  drawInputs(clone);
  drawImages(clone);
  decodeTexts(clone);
  return clone.innerHTML;
}

export interface PageDocument {
  pageRoot: Element;
  chrome: Chrome;
  overlay: Overlay;
}

/** The whole HTML document of one scene; the root font size is set by the screenshot step. */
export function pageDocument({ pageRoot, chrome, overlay }: PageDocument): string {
  const componentStyles = Array.from(pageRoot.ownerDocument.head.querySelectorAll('style'))
    .map((s) => rewriteStyles(s.innerHTML))
    .join('\n');
  const { top, bottom } = drawChrome(chrome, overlay);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<style>${chromeStyles()}</style>`,
    `<style>${appStyles()}</style>`,
    `<style>${componentStyles}</style>`,
    '</head><body>',
    top,
    // A short page still fills the first screen, so the tab bar sits where WeChat draws it.
    `<div class="wx-page" style="min-height:${firstScreenHeight(chrome)}px">${drawablePage(pageRoot)}</div>`,
    bottom,
    '</body></html>',
  ].join('\n');
}
