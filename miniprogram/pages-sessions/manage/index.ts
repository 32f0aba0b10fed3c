/**
 * 签到管理: the secretary's phone shows the rotating check-in code, large, with the figures so far.
 * The code changes every 30 seconds: the page fetches the next one when the server says
 * (`refreshAt`, measured on the server's clock), keeps the screen on while it shows, and stops
 * when the page is hidden. Also: the attendance list, editing and cancelling.
 */
import type { AttendanceSummary, SessionDetail } from '../../../typings';
import { isCallError, showCallError, toCallError } from '../../services/cloud';
import { cancelSession, fetchAttendanceSummary, fetchCheckinCode, fetchSessionDetail } from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { formatRange } from '../../pages/sessions/view';
import { confirmAction } from '../../utils/dialogs';
import { askReason } from '../common/dialogs';

/** Fetch a little after the window turns, so the new code is already valid. */
const REFRESH_GRACE_MS = 300;

type CodeState = 'loading' | 'shown' | 'unavailable' | 'error';

interface Figures {
  signedUp: number;
  attended: number;
  leave: number;
  absent: string;
}

const figuresOf = (s: AttendanceSummary): Figures => ({
  signedUp: s.signedUp,
  attended: s.attended,
  leave: s.leave,
  absent: s.absent === null ? '—' : String(s.absent),
});

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    sessionId: '',
    title: '',
    when: '',
    place: '',
    cancelled: false,
    codeState: 'loading' as CodeState,
    codeMessage: '',
    qrImage: '',
    secondsLeft: 0,
    figures: null as Figures | null,
  },

  lifetimes: {
    detached() {
      (this as unknown as { stop(): void }).stop();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ sessionId: decodeURIComponent(query.id ?? '') });
      void this.load();
    },

    /** Coming back (from the attendance list, the phone woken up): the code may be stale. */
    onShow() {
      if (this.data.status === 'ready' && !this.data.cancelled && this.data.codeState !== 'loading') {
        void this.showCode();
      }
    },

    onHide() {
      this.stop();
    },

    onUnload() {
      this.stop();
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const detail: SessionDetail = await fetchSessionDetail(this.data.sessionId);
        this.setData({
          status: 'ready',
          title: detail.title,
          when: formatRange(detail.startAt, detail.endAt),
          place: detail.placeText,
          cancelled: detail.state === 'cancelled',
        });
        if (detail.state === 'cancelled') {
          this.setData({ codeState: 'unavailable', codeMessage: `活动已取消：${detail.cancelReason ?? ''}` });
        } else {
          await this.showCode();
        }
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** Fetch and show the current code and the figures, then schedule the next. Never throws. */
    async showCode(): Promise<void> {
      this.stop();
      try {
        const [code, summary] = await Promise.all([
          fetchCheckinCode(this.data.sessionId),
          fetchAttendanceSummary(this.data.sessionId).catch(() => null),
        ]);
        const wait = Math.max(1000, Date.parse(code.refreshAt) - Date.parse(code.serverTime) + REFRESH_GRACE_MS);
        this.setData({
          codeState: 'shown',
          qrImage: code.qrImage,
          secondsLeft: Math.ceil(wait / 1000),
          ...(summary ? { figures: figuresOf(summary) } : {}),
        });
        void wx.setKeepScreenOn({ keepScreenOn: true });
        const self = this as unknown as Record<string, number | undefined>;
        self.refreshTimer = setTimeout(() => void this.showCode(), wait) as unknown as number;
        self.tickTimer = setInterval(() => {
          if (this.data.secondsLeft > 1) this.setData({ secondsLeft: this.data.secondsLeft - 1 });
        }, 1000) as unknown as number;
      } catch (err) {
        const error = toCallError(err);
        // Not open yet, ended: the server says when in plain words; the button tries again.
        const unavailable = isCallError(err) && error.code === 'FAILED_PRECONDITION';
        this.setData({ codeState: unavailable ? 'unavailable' : 'error', codeMessage: error.message, qrImage: '' });
        void wx.setKeepScreenOn({ keepScreenOn: false });
      }
    },

    stop() {
      const self = this as unknown as Record<string, number | undefined>;
      if (self.refreshTimer !== undefined) clearTimeout(self.refreshTimer);
      if (self.tickTimer !== undefined) clearInterval(self.tickTimer);
      self.refreshTimer = undefined;
      self.tickTimer = undefined;
    },

    onRefreshCode() {
      void this.showCode();
    },

    onRoster() {
      void wx.navigateTo({ url: `/pages-sessions/roster/index?id=${encodeURIComponent(this.data.sessionId)}` });
    },

    onEdit() {
      void wx.navigateTo({ url: `/pages-sessions/publish/index?id=${encodeURIComponent(this.data.sessionId)}` });
    },

    async onCancelSession() {
      const sure = await confirmAction(
        '取消活动',
        '取消后，已报名的党员会在“学习”页看到取消通知。确定取消吗？',
        '取消活动',
      );
      if (!sure) return;
      const reason = await askReason('取消原因', '', '请写明取消原因，党员会看到');
      if (!reason) return;
      try {
        await cancelSession(this.data.sessionId, reason);
        this.stop();
        await this.load();
      } catch (err) {
        await showCallError(err, '没有取消成功');
      }
    },
  },
});
