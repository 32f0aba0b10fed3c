/**
 * A scene is one picture of one page: who is looking, which page with which query, where the
 * data comes from, and optionally one thing the person does before the picture is taken.
 * Scenes are data (preview/scenes.ts); the renderer (preview/render) and the gallery read them.
 */

/** A canned answer for one `function.action`, in place of the local host's. */
export type CannedReply =
  /** The reply envelope the function would send. */
  | { reply: unknown }
  /** Never answered: the page stays in its loading state. */
  | { hold: true }
  /** The network fails (wx.request's fail callback). */
  | { networkFailure: true };

/** Something the person does before the picture: a tap or typing into a field. */
export type SceneAction =
  /** Taps the element matched by `selector` (inside it, `inner` for a TDesign component). */
  | { tap: string; inner?: string }
  /** Types `text` into the t-input (or native input) matched by `selector`. */
  | { type: string; into: string };

export interface Scene {
  /** Unique, file-name safe: `<area>-<page>-<state>`. */
  id: string;
  /** Page path under miniprogram/, without extension. */
  page: string;
  /** What the picture shows, in a few Chinese words (the gallery's caption). */
  state: string;
  /**
   * Who is calling the local host: a demo openid (emulator/seed/demo-people.ts) or
   * `preview-visitor` for someone who has not registered.
   */
  as: string;
  /** The page's onLoad query; `{sessionId}`, `{pendingId}`… name ids the preview host made (preview/fixtures.ts). */
  query?: Record<string, string>;
  /** Canned replies by `function.action` (e.g. `user.whoami`); everything else goes to the host. */
  replies?: Record<string, CannedReply>;
  /** wx storage before the page loads (drafts, chosen identity). */
  storage?: Record<string, unknown>;
  /** Done in order after the page has settled; the picture is taken after the last one settles. */
  actions?: SceneAction[];
  /** The label of the page's main action: the layout check reports it when it is below the first screen. */
  mainAction?: string;
}

/** The root font sizes pictured: WeChat's standard and its largest setting (1.5×). */
export const FONT_SCALES = [
  { id: 'standard', label: '标准字号', rootPx: 16 },
  { id: 'largest', label: '最大字号', rootPx: 24 },
] as const;

/** The fixed instant every preview runs at (Asia/Shanghai), so two runs give the same pictures. */
export const PREVIEW_NOW = '2026-12-04T10:00:00+08:00';

/** The openid of a person who has never registered. */
export const VISITOR = 'preview-visitor';

/** What the renderer wrote for one scene (`.preview/scenes.json`), read by the gallery. */
export interface RenderedScene {
  id: string;
  page: string;
  state: string;
  as: string;
  title: string;
  calls: string[];
  /** The first screen's lower edge in page px. */
  foldY: number;
  mainAction?: string;
  error?: string;
}

/** An iPhone X-class screen in CSS px, the size WeChat's own previews use. */
export const SCREEN = { width: 375, height: 812, statusBar: 44, navBar: 44, tabBar: 49, homeIndicator: 34 };
