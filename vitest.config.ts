import { defineConfig } from 'vitest/config';

// Unit and integration tests of the core (plain Node) and shared code. Playwright specs live in e2e/ and are
// never picked up here.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
