/**
 * 电子活动证: the certificate card and its QR code, shown large for a branch secretary to scan
 * (member.verifyCertificate). A QR token is good for a day: 刷新二维码 asks for a fresh one.
 * Revoked certificates say why they cannot be shown. Written with Component() for page tests.
 */
import type { CertificateState, MyMembership } from '../../../typings';
import {
  CERTIFICATE_STATE_EXPLANATIONS,
  CERTIFICATE_STATE_LABELS,
  CERTIFICATE_STATE_THEMES,
  MEMBER_STATE_LABELS,
} from '../../constants/member';
import { toCallError } from '../../services/cloud';
import { fetchMyMembership } from '../../services/member';
import { clockText, shanghaiParts } from '../../utils/shanghai-time';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { formatDay, showNotice } from '../shared/format';

/** What the page shows once loaded: not registered, no certificate yet, or the certificate. */
type CertificateKind = 'unregistered' | 'none' | 'certificate';

/** The certificate as the template shows it. */
interface CertificateCard {
  holderName: string;
  number: string;
  branchName: string;
  homeOrgName: string;
  issuedOn: string;
  reviewDueOn: string;
  state: CertificateState;
  stateLabel: string;
  stateTheme: string;
  stateText: string;
  qrImage: string;
}

function certificateCard(m: MyMembership): CertificateCard | null {
  const c = m.certificate;
  if (!c) return null;
  return {
    holderName: m.name,
    number: c.number,
    branchName: c.branchName,
    homeOrgName: c.homeOrgName,
    issuedOn: formatDay(c.issuedOn),
    reviewDueOn: formatDay(c.reviewDueOn),
    state: c.state,
    stateLabel: CERTIFICATE_STATE_LABELS[c.state],
    stateTheme: CERTIFICATE_STATE_THEMES[c.state],
    stateText: CERTIFICATE_STATE_EXPLANATIONS[c.state],
    qrImage: c.state === 'revoked' ? '' : c.qrImage,
  };
}

/** HH:mm now, for 「二维码更新于」. */
function clockTime(at: Date): string {
  return clockText(shanghaiParts(at));
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    kind: 'none' as CertificateKind,
    /** Why there is no certificate yet, in plain words. */
    noneText: '',
    cert: null as CertificateCard | null,
    refreshing: false,
    refreshedAt: '',
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      void this.load();
    },

    /** Loads the membership and its certificate; never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        this.show(await fetchMyMembership());
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    show(m: MyMembership | null) {
      if (!m) {
        this.setData({ status: 'ready', kind: 'unregistered', cert: null });
        return;
      }
      const cert = certificateCard(m);
      if (!cert) {
        const state = MEMBER_STATE_LABELS[m.state];
        this.setData({
          status: 'ready',
          kind: 'none',
          cert: null,
          noneText: `编入党支部后，支部会为您发放电子活动证。您现在的情况：${state}。`,
        });
        return;
      }
      this.setData({ status: 'ready', kind: 'certificate', cert, refreshedAt: clockTime(new Date()) });
    },

    /** A fresh QR code (a new token); the card stays on screen while it comes. */
    async onRefresh(): Promise<void> {
      if (this.data.refreshing) return;
      this.setData({ refreshing: true });
      try {
        this.show(await fetchMyMembership());
      } catch (err) {
        await showNotice('没有刷新成功', toCallError(err).message);
      } finally {
        this.setData({ refreshing: false });
      }
    },

    onRegister() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },
  },
});
