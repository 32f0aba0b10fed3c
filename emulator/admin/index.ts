/** The `/admin` endpoint of the local CloudBase: database actions plus a platform hook for the rest. */
export {
  createAdminListener,
  type AdminListener,
  type AdminListenerOptions,
  type DatabaseEndpoint,
  type PlatformHook,
  type PlatformReply,
} from './listener';
export { invocationOfRequest, trackInvocationOrigins } from './invocation-origin';
