/**
 * 接受邀请: the person an administrator invited opens the shared card (the code in the link),
 * scans the code, or types it; sees what they are offered and by whom; and accepts while signed
 * in. Someone who has not registered gives their name, so the administrators know who it is.
 */
import { ROLE_LABELS } from '../../constants/roles';
import { showCallError, toCallError } from '../../services/cloud';
import { acceptInvitation, viewInvitation } from '../../services/org-admin';
import { isRetryable } from '../../utils/view-state';
import { invitationCard, type InvitationCard } from '../common/invitation-view';

type Step = 'entry' | 'loading' | 'offer' | 'error' | 'done';

Component({
  data: {
    step: 'entry' as Step,
    errorMessage: '',
    retryable: true,
    code: '',
    typedCode: '',
    card: null as InvitationCard | null,
    yourName: '',
    name: '',
    mayAccept: false,
    refusal: '',
    formError: '',
    busy: false,
    doneText: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const code = query.code ? decodeURIComponent(query.code) : '';
      if (code) void this.open(code);
    },

    /** What the code offers; a bad or unknown code is said on the page, with the way back to typing. */
    async open(code: string): Promise<void> {
      this.setData({ step: 'loading', code, formError: '' });
      try {
        const view = await viewInvitation(code);
        this.setData({
          step: 'offer',
          code: view.invitation.code,
          card: invitationCard(view.invitation),
          yourName: view.yourName ?? '',
          mayAccept: view.mayAccept,
          refusal: view.refusal ?? (view.invitation.state === 'accepted' ? '您已经接受了这个邀请。' : ''),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ step: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onRetry() {
      void this.open(this.data.code);
    },

    onBackToEntry() {
      this.setData({ step: 'entry', code: '', card: null });
    },

    onCodeInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ typedCode: event.detail.value, formError: '' });
    },

    onOpenTyped() {
      const typed = this.data.typedCode.replace(/[\s-]/g, '');
      if (typed.length !== 8) {
        this.setData({ formError: '邀请码是 8 位字母和数字，请核对后再输入' });
        return;
      }
      void this.open(typed);
    },

    async onScan(): Promise<void> {
      try {
        const { result } = await wx.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
        void this.open(result);
      } catch {
        // Closed the scanner: nothing to do.
      }
    },

    onNameInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: event.detail.value, formError: '' });
    },

    async onAccept(): Promise<void> {
      const { busy, code, yourName, card } = this.data;
      if (busy || !card) return;
      const name = this.data.name.trim();
      if (!yourName && name.length < 2) {
        this.setData({ formError: '请填写您的姓名（至少两个字），方便管理员知道是谁接受了邀请' });
        return;
      }
      this.setData({ busy: true });
      try {
        const held = await acceptInvitation(code, yourName ? undefined : name);
        this.setData({ step: 'done', doneText: `您已是“${held.scopeName}”的${ROLE_LABELS[held.role]}。` });
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },

    /** Back to 首页, started again so it shows the new role's work. */
    onGoHome() {
      void wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
