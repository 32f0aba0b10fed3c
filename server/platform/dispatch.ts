import type { z } from 'zod';
import type { ActionInput, ActionName, ActionOutput, Api, FunctionName } from '../../typings/api';
import type { Reply } from '../../typings/reply';
import { readCallerIdentity, type CallerIdentity } from './caller';
import { readInvocationContext } from './cloudbase';
import { AppError, INTERNAL_MESSAGE } from './errors';
import { parseInput } from './validation';

/** What every handler gets besides its input. */
export interface HandlerContext {
  caller: CallerIdentity;
  /** The platform's invocation context, for the rare handler that needs more than the caller. */
  raw: unknown;
}

/** One action: its input schema (checked before anything else) and what it does. */
export interface ActionHandler<I, O> {
  input: z.ZodType<I>;
  /** Actions that the platform calls without a WeChat user (timers, pay callbacks) say so. */
  anonymous?: boolean;
  run(input: I, ctx: HandlerContext): Promise<O>;
}

export type FunctionHandlers<F extends FunctionName> = {
  [A in ActionName<F>]: ActionHandler<ActionInput<F, A>, ActionOutput<F, A>>;
};

type MainFn = (event: unknown, context: unknown) => Promise<Reply<unknown>>;

const ANONYMOUS: CallerIdentity = { openid: '', appid: null };

/** A timer trigger's event, as CloudBase delivers it (`Type: 'Timer'`, the trigger's name, the time). */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface FunctionOptions {
  /** Run by the function's timer triggers (cloudbaserc.json); only the platform can send this event. */
  onTimer?: (event: TimerEvent, context: unknown) => Promise<unknown>;
}

const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

/**
 * Build a function's `main(event, context)`: it maps `event.action` to a handler, validates
 * the input, and never lets an exception escape as a platform error.
 */
export function defineFunction<F extends FunctionName>(
  name: F,
  handlers: FunctionHandlers<F>,
  options: FunctionOptions = {},
): MainFn {
  const table = handlers as unknown as Record<string, ActionHandler<unknown, unknown>>;
  return async function main(event, context) {
    const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    try {
      // A timer event comes from the platform, never from a WeChat user (they carry an openid).
      if (isTimerEvent(event) && options.onTimer && !readInvocationContext(context).WX_OPENID) {
        return { ok: true, data: await options.onTimer(event, context) };
      }
      const handler = typeof action === 'string' && Object.hasOwn(table, action) ? table[action] : undefined;
      if (!handler) {
        throw new AppError('INVALID_ARGUMENT', `不支持的操作：${String(action ?? '（未指定）')}`, 'action');
      }
      const caller = handler.anonymous ? safeCaller(context) : readCallerIdentity(context);
      const { action: _omit, ...rest } = event as Record<string, unknown>;
      const input = parseInput(handler.input, rest);
      const data = await handler.run(input, { caller, raw: context });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toReplyError() };
      console.error(`[${name}.${String(action)}] unexpected error`, err);
      return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    }
  };
}

function safeCaller(context: unknown): CallerIdentity {
  try {
    return readCallerIdentity(context);
  } catch {
    return ANONYMOUS;
  }
}

/** The type a handler map must satisfy, for handlers declared in their own modules. */
export type Handler<F extends FunctionName, A extends ActionName<F>> = ActionHandler<
  ActionInput<F, A>,
  ActionOutput<F, A>
>;

export type { Api };
