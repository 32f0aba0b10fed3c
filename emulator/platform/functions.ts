import type { PlatformModuleFactory } from './module';

/** `functions.invokeFunction`: one function calling another through the SDK (`app.callFunction`). */
export const functionsModule: PlatformModuleFactory = ({ functions }) => ({
  async handle(action, body) {
    if (action !== 'functions.invokeFunction' || Buffer.isBuffer(body)) return null;
    const { function_name: name, request_data: data } = body as { function_name?: string; request_data?: string };
    if (!name || !functions.has(name)) {
      return { status: 200, body: { code: 'FUNCTION_NOT_FOUND', message: `function ${String(name)} not found` } };
    }
    // A call from another function carries no WeChat user.
    const { reply } = await functions.invoke(name, data ? JSON.parse(data) : {});
    return { status: 200, body: { requestId: '', data: { response_data: JSON.stringify(reply) } } };
  },
});
