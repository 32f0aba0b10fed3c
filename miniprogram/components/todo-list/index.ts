/**
 * A list of to-dos (首页's strip, 要办的事): each row its title, count, sentence and a late mark,
 * opening the page where the thing is done. Properties: `rows` (TodoRow[], from todo-rows.ts).
 */
import type { TodoRow } from './todo-rows';

Component({
  properties: {
    rows: { type: Array, value: [] as TodoRow[] },
  },

  methods: {
    onOpenTodo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      void wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
