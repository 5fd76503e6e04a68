// A harness "page" in Node for tests: the real bridge (createHarnessApi) over Node's fetch, with the Origin a
// browser would send, and an EventSource stand-in that reads the SSE stream over http.get.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type ClientRequest, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarnessApi, type EventStreamLike, type HarnessApi } from '../bridge/harness-api';
import type { Harness } from '../start-harness';

/** An EventSource for Node: one connection, `data:` frames to onmessage (no reconnect). */
export function nodeEventStream(url: string, headers: Record<string, string> = {}): EventStreamLike {
  let request: ClientRequest | null = null;
  const stream: EventStreamLike = {
    onmessage: null,
    onopen: null,
    onerror: null,
    close: () => request?.destroy(),
  };
  request = get(url, { headers }, (response) => {
    if (response.statusCode !== 200) {
      response.resume();
      stream.onerror?.();
      return;
    }
    stream.onopen?.();
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice('data: '.length))
          .join('\n');
        if (data !== '') stream.onmessage?.({ data });
        end = buffer.indexOf('\n\n');
      }
    });
  });
  request.on('error', () => stream.onerror?.());
  return stream;
}

/** The bridge as a page of the harness would build it. */
export function openNodePage(harness: Harness, secret = harness.secret): HarnessApi {
  return createHarnessApi({
    origin: harness.origin,
    secret,
    clientId: randomUUID(),
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, origin: harness.origin } }),
    openEventStream: (url) => nodeEventStream(url, { referer: `${harness.origin}/` }),
    version: { app: 'test', electron: '', chrome: '', node: process.versions.node },
  });
}

/** A stand-in for out/renderer: an index.html with one module script, and one asset. */
export function fakeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hv-harness-renderer-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="./app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'app.js'), 'export {};\n');
  return dir;
}

/** A raw POST to a call path with full control over the headers. */
export async function rawCall(
  harness: Harness,
  channel: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${harness.origin}/__harness/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
