import { defineFunction } from '../../server/platform/dispatch';
import { z } from 'zod';

// The dispatcher itself, with a handler that breaks: no emulator needed for this property.
const context = { environment: JSON.stringify({ WX_OPENID: 'someone' }) };
const unused = { input: z.object({}), run: async () => ({ items: [] }) };

describe('dispatcher on unexpected errors', () => {
  it('returns INTERNAL with a Chinese message and never the detail', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const main = defineFunction('user', {
      whoami: {
        input: z.object({}),
        run: async () => {
          throw new Error('secret stack detail: connection string xyz');
        },
      },
      todos: unused,
    });
    const reply = await main({ action: 'whoami' }, context);
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
    // The detail is logged for the operator.
    expect(spy).toHaveBeenCalledWith('[user.whoami] unexpected error', expect.any(Error));
    spy.mockRestore();
  });

  it('does not dispatch to inherited properties of the handler table', async () => {
    const main = defineFunction('user', {
      whoami: { input: z.object({}), run: async () => ({}) as never },
      todos: unused,
    });
    const reply = await main({ action: 'constructor' }, context);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
