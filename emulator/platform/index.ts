import type { PlatformReply } from '../admin';
import { functionsModule } from './functions';
import { wxpayModule } from './wxpay';
import { storageModule } from './storage';
import type { PlatformContext, PlatformModule, PlatformModuleFactory } from './module';

/** Every platform module the local host runs, in the order they are asked. Add new ones here. */
export const PLATFORM_MODULES: PlatformModuleFactory[] = [functionsModule, storageModule, wxpayModule];

export type { PlatformContext, PlatformModule, PlatformModuleFactory };

/** Instantiate the modules and combine them into one `/admin` hook and one router. */
export function createPlatform(ctx: PlatformContext, factories = PLATFORM_MODULES) {
  const modules: PlatformModule[] = factories.map((f) => f(ctx));
  return {
    async handle(...args: Parameters<PlatformModule['handle']>): Promise<PlatformReply | null> {
      for (const m of modules) {
        const reply = await m.handle(...args);
        if (reply) return reply;
      }
      return null;
    },
    async route(...args: Parameters<NonNullable<PlatformModule['route']>>): Promise<boolean> {
      for (const m of modules) if (m.route && (await m.route(...args))) return true;
      return false;
    },
    async close() {
      for (const m of modules) await m.close?.();
    },
  };
}
