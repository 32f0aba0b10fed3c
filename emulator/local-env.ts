import { LOCAL_DEV_SENSITIVE_KEY, LOCAL_DEV_TOKEN_KEY } from './dev-keys';

/** Environment the SDK and the functions read, pointed at the local host. */
export interface LocalCloudEnv {
  adminUrl: string;
  envId: string;
  superAdminOpenids: string[];
}

/**
 * Point the unmodified SDK at the local `/admin` endpoint: `TCB_CONTEXT_CNFG` carries the URL,
 * dummy credentials satisfy `init`, and `TENCENTCLOUD=true` skips the metadata probe.
 * Must run before any function bundle is loaded (they init the SDK at module scope).
 */
export function applyLocalCloudEnv(env: LocalCloudEnv): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: env.adminUrl });
  process.env.TENCENTCLOUD_SECRETID ??= 'local-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY ??= 'local-secret-key';
  process.env.TENCENTCLOUD = 'true';
  process.env.TCB_ENV = env.envId;
  process.env.SUPER_ADMIN_OPENIDS = env.superAdminOpenids.join(',');
  // Fixed development keys: local data is demo data; production keys come from cloudbaserc.json.
  process.env.SENSITIVE_DATA_KEY ??= LOCAL_DEV_SENSITIVE_KEY;
  process.env.TOKEN_SIGNING_KEY ??= LOCAL_DEV_TOKEN_KEY;
  // Cloud functions run with TZ=Asia/Shanghai (cloudbaserc.json); so does the local host.
  process.env.TZ = 'Asia/Shanghai';
}
