// Raw HTTP calls to the browser harness, with every header under the caller's control (Host, Origin, Referer,
// the per-run secret), so a campaign can send both what the page sends and what a foreign page or a DNS-rebinding
// attacker would. node:http rather than fetch: fetch will not let a caller set Host.
import { Agent, request } from 'node:http';
import { CALL_PATH, SECRET_HEADER } from '../../harness/protocol';
import type { Harness } from '../../harness/start-harness';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

/** Headers of a call; `null` leaves a header out. */
export interface CallHeaders {
  host?: string | null;
  origin?: string | null;
  referer?: string | null;
  secret?: string | null;
}

// Kept-alive connections, dropped before each phase of calls (freshConnections): after a long synchronous stretch
// (generating payloads) the server may have closed an idle socket that the client has not noticed yet.
let agent = new Agent({ keepAlive: true, maxSockets: 16 });

export function freshConnections(): void {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 16 });
}

export function rawRequest(
  harness: Harness,
  method: 'GET' | 'POST',
  path: string,
  body: string | null,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const call = request(
      // setHost false: the Host header is exactly what the caller put in `headers` (none when it left it out).
      { host: '127.0.0.1', port: harness.port, method, path, headers, agent, setHost: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveAnswer({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(body ?? undefined);
  });
}

/** POST a call as the harness's own page does, with any header replaced or left out. */
export function postCall(
  harness: Harness,
  channel: string,
  body: string,
  overrides: CallHeaders = {},
): Promise<HttpAnswer> {
  const wanted: Required<CallHeaders> = {
    host: `127.0.0.1:${harness.port}`,
    origin: harness.origin,
    referer: harness.url,
    secret: harness.secret,
    ...overrides,
  };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (wanted.host !== null) headers.host = wanted.host;
  if (wanted.origin !== null) headers.origin = wanted.origin;
  if (wanted.referer !== null) headers.referer = wanted.referer;
  if (wanted.secret !== null) headers[SECRET_HEADER] = wanted.secret;
  return rawRequest(harness, 'POST', `${CALL_PATH}${channel}`, body, headers);
}

/** Runs `work` over `items` with at most `width` in flight. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

export function closeHttpAgent(): void {
  agent.destroy();
}
