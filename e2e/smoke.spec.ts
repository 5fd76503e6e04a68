// Smoke: the built renderer loads in Chromium through the harness, its `window.hvapi` reaches the real core,
// and the harness refuses a page of another origin. The full flows (first run, delete, jobs) live in their own
// specs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';
import { harnessInfo } from './support/harness-env';

const APP_NAME = 'Hyper-V VM Deleter';

/** What a page of the app sees: `window.hvapi`, typed loosely (this file is checked without the DOM lib). */
type PageWithApi = { hvapi?: { hosts: { list(): Promise<unknown> }; version: { app: string } } };

test('the app shell loads with no console errors', async ({ page, pageErrors, saveScreen }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(APP_NAME);
  await expect(page.getByRole('banner')).toContainText(APP_NAME);
  await expect(page.getByRole('navigation', { name: 'Hosts' })).toBeVisible();
  await saveScreen('smoke-shell-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen('smoke-shell-dark');
  expect(pageErrors).toEqual([]);
});

test('window.hvapi reaches the real core, also after a reload', async ({ page, pageErrors }) => {
  await page.goto('/');
  const listHosts = () =>
    page.evaluate(async () => {
      const api = (globalThis as unknown as PageWithApi).hvapi;
      return api ? { version: api.version.app, hosts: await api.hosts.list() } : null;
    });
  const first = await listHosts();
  expect(first?.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(first?.hosts).toMatchObject({ ok: true, value: { hosts: expect.any(Array) } });
  await page.reload();
  expect((await listHosts())?.hosts).toMatchObject({ ok: true });
  // The page cannot replace the API object.
  const replaced = await page.evaluate(() => {
    try {
      (globalThis as unknown as { hvapi: unknown }).hvapi = {};
    } catch {
      // Strict-mode assignment to a read-only property throws; either way it must stay.
    }
    return typeof (globalThis as unknown as PageWithApi).hvapi?.hosts.list === 'function';
  });
  expect(replaced).toBe(true);
  expect(pageErrors).toEqual([]);
});

test.describe('a page of another origin', () => {
  let foreign: Server;
  let foreignUrl = '';

  test.beforeAll(async () => {
    foreign = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>foreign</title><p>not the harness</p>');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => foreign.close(() => resolve()));
  });

  test('is refused even when it knows the secret, and changes nothing', async ({ page, request }) => {
    const { origin, secret } = harnessInfo();
    await page.goto(foreignUrl);
    const outcome = await page.evaluate(
      async ({ origin, secret }) => {
        const draft = JSON.stringify({ displayName: 'Evil', address: 'lab.local', connection: { transport: 'lab' } });
        const attempts: string[] = [];
        // A CORS request with the secret header: its preflight carries the foreign Origin.
        try {
          const response = await fetch(`${origin}/__harness/call/hosts.add`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-harness-secret': secret },
            body: draft,
          });
          attempts.push(`cors: HTTP ${response.status}`);
        } catch {
          attempts.push('cors: refused');
        }
        // A "simple" request, sent without a preflight; its response is opaque to the page.
        try {
          await fetch(`${origin}/__harness/call/hosts.add`, { method: 'POST', mode: 'no-cors', body: draft });
          attempts.push('no-cors: sent');
        } catch {
          attempts.push('no-cors: refused');
        }
        return attempts;
      },
      { origin, secret },
    );
    expect(outcome[0]).toBe('cors: refused');
    // Whatever the browser did with the simple request, the core must not have added a host.
    const hosts = await request.post(`${origin}/__harness/call/hosts.list`, {
      headers: { origin, 'x-harness-secret': secret },
      data: {},
    });
    const body = (await hosts.json()) as { ok: boolean; value: { hosts: { displayName: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.hosts.map((host) => host.displayName)).not.toContain('Evil');
    // And the harness itself says why, for the same request made outside a browser.
    const direct = await request.post(`${origin}/__harness/call/hosts.add`, {
      headers: { origin: new URL(foreignUrl).origin, 'x-harness-secret': secret },
      data: {},
    });
    expect(direct.status()).toBe(403);
  });
});
