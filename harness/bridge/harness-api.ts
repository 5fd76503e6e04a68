// The browser harness's `window.hvapi`: the same shape as the preload's (shared/preload-api.ts), built with the
// contract's own buildApi, over HTTP instead of IPC. Calls are POSTs carrying the per-run secret; events arrive
// as batches on one event stream per page load (fetch-event-stream.ts in the page). Written against small structural types rather than the DOM so it
// runs (and is tested) under Node as well as in the page.
import { buildApi, channelOfIpc, type EventEnvelope, type IpcChannel, type Subscribe } from '../../shared/contract/api';
import { appError } from '../../shared/contract/errors';
import { fail, type Result } from '../../shared/contract/result';
import type { HvApi, VersionInfo } from '../../shared/preload-api';
import { CALL_PATH, CLIENT_HEADER, CLIENT_PARAM, EVENTS_PATH, SECRET_HEADER, SECRET_PARAM } from '../protocol';

/** The part of EventSource the bridge uses (the page's stream is fetch-event-stream.ts; Node tests read it over
 *  http.get). */
export interface EventStreamLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  close(): void;
}

/** The part of fetch's Response the bridge uses. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

export interface HarnessApiOptions {
  /** The harness's origin (`http://127.0.0.1:PORT`); calls and the stream go nowhere else. */
  origin: string;
  secret: string;
  /** This page load's id: its event stream and the `app.ready` that opens it belong together. */
  clientId: string;
  fetch: (
    url: string,
    init: { method: 'POST'; headers: Record<string, string>; body: string },
  ) => Promise<ResponseLike>;
  openEventStream: (url: string) => EventStreamLike;
  version: VersionInfo;
}

export interface HarnessApi {
  readonly api: HvApi;
  /** Closes the event stream (tests; a page simply goes away). */
  close(): void;
}

type Listener = (payload: unknown) => void;

function harnessFailure(message: string): Result<never> {
  return fail(appError('internal', `The browser harness could not complete the call: ${message}`));
}

export function createHarnessApi(options: HarnessApiOptions): HarnessApi {
  const listeners = new Map<string, Set<Listener>>();
  const query = `${SECRET_PARAM}=${encodeURIComponent(options.secret)}&${CLIENT_PARAM}=${encodeURIComponent(options.clientId)}`;
  const stream = options.openEventStream(`${options.origin}${EVENTS_PATH}?${query}`);

  // `app.ready` opens this page's gate; it waits until the stream is connected (or has failed) so the first
  // batch has somewhere to go. The server holds frames for a stream that is still connecting anyway.
  let markStreamSettled: () => void = () => undefined;
  const streamSettled = new Promise<void>((resolve) => {
    markStreamSettled = resolve;
  });
  stream.onopen = () => markStreamSettled();
  stream.onerror = () => markStreamSettled();
  stream.onmessage = (message) => {
    if (typeof message.data !== 'string') return;
    let batch: unknown;
    try {
      batch = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!Array.isArray(batch)) return;
    for (const envelope of batch as EventEnvelope[]) {
      for (const listener of listeners.get(envelope.event) ?? []) listener(envelope.payload);
    }
  };

  const invoke = async (ipc: IpcChannel, args: unknown): Promise<unknown> => {
    const channel = channelOfIpc(ipc);
    if (channel === null) return harnessFailure(`unknown channel ${ipc}`);
    if (channel === 'app.ready') await streamSettled;
    try {
      const response = await options.fetch(`${options.origin}${CALL_PATH}${channel}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SECRET_HEADER]: options.secret,
          [CLIENT_HEADER]: options.clientId,
        },
        body: JSON.stringify(args ?? {}),
      });
      if (!response.ok) return harnessFailure(`the harness answered HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      return harnessFailure(error instanceof Error ? error.message : String(error));
    }
  };

  const on: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  };

  const api: HvApi = Object.freeze({ ...buildApi(invoke), on, version: Object.freeze({ ...options.version }) });
  return { api, close: () => stream.close() };
}
