/**
 * Raw HTTP requests to the local host with Node's http module: the path goes out exactly as
 * written (fetch would normalise `//` and re-encode escapes) and any header can be set, Host and
 * Origin included, as a hostile web page or a DNS-rebound name would send them.
 */
import http from 'node:http';

export interface RawRequest {
  method?: string;
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Send one request to `baseUrl` (e.g. http://127.0.0.1:1234) and read the whole reply. */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, method: req.method ?? 'GET', path: req.path, headers: req.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    request.end(req.body);
  });
}

/** The host still serves: `/healthz` answers 200 `{ ok: true }`. */
export async function healthz(baseUrl: string): Promise<unknown> {
  const res = await rawRequest(baseUrl, { path: '/healthz' });
  return { status: res.status, json: res.json };
}
