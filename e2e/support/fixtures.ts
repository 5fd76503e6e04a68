// The e2e suite's `test`: baseURL is the harness's, every page's console errors and uncaught exceptions are
// collected (a spec asserts there were none), and `saveScreen(name)` keeps a named screenshot of the main views
// in test-results/e2e-screens/ (artefacts of the run, light and dark as the spec chooses).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { AppPage } from '../pages/app-page';
import { JobsPage } from '../pages/jobs-page';
import { VmsPage } from '../pages/vms-page';
import { harnessInfo } from './harness-env';

export const SCREENS_DIR = join('test-results', 'e2e-screens');

export interface E2eFixtures {
  /** Console errors and page errors seen so far on the test's page. */
  pageErrors: string[];
  saveScreen: (name: string) => Promise<void>;
  /** Saves `<name>-light` and `<name>-dark` (the app follows prefers-color-scheme), leaving the page light. */
  saveScreens: (name: string) => Promise<void>;
  app: AppPage;
  vms: VmsPage;
  jobs: JobsPage;
}

export const test = base.extend<E2eFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    await use(harnessInfo().url);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  saveScreen: async ({ page }, use) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (name) => {
      await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
    });
  },
  saveScreens: async ({ page, saveScreen }, use) => {
    await use(async (name) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await saveScreen(`${name}-${colorScheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
  vms: async ({ page }, use) => {
    await use(new VmsPage(page));
  },
  jobs: async ({ page }, use) => {
    await use(new JobsPage(page));
  },
});

export { expect } from '@playwright/test';
