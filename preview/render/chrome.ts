/**
 * What WeChat draws around a page and simulate does not: the status and navigation bars (title
 * truncated as WeChat does, the capsule), the tab bar on tab pages, a line where the first
 * screen ends, and the modal, toast or action sheet the page asked for. Also the base styles of
 * WeChat's native elements, which jsdom's custom elements lack.
 */
import { escapeHtml } from '../html';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from '../../tests/miniprogram/harness';
import { SCREEN } from '../scene';
import type { Overlay } from './backend';

export interface TabItem {
  pagePath: string;
  text: string;
  iconPath: string;
  selectedIconPath: string;
}

export interface Chrome {
  title: string;
  navColor: string;
  navTextWhite: boolean;
  /** The tab bar when this page is one of its tabs, with the page's own entry selected. */
  tabs?: { items: TabItem[]; selected: string; color: string; selectedColor: string };
}

/** The page's visible height on the first screen, between the bars. */
export function firstScreenHeight(chrome: Chrome): number {
  const bottom = chrome.tabs ? SCREEN.tabBar + SCREEN.homeIndicator : SCREEN.homeIndicator;
  return SCREEN.height - SCREEN.statusBar - SCREEN.navBar - bottom;
}

function tabBar(tabs: NonNullable<Chrome['tabs']>): string {
  const items = tabs.items
    .map((t) => {
      const on = t.pagePath === tabs.selected;
      const icon = `file://${path.join(MINIPROGRAM_ROOT, on ? t.selectedIconPath : t.iconPath)}`;
      return `<div class="pv-tab" style="color:${on ? tabs.selectedColor : tabs.color}"><img src="${icon}"><span>${escapeHtml(t.text)}</span></div>`;
    })
    .join('');
  return `<div class="pv-tabbar">${items}</div>`;
}

function overlayHtml(overlay: Overlay): string {
  const parts: string[] = [];
  if (overlay.modal) {
    const m = overlay.modal;
    const cancel =
      m.showCancel === false ? '' : `<div class="pv-modal__btn">${escapeHtml(m.cancelText ?? '取消')}</div>`;
    parts.push(
      `<div class="pv-mask"><div class="pv-modal">${m.title ? `<div class="pv-modal__title">${escapeHtml(m.title)}</div>` : ''}` +
        `<div class="pv-modal__content">${escapeHtml(m.content ?? '')}</div>` +
        `<div class="pv-modal__buttons">${cancel}<div class="pv-modal__btn pv-modal__btn--ok">${escapeHtml(m.confirmText ?? '确定')}</div></div></div></div>`,
    );
  }
  if (overlay.actionSheet) {
    const items = overlay.actionSheet.itemList
      .map((i) => `<div class="pv-sheet__item">${escapeHtml(i)}</div>`)
      .join('');
    parts.push(
      `<div class="pv-mask pv-mask--bottom"><div class="pv-sheet">${items}<div class="pv-sheet__item pv-sheet__cancel">取消</div></div></div>`,
    );
  }
  const toast = overlay.loading ?? overlay.toast;
  if (toast) parts.push(`<div class="pv-toast-layer"><div class="pv-toast">${escapeHtml(toast.title)}</div></div>`);
  return parts.join('');
}

/** The bars above the page, and below it the fold line, tab bar and overlays. */
export function drawChrome(chrome: Chrome, overlay: Overlay): { top: string; bottom: string } {
  const text = chrome.navTextWhite ? '#fff' : '#000';
  const top =
    `<div class="pv-bars" style="background:${chrome.navColor};color:${text}">` +
    `<div class="pv-status"><span>9:41</span><span>●●●● 100%</span></div>` +
    `<div class="pv-nav">${chrome.tabs ? '' : '<span class="pv-back">‹</span>'}<span class="pv-title">${escapeHtml(chrome.title)}</span>` +
    `<span class="pv-capsule" style="border-color:${chrome.navTextWhite ? 'rgba(255,255,255,.4)' : 'rgba(0,0,0,.15)'}">··· ◉</span></div></div>`;
  const foldTop = SCREEN.statusBar + SCREEN.navBar + firstScreenHeight(chrome);
  const bottom =
    `<div class="pv-fold" style="top:${foldTop}px"><span>第一屏到此</span></div>` +
    (chrome.tabs ? tabBar(chrome.tabs) : '<div class="pv-home-indicator"></div>') +
    `<div class="pv-overlays">${overlayHtml(overlay)}</div>`;
  return { top, bottom };
}

/** Base styles of WeChat's native elements and of the drawn bars. Bars are in px: they do not grow with the font. */
export function chromeStyles(): string {
  return `
html { -webkit-text-size-adjust: none; }
body { margin: 0; width: ${SCREEN.width}px; position: relative; background: #f3f3f3; font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-navigator, wx-rich-text, wx-picker, wx-canvas, wx-progress { display: block; }
wx-page-meta, wx-block { display: contents; }
wx-page-meta { display: none; }
wx-text { display: inline; white-space: pre-line; }
wx-label { display: inline; }
/* A horizontal scroll-view scrolls inside its box; the picture shows what fits before scrolling. */
wx-scroll-view[scroll-x='true'] { overflow-x: hidden; }
wx-image { display: inline-block; overflow: hidden; width: 320px; height: 240px; }
wx-image .pv-img { display: block; width: 100%; height: 100%; }
wx-image .pv-img--width-fix { height: auto; }
wx-button { display: block; position: relative; margin-left: auto; margin-right: auto; padding: 0 14px; box-sizing: border-box; font-size: 18px; text-align: center; line-height: 2.55555556; border-radius: 5px; overflow: hidden; color: #000; background-color: #f8f8f8; }
/* A native input's size never depends on its text: WeChat draws the text natively, outside layout. */
wx-input { display: block; min-height: 1.4em; line-height: 1.4em; overflow: hidden; white-space: nowrap; contain: inline-size; min-width: 0; }
wx-textarea { display: block; width: 300px; min-height: 150px; white-space: pre-wrap; overflow: hidden; }
wx-canvas { width: 300px; height: 150px; }
wx-canvas[data-pv-option] { width: 100%; height: 100%; }
.pv-placeholder { color: rgba(0, 0, 0, 0.6); }
.pv-icon::before { content: none !important; }
.pv-icon { display: inline-flex; align-items: center; justify-content: center; }
.pv-svg { width: 1em; height: 1em; }
.pv-missing { outline: 1px dashed red; font-size: 10px; color: red; }
* { animation: none !important; transition: none !important; }
.pv-bars { position: relative; z-index: 10; }
.pv-status { height: ${SCREEN.statusBar}px; display: flex; justify-content: space-between; align-items: center; padding: 0 24px; font: 600 15px/1 sans-serif; box-sizing: border-box; }
.pv-nav { height: ${SCREEN.navBar}px; position: relative; display: flex; align-items: center; justify-content: center; }
.pv-back { position: absolute; left: 8px; top: 0; line-height: ${SCREEN.navBar}px; font-size: 32px; }
/* WeChat keeps the title clear of the capsule on both sides and ends a long one with an ellipsis. */
.pv-title { max-width: ${SCREEN.width - 2 * 104}px; font: 600 17px/1.2 "Noto Sans CJK SC", sans-serif; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pv-capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box; border: 1px solid; border-radius: 16px; display: flex; align-items: center; justify-content: center; font: 14px/1 sans-serif; letter-spacing: 2px; }
.pv-fold { position: absolute; left: 0; right: 0; height: 0; border-top: 2px dashed rgba(0, 90, 255, 0.8); z-index: 20; pointer-events: none; }
.pv-fold span { position: absolute; right: 4px; top: -18px; font: 11px/16px sans-serif; color: #fff; background: rgba(0, 90, 255, 0.8); padding: 0 4px; border-radius: 3px; }
.pv-tabbar { height: ${SCREEN.tabBar}px; padding-bottom: ${SCREEN.homeIndicator}px; display: flex; background: #fff; border-top: 1px solid rgba(0, 0, 0, 0.2); }
.pv-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; font: 10px/1.2 sans-serif; }
.pv-tab img { width: 24px; height: 24px; margin-bottom: 2px; }
.pv-home-indicator { height: ${SCREEN.homeIndicator}px; }
.pv-overlays { position: absolute; left: 0; top: 0; width: ${SCREEN.width}px; height: ${SCREEN.height}px; pointer-events: none; z-index: 30; }
.pv-mask { position: absolute; inset: 0; background: rgba(0, 0, 0, 0.6); display: flex; align-items: center; justify-content: center; }
.pv-mask--bottom { align-items: flex-end; }
.pv-modal { width: 300px; background: #fff; border-radius: 12px; overflow: hidden; text-align: center; font-family: "Noto Sans CJK SC", sans-serif; }
.pv-modal__title { padding: 24px 24px 0; font-size: 17px; font-weight: 600; }
.pv-modal__content { padding: 12px 24px 24px; font-size: 16px; color: rgba(0, 0, 0, 0.7); white-space: pre-line; }
.pv-modal__buttons { display: flex; border-top: 1px solid rgba(0, 0, 0, 0.1); }
.pv-modal__btn { flex: 1; line-height: 56px; font-size: 17px; font-weight: 600; }
.pv-modal__btn + .pv-modal__btn { border-left: 1px solid rgba(0, 0, 0, 0.1); }
.pv-modal__btn--ok { color: #576b95; }
.pv-sheet { width: 100%; background: #f7f7f7; border-radius: 12px 12px 0 0; overflow: hidden; }
.pv-sheet__item { background: #fff; line-height: 56px; text-align: center; font-size: 17px; border-bottom: 1px solid rgba(0, 0, 0, 0.08); }
.pv-sheet__cancel { margin-top: 8px; padding-bottom: ${SCREEN.homeIndicator}px; }
.pv-toast-layer { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; }
.pv-toast { max-width: 240px; background: rgba(0, 0, 0, 0.75); color: #fff; border-radius: 8px; padding: 16px 20px; font-size: 16px; text-align: center; }
`;
}
