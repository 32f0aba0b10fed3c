import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformReply } from '../admin';
import type { FunctionHost } from '../function-host';

/** What every platform module of the local host may use. */
export interface PlatformContext {
  functions: FunctionHost;
  envId: string;
  /** A folder of this host's own (under the data folder, or a temp folder in memory mode). */
  filesDir: string;
  /** The host's base URL, e.g. http://127.0.0.1:3000 (known once it listens). */
  baseUrl(): string;
}

/**
 * One piece of the platform the local host emulates besides the database: function invocation,
 * storage, WeChat Pay… Each answers the `/admin` actions it knows and may serve HTTP routes of its own.
 */
export interface PlatformModule {
  /** Answer an `/admin` action (JSON body, or raw bytes for multipart), or null when not this module's. */
  handle(action: string, body: Record<string, unknown> | Buffer, req: IncomingMessage): Promise<PlatformReply | null>;
  /** Serve a request outside `/admin` and `/functions`; return false when it is not this module's. */
  route?(req: IncomingMessage, res: ServerResponse, url: URL): boolean | Promise<boolean>;
  close?(): void | Promise<void>;
}

export type PlatformModuleFactory = (ctx: PlatformContext) => PlatformModule;
