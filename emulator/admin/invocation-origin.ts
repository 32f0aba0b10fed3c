import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** Local port of an SDK connection → the invocation whose request is on it right now. */
const invocationByPort = new Map<number, string>();

/**
 * Lets the emulator attribute `/admin` requests to the function invocation that sent them, when
 * the functions run in the same process as the emulator (the local host). The SDK puts nothing
 * per invocation on the wire, so the client socket's local port is mapped to the invocation when
 * the request starts (`http.client.request.start` fires in the caller's async context), and the
 * server looks it up by the remote port. With this, a `where().update/remove/count` sent from
 * inside a `runTransaction` callback is refused at once instead of surfacing as a conflict.
 *
 * @param currentInvocation returns the id of the invocation running in the current async context
 *   (e.g. from an AsyncLocalStorage the function host sets), or undefined outside one.
 * @returns a function that stops tracking.
 */
export function trackInvocationOrigins(currentInvocation: () => string | undefined): () => void {
  const onStart = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    if (!request.path.startsWith('/admin')) return;
    const id = currentInvocation();
    const onSocket = (socket: Socket): void => {
      const bind = (): void => {
        const port = socket.localPort;
        if (port === undefined) return;
        if (id === undefined) {
          invocationByPort.delete(port);
          return;
        }
        invocationByPort.set(port, id);
        // Forget it once answered, so a later untracked client on the same port is not misattributed.
        request.once('close', () => {
          if (invocationByPort.get(port) === id) invocationByPort.delete(port);
        });
      };
      if (socket.localPort !== undefined) bind();
      else socket.once('connect', bind);
    };
    // The channel fires when the request is finished; a kept-alive socket may already be attached.
    if (request.socket) onSocket(request.socket as Socket);
    else request.once('socket', onSocket);
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  return () => {
    diagnostics.unsubscribe('http.client.request.start', onStart);
    invocationByPort.clear();
  };
}

/** The invocation that sent `req`, if {@link trackInvocationOrigins} is active and knows it. */
export function invocationOfRequest(req: IncomingMessage): string | undefined {
  const port = req.socket.remotePort;
  return port === undefined ? undefined : invocationByPort.get(port);
}
