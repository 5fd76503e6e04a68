// Debian's Chromium, as the e2e suite (playwright.config.ts) and the UI benchmarks (bench/lib/browser.ts)
// launch it: the system binary (never a downloaded one) with flags for a headless container.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export function chromiumExecutablePath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
