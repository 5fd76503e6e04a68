// The bridge's fetch-based event stream must behave as the EventSource it replaces: every `data:` frame whole,
// however the bytes are chunked, onopen once connected, a reconnect after a drop (after the server's `retry:`),
// none after a refusal or close(). And the arrival stamp comes before the frame is handed on.
import { describe, expect, it } from 'vitest';
import { type ByteReader, FrameSplitter, openFetchEventStream, parseFrame } from './fetch-event-stream';

const encoder = new TextEncoder();

function framesOf(chunks: readonly string[]): string[] {
  const frames: string[] = [];
  const splitter = new FrameSplitter((pieces) => frames.push(pieces.join('')));
  for (const chunk of chunks) splitter.push(chunk);
  return frames;
}

function reader(chunks: readonly string[]): ByteReader {
  const queue = chunks.map((chunk) => encoder.encode(chunk));
  return {
    read: async () => {
      const value = queue.shift();
      return value === undefined ? { done: true } : { done: false, value };
    },
    cancel: async () => undefined,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('FrameSplitter', () => {
  const text = 'retry: 1000\n\ndata: [1,2]\n\ndata: {"a":"x\\ny"}\n\ndata: [3]\n\n';
  const expected = ['retry: 1000', 'data: [1,2]', 'data: {"a":"x\\ny"}', 'data: [3]'];

  it('finds every frame whatever the chunk boundaries, including between the two newlines', () => {
    for (let first = 0; first <= text.length; first++) {
      for (let second = first; second <= text.length; second += 3) {
        const chunks = [text.slice(0, first), text.slice(first, second), text.slice(second)];
        expect(framesOf(chunks), `split at ${first}/${second}`).toEqual(expected);
      }
    }
  });

  it('keeps an unfinished frame until its blank line arrives', () => {
    expect(framesOf(['data: [1', ',2]\n'])).toEqual([]);
    expect(framesOf(['data: [1', ',2]\n', '\n'])).toEqual(['data: [1,2]']);
  });
});

describe('parseFrame', () => {
  it('joins data lines, with or without the space, and reads retry', () => {
    expect(parseFrame('data: a\ndata:b')).toEqual({ data: 'a\nb', retryMs: null });
    expect(parseFrame('retry: 1000')).toEqual({ data: null, retryMs: 1000 });
    expect(parseFrame(': comment\nretry: soon')).toEqual({ data: null, retryMs: null });
  });
});

describe('openFetchEventStream', () => {
  it('opens, stamps each batch before handing it on, and reconnects after a drop with the server retry', async () => {
    const log: string[] = [];
    const timers: number[] = [];
    let connections = 0;
    const stream = openFetchEventStream('http://127.0.0.1:1/events', {
      fetch: async (url, init) => {
        connections++;
        // A third connection stays pending (the test ends there).
        if (connections > 2) return new Promise(() => undefined);
        log.push(`fetch ${url} ${init.headers.accept}`);
        const chunks = connections === 1 ? ['retry: 250\n\ndata: [1', ']\n\n'] : ['data: [2]\n\n'];
        return { ok: true, status: 200, body: { getReader: () => reader(chunks) } };
      },
      onFrameArrived: () => log.push('arrived'),
      setTimeout: (callback, ms) => {
        timers.push(ms);
        callback();
      },
    });
    stream.onopen = () => log.push('open');
    stream.onerror = () => log.push('error');
    stream.onmessage = ({ data }) => log.push(`message ${String(data)}`);
    await settle();
    stream.close();
    await settle();
    expect(log).toEqual([
      'fetch http://127.0.0.1:1/events text/event-stream',
      'open',
      'arrived',
      'message [1]',
      'error',
      'fetch http://127.0.0.1:1/events text/event-stream',
      'open',
      'arrived',
      'message [2]',
      'error',
    ]);
    expect(timers).toEqual([250, 250]);
  });

  it('gives up after a refusal, as EventSource does', async () => {
    let connections = 0;
    const errors: string[] = [];
    const stream = openFetchEventStream('http://127.0.0.1:1/events', {
      fetch: async () => {
        connections++;
        return { ok: false, status: 401, body: null };
      },
      setTimeout: (callback) => callback(),
    });
    stream.onerror = () => errors.push('error');
    await settle();
    expect(connections).toBe(1);
    expect(errors).toEqual(['error']);
  });

  it('delivers nothing after close()', async () => {
    const messages: unknown[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stream = openFetchEventStream('http://127.0.0.1:1/events', {
      fetch: async () => {
        await gate;
        return { ok: true, status: 200, body: { getReader: () => reader(['data: [1]\n\n']) } };
      },
      setTimeout: () => undefined,
    });
    stream.onmessage = ({ data }) => messages.push(data);
    stream.close();
    release();
    await settle();
    expect(messages).toEqual([]);
  });
});
