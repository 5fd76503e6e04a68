// The bridge never rejects: a refused or failed request comes back as a typed `internal` failure, like any
// other failure the renderer handles as data. And it sends what the server checks: the secret and client id.
import { describe, expect, it } from 'vitest';
import { createHarnessApi, type EventStreamLike, type HarnessApiOptions } from './harness-api';

function stream(): EventStreamLike {
  return { onmessage: null, onopen: null, onerror: null, close: () => undefined };
}

function bridge(fetch: HarnessApiOptions['fetch']) {
  return createHarnessApi({
    origin: 'http://127.0.0.1:1',
    secret: 's3cret',
    clientId: 'client-0001',
    fetch,
    openEventStream: stream,
    version: { app: '1.0.0', electron: '', chrome: '', node: '' },
  }).api;
}

describe('createHarnessApi', () => {
  it('posts the arguments with the secret and client id to the channel path', async () => {
    const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
    const api = bridge(async (url, init) => {
      seen.push({ url, headers: init.headers, body: init.body });
      return { ok: true, status: 200, json: async () => ({ ok: true, value: { hostId: 'lab' } }) };
    });
    await expect(api.hosts.remove({ hostId: 'lab' })).resolves.toEqual({ ok: true, value: { hostId: 'lab' } });
    expect(seen).toEqual([
      {
        url: 'http://127.0.0.1:1/__harness/call/hosts.remove',
        headers: expect.objectContaining({ 'x-harness-secret': 's3cret', 'x-harness-client': 'client-0001' }),
        body: '{"hostId":"lab"}',
      },
    ]);
  });

  it('turns a refused request or a network failure into a typed failure, never a rejection', async () => {
    const refused = bridge(async () => ({ ok: false, status: 403, json: async () => ({}) }));
    const broken = bridge(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(refused.hosts.list()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(broken.hosts.list()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('exposes a frozen object with the version', () => {
    const api = bridge(async () => ({ ok: true, status: 200, json: async () => ({}) }));
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.version.app).toBe('1.0.0');
  });
});
