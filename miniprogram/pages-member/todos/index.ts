/**
 * 要办的事: everything the person should do now, for each role they hold, late things first,
 * grouped by whose work it is. The same one `user.todos` call as 首页's strip and badge; shown
 * afresh each time the page shows, since doing a thing (not seeing it) makes it go.
 */
import { showTodoBadge } from '../../components/todo-list/badge';
import { todoGroups, todoRows, type TodoRow } from '../../components/todo-list/todo-rows';
import { toCallError } from '../../services/cloud';
import { fetchTodos } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    groups: [] as { role: string; title: string; rows: TodoRow[] }[],
    total: 0,
  },

  methods: {
    onShow() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    /** Rows stay on screen while a fresh answer comes; a failure shows only if there were none. */
    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading' });
      try {
        const rows = todoRows((await fetchTodos()).items);
        this.setData({ status: 'ready', groups: todoGroups(rows), total: rows.length });
        showTodoBadge(rows.length);
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onBackHome() {
      void wx.switchTab({ url: '/pages/home/index' });
    },
  },
});
