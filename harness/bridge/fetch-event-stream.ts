// The bridge's event stream: the harness's text/event-stream read with fetch() instead of EventSource, with the
// EventSource behaviour the bridge relies on (onopen, onerror, a reconnect after a drop, none after a refusal).
// Why not EventSource: with a debugger attached (Playwright drives every page through the DevTools protocol and
// enables its Network domain), Chromium copies every EventSource message, whole, into a DevTools event; a
// 4 MB inventory batch then costs the browser and the test runner tens of milliseconds of CPU that Electron's IPC
// never pays, inside the very interval the UI benchmarks measure. A fetch body is reported by its length only.
// Written against small structural types (no DOM library here) so it runs, and is tested, under Node too.
import type { EventStreamLike } from './harness-api';

/** The part of a fetch Response body reader the stream uses. */
export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(): Promise<void>;
}

export interface StreamResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly body: { getReader(): ByteReader } | null;
}

export interface FetchEventStreamOptions {
  fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<StreamResponseLike>;
  /** Called as each complete `data:` frame has arrived, before any work on it (the benchmarks' arrival stamp). */
  onFrameArrived?: () => void;
  /** Delay before reconnecting after a drop, until the server sends its own `retry:` (EventSource's default). */
  retryMs?: number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
}

/** Splits decoded text into SSE frames (separated by a blank line) without rescanning what came before: a
 *  4 MB frame arriving in dozens of chunks is scanned once. A frame is handed on as its pieces, unjoined, so the
 *  arrival can be stamped before any work on it. */
export class FrameSplitter {
  private parts: string[] = [];
  private endsWithNewline = false;

  constructor(private readonly onFrame: (pieces: readonly string[]) => void) {}

  push(text: string): void {
    // Nothing decoded yet (a chunk that ended inside a multi-byte character): keep the state as it is.
    if (text === '') return;
    let start = 0;
    if (this.endsWithNewline && text.startsWith('\n')) {
      // The blank line straddles two chunks: the frame ends before the previous chunk's last newline.
      const last = this.parts.pop() ?? '';
      this.emit(last.slice(0, -1));
      start = 1;
    }
    let end = text.indexOf('\n\n', start);
    while (end !== -1) {
      this.emit(text.slice(start, end));
      start = end + 2;
      end = text.indexOf('\n\n', start);
    }
    const rest = start === 0 ? text : text.slice(start);
    if (rest !== '') this.parts.push(rest);
    this.endsWithNewline = rest !== '' && rest.endsWith('\n');
  }

  private emit(last: string): void {
    const pieces = this.parts;
    if (last !== '') pieces.push(last);
    this.parts = [];
    this.endsWithNewline = false;
    this.onFrame(pieces);
  }
}

/** The fields of one SSE frame the harness sends: `data:` lines (joined) and `retry:`. */
export function parseFrame(frame: string): { data: string | null; retryMs: number | null } {
  const data: string[] = [];
  let retryMs: number | null = null;
  let from = 0;
  while (from <= frame.length) {
    const newline = frame.indexOf('\n', from);
    const line = frame.slice(from, newline === -1 ? frame.length : newline);
    from = newline === -1 ? frame.length + 1 : newline + 1;
    if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    else if (line.startsWith('retry:') && /^\d+$/.test(line.slice(6).trim())) retryMs = Number(line.slice(6).trim());
  }
  return { data: data.length === 0 ? null : data.join('\n'), retryMs };
}

export function openFetchEventStream(url: string, options: FetchEventStreamOptions): EventStreamLike {
  const schedule = options.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  let retryMs = options.retryMs ?? 3000;
  let closed = false;
  let controller: AbortController | null = null;

  const stream: EventStreamLike = {
    onmessage: null,
    onopen: null,
    onerror: null,
    close: () => {
      closed = true;
      controller?.abort();
    },
  };

  const onFrame = (pieces: readonly string[]) => {
    if (closed) return;
    // The server writes a batch as one `data:` line: stamp its arrival first, then assemble and parse it.
    if (pieces[0]?.startsWith('data:')) options.onFrameArrived?.();
    const parsed = parseFrame(pieces.length === 1 ? (pieces[0] ?? '') : pieces.join(''));
    if (parsed.retryMs !== null) retryMs = parsed.retryMs;
    if (parsed.data !== null) stream.onmessage?.({ data: parsed.data });
  };

  const connect = async () => {
    controller = new AbortController();
    let refused = false;
    try {
      const response = await options.fetch(url, {
        signal: controller.signal,
        headers: { accept: 'text/event-stream' },
      });
      if (!response.ok || response.body === null) {
        // Like EventSource: a refusal (a wrong secret, too many pages) is final.
        refused = true;
        if (!closed) stream.onerror?.();
        return;
      }
      if (closed) return;
      stream.onopen?.();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const splitter = new FrameSplitter(onFrame);
      for (;;) {
        const { done, value } = await reader.read();
        if (done || closed) break;
        if (value) splitter.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // The connection failed or dropped (or close() aborted it): handled below.
    }
    if (closed || refused) return;
    stream.onerror?.();
    schedule(() => {
      if (!closed) void connect();
    }, retryMs);
  };

  void connect();
  return stream;
}
