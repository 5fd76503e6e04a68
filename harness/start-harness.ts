// startHarness: the built renderer on 127.0.0.1, its `window.hvapi` bridged over HTTP to a backend in this
// process (the real core by default). Used by `npm run harness` (cli.ts), Playwright's global setup and the
// UI benchmarks. See docs/decisions/0012-browser-harness.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HarnessBackend, HarnessBackendFactory } from './backend';
import { bundleBridge } from './bridge-bundle';
import { createCoreBackend } from './core-backend';
import { EventHub } from './event-hub';
import { injectBridge, loadIndexHtml } from './renderer-files';
import { newSecret } from './security';
import { handleRequest } from './server';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
const DEFAULT_PWSH = join(REPO_ROOT, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');

export interface StartHarnessOptions {
  /** The built renderer (default out/renderer; `npm run build` makes it). */
  rendererDir?: string;
  /** The core's data folder; default a fresh temp folder, removed on stop unless keepDataDir. */
  dataDir?: string;
  keepDataDir?: boolean;
  /** Default 0: any free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Default .tools/pwsh (npm run tools). */
  powershellPath?: string;
  /** Start with the lab host already added (default: a first run, no host). */
  seedLab?: boolean;
  /** Lab hosts with short simulator delays (e2e). */
  fastLab?: boolean;
  /** The per-run secret (64 hex digits); default a fresh random one. A parent process that starts the harness
   *  as a child (Playwright's global setup) chooses it, so it never has to be printed. */
  secret?: string;
  /** Serve calls from this instead of the real core (benchmarks, tests). */
  backend?: HarnessBackendFactory;
}

export interface Harness {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** For Node-side clients (tests, control operations); the page reads it from index.html. */
  readonly secret: string;
  readonly dataDir: string;
  readonly backend: HarnessBackend;
  readonly hub: EventHub;
  /** Closes the streams and the server, then stops the backend (idempotent). */
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Removes a data folder, lifting the simulator's immutable attribute (its simulated file locks) first. */
function removeDataDir(dataDir: string): void {
  try {
    execFileSync('chattr', ['-R', '-f', '-i', '--', dataDir], { stdio: 'ignore' });
  } catch {
    // Nothing locked, or chattr missing.
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export async function startHarness(options: StartHarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (options.secret !== undefined && !/^[0-9a-f]{64}$/.test(options.secret)) {
    throw new Error('The harness secret must be 64 hex digits (32 random bytes).');
  }
  const secret = options.secret ?? newSecret();
  // Fail on a missing build before anything is started.
  const indexHtml = injectBridge(await loadIndexHtml(rendererDir), secret);
  const bridgeJs = await bundleBridge();

  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hv-harness-'));
  const hub = new EventHub();
  let backend: HarnessBackend;
  try {
    backend = options.backend
      ? await options.backend(hub)
      : await createCoreBackend(
          {
            repoRoot: REPO_ROOT,
            dataDir,
            powershellPath: options.powershellPath ?? DEFAULT_PWSH,
            seedLab: options.seedLab ?? false,
            fastLab: options.fastLab ?? false,
          },
          hub,
        );
  } catch (error) {
    if (ownsDataDir && !options.keepDataDir) removeDataDir(dataDir);
    throw error;
  }

  const server = createServer();
  // The origin is known once the port is; requests cannot arrive before listen() resolves.
  let origin = '';
  server.on('request', (request, response) => {
    void handleRequest({ origin, secret, indexHtml, bridgeJs, rendererDir, backend, hub }, request, response);
  });
  const port = await listen(server, options.port ?? 0);
  origin = `http://127.0.0.1:${port}`;

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      hub.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.stop();
      if (ownsDataDir && !options.keepDataDir) removeDataDir(dataDir);
    })();
    return stopped;
  };
  return { url: `${origin}/`, origin, port, secret, dataDir, backend, hub, stop };
}
