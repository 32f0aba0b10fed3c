/**
 * 扫码核验活动证: scan the QR code on a member's electronic activity certificate and say, big and
 * in colour, whether it is valid; with the certificate number, the holder's masked name and branch.
 */
import { toCallError } from '../../services/cloud';
import { verifyCertificate, type CertificateCheck } from '../../services/secretary';

type Phase = 'idle' | 'checking' | 'done' | 'error';

/** The person closed the camera: not a failure worth a message. */
function isCancel(err: unknown): boolean {
  const msg = typeof err === 'object' && err !== null ? String((err as { errMsg?: unknown }).errMsg ?? '') : '';
  return msg.includes('cancel');
}

function scan(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: false,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: reject,
    });
  });
}

Component({
  data: {
    phase: 'idle' as Phase,
    errorMessage: '',
    valid: false,
    reason: '',
    number: '',
    holder: '',
    branchName: '',
  },

  methods: {
    onLoad() {},

    async onScan(): Promise<void> {
      if (this.data.phase === 'checking') return;
      let token: string;
      try {
        token = (await scan()).trim();
      } catch (err) {
        if (!isCancel(err))
          this.setData({ phase: 'error', errorMessage: '没有扫到二维码，请对准活动证上的二维码再试一次。' });
        return;
      }
      if (!token) {
        this.setData({ phase: 'error', errorMessage: '没有扫到二维码，请对准活动证上的二维码再试一次。' });
        return;
      }
      this.setData({ phase: 'checking' });
      try {
        this.show(await verifyCertificate(token));
      } catch (err) {
        this.setData({ phase: 'error', errorMessage: toCallError(err).message });
      }
    },

    show(check: CertificateCheck) {
      this.setData({
        phase: 'done',
        valid: check.valid,
        reason: check.valid ? '' : (check.reason ?? '这张活动证不能使用'),
        number: check.number ?? '',
        holder: check.holderNameMasked ?? '',
        branchName: check.branchName ?? '',
      });
    },
  },
});
