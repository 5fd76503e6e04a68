// The UI benchmarks' browser: the built renderer through the browser harness (harness/), in Debian's Chromium
// launched by Playwright. A case starts one with a fake backend (harness/fake-fleet.ts) so it decides when data
// arrives and how much, then measures inside the page (timestamps from performance.now(), never Node's clock:
// the page's own frames are what the admin sees).
import { createRequire } from 'node:module';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '../../harness/chromium';
import { type Harness, type StartHarnessOptions, startHarness } from '../../harness/start-harness';

export interface HarnessBrowser {
  readonly harness: Harness;
  readonly browser: Browser;
  readonly page: Page;
  /** Chrome DevTools Protocol on the page: heap figures (see heapUsedBytes). */
  readonly cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * Before any script of the page runs: stamps `window.__benchBatchAt` (performance.now()) as each event batch
 * arrives, ahead of the bridge's own handler, so "from data arriving to rendered" starts at the right moment.
 */
const STAMP_EVENT_BATCHES = `(() => {
  const Original = window.EventSource;
  window.__benchBatchAt = [];
  window.EventSource = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => window.__benchBatchAt.push(performance.now()));
    }
  };
})();`;

// playwright-core (installed with @playwright/test, same version) is the library API; @playwright/test itself
// only loads inside its test runner. Loaded with Node's own require: jiti's interop breaks its bundle.
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

/** The page's globals the measurements use (this file is type-checked without the DOM library). */
interface InPage {
  document: { querySelectorAll(selector: string): { length: number } };
  requestAnimationFrame(callback: (now: number) => void): number;
  __benchBatchAt: number[];
}

/** Starts the harness (the fake backend of `options.backend`, or the real core) and opens its page. */
export async function openHarnessBrowser(options: StartHarnessOptions = {}): Promise<HarnessBrowser> {
  const harness = await startHarness(options);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: STAMP_EVENT_BATCHES });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(harness.url);
    const opened = browser;
    return {
      harness,
      browser: opened,
      page,
      cdp,
      close: async () => {
        await opened.close();
        await harness.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await harness.stop();
    throw error;
  }
}

/** The page's JS heap after a forced garbage collection, in bytes. */
export async function heapUsedBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Milliseconds from the last event batch's arrival to the first frame after `selector` matches at least `count`
 * elements (the content is in the DOM and a frame has been produced with it).
 */
export async function msFromLastBatchToRendered(page: Page, selector: string, count = 1): Promise<number> {
  return page.evaluate(
    ({ selector, count }) =>
      new Promise<number>((resolve) => {
        const page = globalThis as unknown as InPage;
        const check = () => {
          if (page.document.querySelectorAll(selector).length >= count) {
            page.requestAnimationFrame(() => resolve(performance.now() - (page.__benchBatchAt.at(-1) ?? 0)));
            return;
          }
          page.requestAnimationFrame(check);
        };
        check();
      }),
    { selector, count },
  );
}

/**
 * Frame durations (ms between consecutive requestAnimationFrame callbacks) over `durationMs`, collected in the
 * page while `during` runs in Node (e.g. events being emitted).
 */
export async function frameTimesDuring(page: Page, durationMs: number, during: () => Promise<void>): Promise<number[]> {
  const frames = page.evaluate(
    (durationMs) =>
      new Promise<number[]>((resolve) => {
        const page = globalThis as unknown as InPage;
        const times: number[] = [];
        let last = performance.now();
        const end = last + durationMs;
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (now < end) page.requestAnimationFrame(tick);
          else resolve(times);
        };
        page.requestAnimationFrame(tick);
      }),
    durationMs,
  );
  await during();
  return frames;
}
