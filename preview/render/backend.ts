/**
 * The edge of the world for a scene (runs under jsdom): wx.request goes to the local host as the
 * scene's person, or gets the scene's canned reply; storage is in memory; what a page asks of
 * WeChat itself (a modal, a toast, a title, navigation) is recorded so the picture can show it.
 */
import http from 'node:http';
import type { CannedReply, Scene } from '../scene';

/** What the page asked WeChat to show, drawn over the page in the picture. */
export interface Overlay {
  modal?: { title?: string; content?: string; confirmText?: string; cancelText?: string; showCancel?: boolean };
  toast?: { title: string; icon?: string };
  actionSheet?: { itemList: string[] };
  loading?: { title: string };
}

export interface SceneWorld {
  /** Requests sent and not yet answered (held replies excluded). */
  pending(): number;
  /** Titles set with wx.setNavigationBarTitle, last one wins. */
  title(): string | undefined;
  overlay(): Overlay;
  /** Each `function.action` the page called, in order. */
  calls(): string[];
}

function postToHost(
  hostUrl: string,
  path: string,
  body: unknown,
  openid: string,
): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body ?? {});
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${hostUrl}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'x-wx-openid': openid,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 500, body: JSON.parse(text) as unknown });
          } catch {
            resolve({ status: res.statusCode ?? 500, body: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `function.action` of a call to `/functions/<name>` with `{action}` in the body. */
function callName(url: string, data: unknown): string {
  const fn = /\/functions\/([a-z0-9-]+)/.exec(url)?.[1] ?? url;
  const action = typeof data === 'object' && data !== null ? (data as { action?: unknown }).action : undefined;
  return `${fn}.${typeof action === 'string' ? action : ''}`;
}

/** Installs the scene's wx stubs; call after jest.resetModules and before the page loads. */
export function installWorld(scene: Scene, hostUrl: string): SceneWorld {
  let pending = 0;
  let title: string | undefined;
  const overlay: Overlay = {};
  const calls: string[] = [];
  // The 我的 page's demo switch reads who is calling from storage, as the app would have left it.
  const store = new Map<string, unknown>(Object.entries({ demoOpenid: scene.as, ...scene.storage }));

  const answer = (opts: WechatMiniprogram.RequestOption, status: number, body: unknown) => {
    opts.success?.({ data: body, statusCode: status, header: {}, cookies: [], errMsg: 'request:ok' } as never);
    opts.complete?.({ errMsg: 'request:ok' } as never);
  };
  const fail = (opts: WechatMiniprogram.RequestOption, errMsg: string) => {
    opts.fail?.({ errMsg, errno: 600001 } as never);
    opts.complete?.({ errMsg } as never);
  };

  const request = (opts: WechatMiniprogram.RequestOption) => {
    const name = callName(opts.url, opts.data);
    calls.push(name);
    const canned: CannedReply | undefined = scene.replies?.[name];
    if (canned && 'hold' in canned) return {} as WechatMiniprogram.RequestTask;
    pending++;
    const done = () => {
      pending--;
    };
    setTimeout(() => {
      if (canned && 'reply' in canned) answer(opts, 200, canned.reply);
      else if (canned && 'networkFailure' in canned) fail(opts, 'request:fail timeout');
      else {
        const path = opts.url.replace(/^https?:\/\/[^/]+/, '');
        postToHost(hostUrl, path, opts.data, scene.as).then(
          (res) => answer(opts, res.status, res.body),
          (err: Error) => fail(opts, `request:fail ${err.message}`),
        );
      }
    }, 0);
    // The page's callbacks run synchronously inside answer/fail; count the request done after them.
    const wrap = <K extends 'success' | 'fail'>(key: K) => {
      const original = opts[key] as ((r: unknown) => void) | undefined;
      (opts as unknown as Record<string, unknown>)[key] = (r: unknown) => {
        try {
          original?.(r);
        } finally {
          done();
        }
      };
    };
    wrap('success');
    wrap('fail');
    return {} as WechatMiniprogram.RequestTask;
  };

  const ok = (opts?: { success?: (r: never) => void; complete?: (r: never) => void }, result: object = {}) => {
    opts?.success?.({ errMsg: 'ok', ...result } as never);
    opts?.complete?.({ errMsg: 'ok' } as never);
  };
  const nothing = (opts?: { success?: (r: never) => void; complete?: (r: never) => void }) => ok(opts);

  Object.assign(wx, {
    request,
    getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void store.set(key, value),
    removeStorageSync: (key: string) => void store.delete(key),
    setNavigationBarTitle: (opts: { title: string } & Parameters<typeof ok>[0]) => {
      title = opts.title;
      ok(opts);
    },
    // A modal stays open in the picture: the person has not answered it yet.
    showModal: (opts: Overlay['modal']) => {
      overlay.modal = opts;
    },
    showToast: (opts: { title: string; icon?: string } & Parameters<typeof ok>[0]) => {
      overlay.toast = { title: opts.title, icon: opts.icon };
      ok(opts);
    },
    showLoading: (opts: { title: string } & Parameters<typeof ok>[0]) => {
      overlay.loading = { title: opts.title };
      ok(opts);
    },
    hideLoading: (opts?: Parameters<typeof ok>[0]) => {
      delete overlay.loading;
      ok(opts);
    },
    showActionSheet: (opts: { itemList: string[] }) => {
      overlay.actionSheet = { itemList: opts.itemList };
    },
    navigateTo: nothing,
    redirectTo: nothing,
    switchTab: nothing,
    reLaunch: nothing,
    navigateBack: nothing,
    stopPullDownRefresh: nothing,
    setTabBarBadge: nothing,
    removeTabBarBadge: nothing,
    vibrateShort: nothing,
    setClipboardData: nothing,
    requestSubscribeMessage: nothing,
  });

  return {
    pending: () => pending,
    title: () => title,
    overlay: () => overlay,
    calls: () => calls,
  };
}
