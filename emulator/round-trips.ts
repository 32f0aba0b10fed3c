import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Counts the backend round trips (HTTP requests to `/admin`) made while a piece of code runs,
 * such as one function invocation. The SDK's requests are seen through Node's
 * `http.client.request.start` channel, which fires in the caller's async context, so
 * concurrent invocations are told apart without touching the SDK.
 */
interface Counter {
  /** The invocation being counted, so the emulator can tie requests back to it. */
  invocationId: string | undefined;
  roundTrips: number;
}

const current = new AsyncLocalStorage<Counter>();
let subscribed = false;

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe('http.client.request.start', (message) => {
    const counter = current.getStore();
    if (!counter) return;
    const { request } = message as { request: ClientRequest };
    if (request.path.startsWith('/admin')) counter.roundTrips += 1;
  });
}

/** The id of the invocation running in the current async context, if any. */
export function currentInvocationId(): string | undefined {
  return current.getStore()?.invocationId;
}

/** Run `fn` (as invocation `invocationId`, when given) and report how many backend round trips it made. */
export async function countRoundTrips<T>(
  fn: () => Promise<T>,
  invocationId?: string,
): Promise<{ result: T; roundTrips: number }> {
  subscribe();
  const counter: Counter = { invocationId, roundTrips: 0 };
  const result = await current.run(counter, fn);
  return { result, roundTrips: counter.roundTrips };
}
