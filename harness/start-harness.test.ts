// The harness against the real core (fresh data folder, no host yet: nothing spawns PowerShell): calls through
// the bridge return the contract's envelopes, and a request without the secret or from another origin is
// refused before it reaches the core.

import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessApi } from './bridge/harness-api';
import { SECRET_HEADER } from './protocol';
import { type Harness, startHarness } from './start-harness';
import { fakeRendererDir, openNodePage, rawCall } from './test-support/node-page';

const LAB_DRAFT = { displayName: 'Lab host', address: 'lab.local', connection: { transport: 'lab' } };

let harness: Harness;
let rendererDir: string;
let page: HarnessApi;

beforeAll(async () => {
  rendererDir = fakeRendererDir();
  harness = await startHarness({ rendererDir });
  page = openNodePage(harness);
});

afterAll(async () => {
  page?.close();
  await harness?.stop();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** A GET with headers fetch would not let us set (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: harness.port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('calls through the bridge', () => {
  it('returns the typed envelope of the real core', async () => {
    await expect(page.api.hosts.list()).resolves.toEqual({ ok: true, value: { hosts: [] } });
    const settings = await page.api.settings.get();
    expect(settings.ok && typeof settings.value.inventoryRefreshSeconds).toBe('number');
  });

  it('answers validation_failed for arguments the contract rejects', async () => {
    const result = await page.api.hosts.remove({ hostId: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('validation_failed');
    const raw = await rawCall(
      harness,
      'hosts.list',
      { unexpected: 1 },
      {
        origin: harness.origin,
        [SECRET_HEADER]: harness.secret,
      },
    );
    expect(raw.status).toBe(200);
    expect(await raw.json()).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('answers 404 for a channel the contract does not have', async () => {
    const raw = await rawCall(harness, 'hosts.drop', {}, { origin: harness.origin, [SECRET_HEADER]: harness.secret });
    expect(raw.status).toBe(404);
  });
});

describe('refusals', () => {
  it('refuses a call with a wrong or missing secret, and the core is not touched', async () => {
    const wrong = await rawCall(harness, 'hosts.add', LAB_DRAFT, {
      origin: harness.origin,
      [SECRET_HEADER]: 'f'.repeat(64),
    });
    const missing = await rawCall(harness, 'hosts.add', LAB_DRAFT, { origin: harness.origin });
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    const viaBridge = await openNodePage(harness, 'not-the-secret').api.hosts.add(LAB_DRAFT as never);
    expect(viaBridge.ok).toBe(false);
    await expect(page.api.hosts.list()).resolves.toEqual({ ok: true, value: { hosts: [] } });
  });

  it('refuses a foreign or missing Origin with 403 even with the right secret', async () => {
    const foreign = await rawCall(harness, 'hosts.add', LAB_DRAFT, {
      origin: 'http://evil.example',
      [SECRET_HEADER]: harness.secret,
    });
    const none = await rawCall(harness, 'hosts.add', LAB_DRAFT, { [SECRET_HEADER]: harness.secret });
    const foreignReferer = await rawCall(harness, 'hosts.add', LAB_DRAFT, {
      origin: harness.origin,
      referer: 'http://evil.example/page',
      [SECRET_HEADER]: harness.secret,
    });
    expect([foreign.status, none.status, foreignReferer.status]).toEqual([403, 403, 403]);
    await expect(page.api.hosts.list()).resolves.toEqual({ ok: true, value: { hosts: [] } });
  });

  it('refuses the event stream without the secret and any request for another Host (DNS rebinding)', async () => {
    expect(await rawGet('/__harness/events?client=abcdefgh-1234', {})).toBe(401);
    expect(await rawGet('/__harness/events?client=abcdefgh-1234&secret=wrong', {})).toBe(401);
    expect(await rawGet('/', { host: `evil.example:${harness.port}` })).toBe(403);
    expect(await rawGet('/', { referer: 'http://evil.example/' })).toBe(403);
    expect(await rawGet('/', {})).toBe(200);
  });

  it('serves only files inside the renderer folder', async () => {
    expect(await rawGet('/app.js', {})).toBe(200);
    expect(await rawGet('/..%2f..%2fetc%2fpasswd', {})).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/etc/passwd', {})).toBe(404);
  });
});

describe('test-only control operations', () => {
  const control = (operation: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${harness.origin}/__harness/control/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const trusted = () => ({ origin: harness.origin, [SECRET_HEADER]: harness.secret });

  it('need the secret and the origin like calls, and check the operation and its body', async () => {
    expect((await control('lab.faults.list', {}, { origin: harness.origin })).status).toBe(401);
    expect(
      (await control('lab.faults.list', {}, { origin: 'http://evil.example', [SECRET_HEADER]: harness.secret })).status,
    ).toBe(403);
    expect((await control('lab.explode', {}, trusted())).status).toBe(404);
    expect((await control('lab.faults.inject', { kind: 'melt' }, trusted())).status).toBe(400);
  });
});

describe('the served page', () => {
  it('carries the secret and the bridge script before the app script', async () => {
    const html = await (await fetch(harness.url)).text();
    const meta = html.indexOf(`content="${harness.secret}"`);
    const bridge = html.indexOf('<script src="/__harness/bridge.js">');
    const app = html.indexOf('<script type="module"');
    expect(meta).toBeGreaterThan(-1);
    expect(bridge).toBeGreaterThan(meta);
    expect(app).toBeGreaterThan(bridge);
    const bridgeJs = await (await fetch(`${harness.origin}/__harness/bridge.js`)).text();
    expect(bridgeJs).toContain('hvapi');
    expect(bridgeJs).not.toContain(harness.secret);
  });
});
