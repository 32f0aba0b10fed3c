/**
 * 活动详情: what, when, where, materials; the member signs up, cancels, asks leave (请假) with a
 * reason, or scans the secretary's code to check in. Managers go on to the check-in screen.
 */
import { LEAVE_REASONS } from '../../constants/sessions';
import { showCallError, toCallError } from '../../services/cloud';
import {
  askSessionLeave,
  cancelSessionSignUp,
  checkInWithCode,
  fetchSessionDetail,
  signUpForSession,
} from '../../services/sessions';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { confirmAction, tell } from '../../utils/dialogs';
import { checkInMessage, toDetailView, type DetailView } from './view';

type ReasonDataset = { reason: string };
type IndexDataset = { index: number };

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    sessionId: '',
    view: null as DetailView | null,
    busy: false,
    leaveOpen: false,
    leaveReason: '',
    leaveError: '',
    leaveReasons: LEAVE_REASONS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ sessionId: decodeURIComponent(query.id ?? '') });
      void this.load();
    },

    onPullDownRefresh() {
      void this.load(true).then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    async load(quiet = false): Promise<void> {
      if (!this.data.sessionId) {
        this.setData({ status: 'error', errorMessage: '没有找到这个活动', retryable: false });
        return;
      }
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const detail = await fetchSessionDetail(this.data.sessionId);
        this.setData({ status: 'ready', view: toDetailView(detail) });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** Runs one action with the buttons disabled, shows its failure, then shows the session afresh. */
    async act(work: () => Promise<string | null>, failTitle: string): Promise<void> {
      if (this.data.busy) return;
      this.setData({ busy: true });
      try {
        const done = await work();
        await this.load(true);
        if (done) await tell('办好了', done);
      } catch (err) {
        await showCallError(err, failTitle);
        await this.load(true);
      } finally {
        this.setData({ busy: false });
      }
    },

    onSignUp() {
      void this.act(async () => {
        const r = await signUpForSession(this.data.sessionId);
        return r.capacity !== null ? `报名成功。已报名 ${r.seatsTaken} 人，共 ${r.capacity} 个名额。` : '报名成功。';
      }, '没有报上名');
    },

    async onCancelSignUp() {
      if (!(await confirmAction('取消报名', '确定不参加这次活动了吗？名额会让给别人。', '取消报名'))) return;
      void this.act(async () => {
        await cancelSessionSignUp(this.data.sessionId);
        return '已取消报名。';
      }, '没有取消成功');
    },

    onOpenLeave() {
      this.setData({ leaveOpen: true, leaveError: '' });
    },

    onCloseLeave() {
      this.setData({ leaveOpen: false, leaveReason: '', leaveError: '' });
    },

    onPickReason(event: WechatMiniprogram.BaseEvent<Record<string, never>, ReasonDataset>) {
      this.setData({ leaveReason: event.currentTarget.dataset.reason, leaveError: '' });
    },

    onReasonInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ leaveReason: event.detail.value, leaveError: '' });
    },

    onSubmitLeave() {
      const reason = this.data.leaveReason.trim();
      if (reason.length < 2) {
        this.setData({ leaveError: '请写明请假原因（至少两个字），或点上面的常用原因' });
        return;
      }
      void this.act(async () => {
        await askSessionLeave(this.data.sessionId, reason);
        this.setData({ leaveOpen: false, leaveReason: '' });
        return '已请假，书记会看到您的请假原因。';
      }, '请假没有成功');
    },

    /** Opens the camera; a cancelled scan does nothing, anything else goes to the server to judge. */
    onScan() {
      if (this.data.busy) return;
      wx.scanCode({
        onlyFromCamera: true,
        scanType: ['qrCode'],
        success: (res) => {
          void this.act(async () => checkInMessage(await checkInWithCode(res.result)), '签到没有成功');
        },
        fail: (err) => {
          if (!/cancel/i.test(err.errMsg)) {
            void tell('没有扫到', '没能打开摄像头或没有识别出二维码，请再试一次。');
          }
        },
      });
    },

    onManage() {
      void wx.navigateTo({ url: `/pages-sessions/manage/index?id=${encodeURIComponent(this.data.sessionId)}` });
    },

    onCopyLink(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url: string }>) {
      void wx.setClipboardData({ data: event.currentTarget.dataset.url });
    },

    onPreviewImage(event: WechatMiniprogram.BaseEvent<Record<string, never>, IndexDataset>) {
      const images = this.data.view?.images ?? [];
      void wx.previewImage({ urls: images, current: images[event.currentTarget.dataset.index] ?? images[0] ?? '' });
    },
  },
});
