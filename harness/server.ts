// The harness's HTTP routes: the patched index.html, the bridge script, calls, the event stream, test-only
// control operations, and the rest of the built renderer. Every request first passes the source checks of
// security.ts; calls, the stream and control operations also need the per-run secret.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { dispatchCall } from '../electron/core/app/dispatch-call';
import { type ChannelName, channelNames } from '../shared/contract/api';
import type { HarnessBackend } from './backend';
import type { EventHub } from './event-hub';
import { UnknownControlError } from './lab-control';
import {
  BRIDGE_PATH,
  CALL_PATH,
  CLIENT_HEADER,
  CLIENT_PARAM,
  CONTROL_PATH,
  EVENTS_PATH,
  HARNESS_PREFIX,
  isClientId,
  SECRET_HEADER,
  SECRET_PARAM,
} from './protocol';
import { readRendererFile } from './renderer-files';
import { checkRequestSource, checkSecret, type Refusal } from './security';

/** Large enough for any call of the contract (a batch of 100 delete targets is a few KB). */
const MAX_BODY_BYTES = 1024 * 1024;

export interface HarnessRoutes {
  readonly origin: string;
  readonly secret: string;
  readonly indexHtml: string;
  readonly bridgeJs: string;
  readonly rendererDir: string;
  readonly backend: HarnessBackend;
  readonly hub: EventHub;
}

const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  // The page's own CSP is the <meta> in index.html; framing can only be forbidden by a header.
  'content-security-policy': "frame-ancestors 'none'",
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'content-type': contentType });
  response.end(body);
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  send(response, refusal.status, 'text/plain; charset=utf-8', `harness: ${refusal.reason}\n`);
}

async function readJsonBody(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isChannel(name: string): name is ChannelName {
  return (channelNames as readonly string[]).includes(name);
}

async function handleCall(routes: HarnessRoutes, request: IncomingMessage, response: ServerResponse, name: string) {
  if (!isChannel(name)) return send(response, 404, 'text/plain; charset=utf-8', 'harness: no such channel\n');
  const body = await readJsonBody(request);
  if (!body.ok) return send(response, 400, 'text/plain; charset=utf-8', 'harness: the body is not JSON\n');
  const result = await dispatchCall(routes.backend.handlers, name, body.value);
  // The page has subscribed: its gate opens, as the IPC wrapper opens the window's gate in main.
  if (name === 'app.ready' && result.ok) {
    const clientId = request.headers[CLIENT_HEADER];
    if (!isClientId(clientId) || !routes.hub.ready(clientId)) {
      return send(response, 400, 'text/plain; charset=utf-8', 'harness: app.ready needs a valid client id\n');
    }
  }
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

async function handleControl(routes: HarnessRoutes, request: IncomingMessage, response: ServerResponse, op: string) {
  const { control } = routes.backend;
  if (!control) return send(response, 404, 'text/plain; charset=utf-8', 'harness: this backend has no controls\n');
  const body = await readJsonBody(request);
  if (!body.ok) return send(response, 400, 'text/plain; charset=utf-8', 'harness: the body is not JSON\n');
  try {
    send(
      response,
      200,
      'application/json; charset=utf-8',
      JSON.stringify({ ok: true, value: await control(op, body.value) }),
    );
  } catch (error) {
    if (error instanceof UnknownControlError)
      return send(response, 404, 'text/plain; charset=utf-8', `${error.message}\n`);
    const status = error instanceof z.ZodError ? 400 : 500;
    const message = error instanceof Error ? error.message : String(error);
    send(response, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, message }));
  }
}

function handleEvents(routes: HarnessRoutes, url: URL, response: ServerResponse) {
  const secretRefusal = checkSecret(routes.secret, url.searchParams.get(SECRET_PARAM));
  if (secretRefusal) return refuse(response, secretRefusal);
  const clientId = url.searchParams.get(CLIENT_PARAM);
  if (!isClientId(clientId)) return send(response, 400, 'text/plain; charset=utf-8', 'harness: no client id\n');
  if (!routes.hub.attach(clientId, response)) {
    send(response, 503, 'text/plain; charset=utf-8', 'harness: too many pages are connected\n');
  }
}

async function handleStatic(routes: HarnessRoutes, url: URL, response: ServerResponse) {
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return send(response, 200, 'text/html; charset=utf-8', routes.indexHtml);
  }
  if (url.pathname === BRIDGE_PATH) return send(response, 200, 'text/javascript; charset=utf-8', routes.bridgeJs);
  // Chromium asks every site for one; Electron never does, and the renderer has none.
  if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  if (url.pathname.startsWith(HARNESS_PREFIX)) return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
  const file = await readRendererFile(routes.rendererDir, url.pathname);
  if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
  send(response, 200, file.contentType, file.body);
}

/** Routes one request; never throws (a defect answers 500). */
export async function handleRequest(routes: HarnessRoutes, request: IncomingMessage, response: ServerResponse) {
  try {
    const url = new URL(request.url ?? '/', routes.origin);
    const method = request.method ?? 'GET';
    const isPost = method === 'POST';
    const sourceRefusal = checkRequestSource(request, routes.origin, { requireOrigin: isPost });
    if (sourceRefusal) return refuse(response, sourceRefusal);

    const isCall = url.pathname.startsWith(CALL_PATH);
    const isControl = url.pathname.startsWith(CONTROL_PATH);
    if (isCall || isControl) {
      if (!isPost) return send(response, 405, 'text/plain; charset=utf-8', 'harness: POST only\n');
      const secretRefusal = checkSecret(routes.secret, request.headers[SECRET_HEADER]);
      if (secretRefusal) return refuse(response, secretRefusal);
      return isCall
        ? await handleCall(routes, request, response, url.pathname.slice(CALL_PATH.length))
        : await handleControl(routes, request, response, url.pathname.slice(CONTROL_PATH.length));
    }
    if (method !== 'GET' && method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'GET only\n');
    if (url.pathname === EVENTS_PATH) return handleEvents(routes, url, response);
    return await handleStatic(routes, url, response);
  } catch (error) {
    if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'harness: internal error\n');
    else response.end();
    console.error('harness: request failed:', error);
  }
}
