import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The campaigns of issue 5 (kill, fault matrix, IPC fuzz, injection, secrets, bundle integrity, hardening): long
// runs against the real core, pwsh, the lab and the harness, each ending with one printed figure. A suite of its
// own in `npm test`, after the unit and integration tests; files run one after another (they share the machine).
export default defineConfig({
  resolve: { alias: { '@shared': resolve('shared') } },
  test: {
    include: ['campaigns/**/*.campaign.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
