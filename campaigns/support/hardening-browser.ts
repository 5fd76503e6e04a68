// The built renderer in Chromium through the browser harness, probed from inside the page: which Node/Electron
// globals exist, and whether the CSP stops requests to another origin (a loopback server counts what reaches it).
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { partialHandlers } from '../../harness/backend';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '../../harness/chromium';
import { startHarness } from '../../harness/start-harness';

// playwright-core's library API, loaded with Node's require as bench/lib/browser.ts does.
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

export interface PageProbe {
  /** typeof each global in the page. */
  readonly globals: Record<string, string>;
  readonly hvapiKeys: string[];
  /** What each attempt to reach the other origin ended in. */
  readonly attempts: Record<string, string>;
  /** CSP violations the page reported (directive names). */
  readonly violations: string[];
  /** Requests the other origin's server received. */
  readonly foreignHits: number;
}

export const PROBED_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'ipcRenderer',
  'global',
  'Buffer',
  'electron',
  '__dirname',
];

/**
 * Runs in the page (plain JavaScript: this file is type-checked without the DOM library). Reads the globals, then
 * tries every way a page has to reach `target`, each ending "reached" or "blocked: <why>".
 */
const IN_PAGE_PROBE = `async ({ names, target }) => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
  const globals = Object.fromEntries(names.map((name) => [name, typeof globalThis[name]]));
  const settle = async (attempt) => {
    try {
      await attempt();
      return 'reached';
    } catch (error) {
      return 'blocked: ' + String(error).slice(0, 120);
    }
  };
  const loads = (element, url) =>
    new Promise((resolve, reject) => {
      element.onload = resolve;
      element.onerror = () => reject(new Error(element.tagName + ' error'));
      element.src = url;
      if (element.tagName === 'SCRIPT') document.head.append(element);
    });
  const attempts = {
    fetch: await settle(() => fetch(target + '/fetch')),
    'fetch no-cors': await settle(() => fetch(target + '/no-cors', { mode: 'no-cors' })),
    XMLHttpRequest: await settle(
      () =>
        new Promise((resolve, reject) => {
          const request = new XMLHttpRequest();
          request.open('GET', target + '/xhr');
          request.onload = resolve;
          request.onerror = () => reject(new Error('xhr error'));
          request.send();
        }),
    ),
    image: await settle(() => loads(new Image(), target + '/image.png')),
    script: await settle(() => loads(document.createElement('script'), target + '/script.js')),
    eval: await settle(async () => (0, eval)('1 + 1')),
    'new Function': await settle(async () => new Function('return 1')()),
    sendBeacon: await settle(async () => {
      if (!navigator.sendBeacon(target + '/beacon', 'x')) throw new Error('sendBeacon refused');
    }),
  };
  // Violation reports are dispatched asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { globals, attempts, violations, hvapiKeys: Object.keys(globalThis.hvapi) };
}`;

async function foreignServer(): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
    response.end('reached');
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

export async function probeHarnessPage(): Promise<PageProbe> {
  const foreign = await foreignServer();
  const harness = await startHarness({
    backend: () => ({ handlers: partialHandlers({}), stop: async () => undefined }),
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] });
    const page = await browser.newPage();
    await page.goto(harness.url);
    await page.waitForFunction('"hvapi" in window');
    const probe = (await page.evaluate(
      `(${IN_PAGE_PROBE})(${JSON.stringify({ names: PROBED_GLOBALS, target: foreign.url })})`,
    )) as Omit<PageProbe, 'foreignHits'>;
    // Anything in flight would have arrived by now.
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    return { ...probe, foreignHits: foreign.hits() };
  } finally {
    await browser?.close();
    await harness.stop();
    await new Promise<void>((resolveClose) => foreign.server.close(() => resolveClose()));
  }
}
