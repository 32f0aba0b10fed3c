import type { ErrorCode, ReplyError } from '../../typings/reply';

/**
 * An expected failure, carried to the caller as `{ ok: false, error }`.
 * Handlers throw it; the dispatcher turns it into a reply. Anything else thrown is a bug
 * and becomes `INTERNAL` with the detail logged, never returned.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toReplyError(): ReplyError {
    return this.field
      ? { code: this.code, message: this.message, field: this.field }
      : { code: this.code, message: this.message };
  }
}

export const invalidArgument = (message: string, field?: string) => new AppError('INVALID_ARGUMENT', message, field);
export const permissionDenied = (message = '您没有权限进行此操作') => new AppError('PERMISSION_DENIED', message);
export const notFound = (message = '要找的记录不存在或已被删除') => new AppError('NOT_FOUND', message);
export const failedPrecondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const alreadyExists = (message: string) => new AppError('ALREADY_EXISTS', message);
export const unauthenticated = (message = '未能识别您的微信身份，请重新进入小程序') =>
  new AppError('UNAUTHENTICATED', message);

/** The message shown when something unexpected broke; the detail goes to the log only. */
export const INTERNAL_MESSAGE = '系统繁忙，请稍后重试';
