// The e2e suite: the built renderer in Debian's Chromium, through the browser harness (harness/) and the real
// core on the lab host. `npm test` builds the renderer before this suite runs; on its own:
//   npm run build && npx playwright test
// Chromium is the system's (/usr/bin/chromium, or CHROMIUM_PATH), never a downloaded one.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutablePath } from './harness/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One harness (one core, one lab host) serves every test: run them one at a time, in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // The lab host runs real PowerShell; a delete job takes seconds, a 2-core machine under load makes it more.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['junit', { outputFile: 'test-results/e2e.junit.xml' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumExecutablePath(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
