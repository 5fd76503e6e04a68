// The UI benchmarks' browser: the built renderer through the browser harness (harness/), in Debian's Chromium
// launched by Playwright. A case starts one with a fake backend (harness/fake-fleet.ts) so it decides when data
// arrives and how much, then measures inside the page (timestamps from performance.now(), never Node's clock:
// the page's own frames are what the admin sees).
import { createRequire } from 'node:module';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { EVENT_BATCH_MARK } from '../../harness/bridge/arrival-mark';
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

// playwright-core (installed with @playwright/test, same version) is the library API; @playwright/test itself
// only loads inside its test runner. Loaded with Node's own require: jiti's interop breaks its bundle.
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

/** The page's globals the measurements use (this file is type-checked without the DOM library). */
interface InPage {
  document: { querySelectorAll(selector: string): { length: number } };
  requestAnimationFrame(callback: (now: number) => void): number;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(value: unknown): void } };
}

/** Starts the harness (the fake backend of `options.backend`, or the real core) and opens its page. */
export async function openHarnessBrowser(options: StartHarnessOptions = {}): Promise<HarnessBrowser> {
  const harness = await startHarness(options);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
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
 * Milliseconds from the last event batch's arrival in the page (the bridge's `harness:event-batch` mark: its
 * frame complete, before the bridge parses it) to the end of the first frame that shows `selector` matching at
 * least `count` elements: checked in each frame's animation callbacks; when it matches, that frame's style,
 * layout and paint follow those callbacks, and a message posted from there runs once they are done.
 */
export async function msFromLastBatchToRendered(page: Page, selector: string, count = 1): Promise<number> {
  return page.evaluate(
    ({ selector, count, mark }) =>
      new Promise<number>((resolve) => {
        const page = globalThis as unknown as InPage;
        const check = () => {
          if (page.document.querySelectorAll(selector).length < count) {
            page.requestAnimationFrame(check);
            return;
          }
          const afterFrame = new page.MessageChannel();
          afterFrame.port1.onmessage = () => {
            const arrived = performance.getEntriesByName(mark).at(-1)?.startTime ?? 0;
            resolve(performance.now() - arrived);
          };
          afterFrame.port2.postMessage(null);
        };
        page.requestAnimationFrame(check);
      }),
    { selector, count, mark: EVENT_BATCH_MARK },
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
