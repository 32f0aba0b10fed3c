/**
 * 我的: the way to the electronic activity certificate, to 修改联系方式 and 我的支部 (each page says
 * itself when the person is not assigned yet) and, when the app talks to the local host, a switch
 * between the demo people so each role can be tried.
 */
import { backend, type DemoOpenid } from '../../config/backend';
import { DEMO_IDENTITIES } from '../../constants/demo-identities';
import { currentDemoOpenid, switchDemoIdentity } from '../../services/demo-identity';
import { fetchMyMembership } from '../../services/member';
import { membershipCard } from '../home/membership-view';
import { certificateCard } from './certificate-card';

/** One switch button, ready to show. */
interface IdentityOption {
  openid: DemoOpenid;
  label: string;
  current: boolean;
}

function identityOptions(current: DemoOpenid): IdentityOption[] {
  return DEMO_IDENTITIES.map((d) => ({ openid: d.openid, label: d.label, current: d.openid === current }));
}

function labelOf(openid: DemoOpenid): string {
  return DEMO_IDENTITIES.find((d) => d.openid === openid)?.label ?? openid;
}

Component({
  data: {
    localMode: backend.mode === 'local',
    currentLabel: '',
    identities: [] as IdentityOption[],
    cert: certificateCard('unknown'),
  },

  methods: {
    onLoad() {
      this.refresh();
    },

    onShow() {
      this.refresh();
      void this.loadMembership();
    },

    refresh() {
      const current = currentDemoOpenid();
      this.setData({ currentLabel: labelOf(current), identities: identityOptions(current) });
    },

    /** Where the membership stands decides the certificate card; a failure keeps every way open. */
    async loadMembership(): Promise<void> {
      try {
        this.setData({ cert: certificateCard(membershipCard(await fetchMyMembership()).kind) });
      } catch {
        this.setData({ cert: certificateCard('unknown') });
      }
    },

    onCertificateAction() {
      const { action } = this.data.cert;
      if (action) wx.navigateTo({ url: action.url });
    },

    /** Acts as another demo person from now on, then starts again from 首页 as them. */
    onSwitchIdentity(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { openid: DemoOpenid }>,
    ) {
      const { openid } = event.currentTarget.dataset;
      if (openid === currentDemoOpenid()) return;
      switchDemoIdentity(openid);
      this.refresh();
      const title = `已切换为${labelOf(openid)}`;
      wx.reLaunch({
        url: '/pages/home/index',
        success: () => void wx.showToast({ title, icon: 'none', duration: 2000 }),
      });
    },
  },
});
