// `npm run harness [-- --port N] [--data-dir DIR] [--renderer-dir DIR] [--pwsh PATH] [--seed-lab] [--fast-lab]`:
// serves the built renderer (run `npm run build` first; default out/renderer) against the real core, prints
// `harness: http://127.0.0.1:PORT/` when ready, and stops the core cleanly on Ctrl+C / SIGTERM. A parent process
// may choose the per-run secret through the HARNESS_SECRET environment variable (e2e/support/global-setup.ts
// does); it is never printed.
import { parseArgs } from 'node:util';
import { RendererNotBuiltError } from './renderer-files';
import { startHarness } from './start-harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    pwsh: { type: 'string' },
    'seed-lab': { type: 'boolean' },
    'fast-lab': { type: 'boolean' },
    'keep-data': { type: 'boolean' },
  },
  allowPositionals: false,
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`harness: --port must be a port number, not ${values.port}`);
  process.exit(2);
}

try {
  const harness = await startHarness({
    port,
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(values['renderer-dir'] === undefined ? {} : { rendererDir: values['renderer-dir'] }),
    ...(values.pwsh === undefined ? {} : { powershellPath: values.pwsh }),
    seedLab: values['seed-lab'] ?? false,
    fastLab: values['fast-lab'] ?? false,
    keepDataDir: values['keep-data'] ?? false,
    ...(process.env.HARNESS_SECRET ? { secret: process.env.HARNESS_SECRET } : {}),
  });
  console.log(`harness: data folder ${harness.dataDir}`);
  console.log(`harness: ${harness.url}`);
  const shutdown = (signal: string) => {
    console.log(`harness: ${signal}, stopping the core`);
    harness.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('harness: stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof RendererNotBuiltError) {
    console.error(`harness: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
