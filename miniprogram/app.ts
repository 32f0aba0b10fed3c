/** The app shell: connects to CloudBase when configured for the cloud (config/backend.ts). */
import { initCloud } from './services/cloud';

App({
  onLaunch() {
    initCloud();
  },
});
