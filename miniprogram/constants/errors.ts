/** What to tell the person when a reply carries a code but no usable message. */
import type { ErrorCode } from '../../typings/reply';

/** Every code of the contract, for checking what a reply says (the set is closed). */
export const ERROR_CODES: readonly ErrorCode[] = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'CONFLICT',
  'RESOURCE_EXHAUSTED',
  'UNAVAILABLE',
  'INTERNAL',
];

/** Plain Chinese fallbacks; the server's own message is preferred when it sends one. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录后再试',
  PERMISSION_DENIED: '您没有办理这件事的权限',
  NOT_FOUND: '没有找到相关内容',
  ALREADY_EXISTS: '已经办理过了，不用重复提交',
  FAILED_PRECONDITION: '现在还不能办理这件事',
  CONFLICT: '内容刚被别人改过，请刷新后再试',
  RESOURCE_EXHAUSTED: '操作太频繁，请稍后再试',
  UNAVAILABLE: '网络不畅，请稍后重试',
  INTERNAL: '系统出了点问题，请稍后再试',
};
