/** The app shell: connects to CloudBase when configured for the cloud (config/backend.ts). */
import { backend } from './config/backend';

App({
  onLaunch() {
    if (backend.mode === 'cloud') {
      wx.cloud.init({ env: backend.envId, traceUser: true });
    }
  },
});
