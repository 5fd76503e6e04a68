import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests of the core (plain Node) and shared code. Playwright specs live in e2e/ and are
// never picked up here.
export default defineConfig({
  // The same alias as electron.vite.config.ts and the tsconfigs (renderer code imports '@shared/...').
  resolve: { alias: { '@shared': resolve('shared') } },
  test: {
    // Renderer tests choose their DOM with a docblock: `// @vitest-environment happy-dom`.
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'scripts/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'harness/**/*.test.ts',
    ],
    environment: 'node',
    // Integration tests start real pwsh, build lab sandboxes and run whole delete jobs; on a loaded 2-core
    // machine a setup hook has been seen to take over a minute. A hang still fails, just later.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
