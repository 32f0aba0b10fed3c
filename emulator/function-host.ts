import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { countRoundTrips } from './round-trips';

/** The built entry of a function: `exports.main(event, context)`. */
type FunctionModule = { main: (event: unknown, context: unknown) => Promise<unknown> };

export interface Invocation {
  /** The caller's openid as the platform would vouch for it; omitted for platform calls (timers, pay). */
  openid?: string;
  appid?: string;
}

export interface InvocationResult {
  reply: unknown;
  roundTrips: number;
  ms: number;
}

/**
 * Runs the built bundles in `cloudfunctions/<name>/index.js` (the same code that is deployed)
 * in this process, each invocation with its own context, many at once.
 */
export class FunctionHost {
  private readonly modules = new Map<string, FunctionModule>();

  /**
   * @param functionsDir where `<name>/index.js` bundles live (`cloudfunctions/`), or, for tests
   *   that run the TypeScript source, `server/functions` with `<name>.ts` entries.
   */
  constructor(
    private readonly functionsDir: string,
    private readonly envId: string,
  ) {}

  /** True when an entry exists for `name`. */
  has(name: string): boolean {
    return /^[a-z][a-z0-9-]*$/.test(name) && this.entryOf(name) !== null;
  }

  async invoke(name: string, event: unknown, who: Invocation = {}): Promise<InvocationResult> {
    const mod = this.load(name);
    const environment: Record<string, string> = { TCB_ENV: this.envId, SCF_NAMESPACE: this.envId };
    if (who.openid) {
      environment.WX_OPENID = who.openid;
      environment.WX_APPID = who.appid ?? 'wx-local-app';
      environment.WX_UNIONID = '';
    }
    const context = {
      request_id: randomUUID(),
      function_name: name,
      function_version: '$LATEST',
      namespace: this.envId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: 20000,
      environment: JSON.stringify(environment),
    };
    const started = performance.now();
    const { result, roundTrips } = await countRoundTrips(() => mod.main(event, context), context.request_id);
    return { reply: result, roundTrips, ms: performance.now() - started };
  }

  private entryOf(name: string): string | null {
    const candidates = [path.join(this.functionsDir, name, 'index.js'), path.join(this.functionsDir, `${name}.ts`)];
    return candidates.find((f) => existsSync(f)) ?? null;
  }

  private load(name: string): FunctionModule {
    let mod = this.modules.get(name);
    if (!mod) {
      const entry = this.entryOf(name);
      if (!entry) throw new Error(`function ${name} is not built`);
      // Loaded the way the platform does: once per container, then invoked many times.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry is chosen at run time
      mod = require(entry) as FunctionModule;
      this.modules.set(name, mod);
    }
    return mod;
  }
}
