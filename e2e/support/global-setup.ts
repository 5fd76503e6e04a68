// Starts one browser harness for the whole run, as a child process (`harness/cli.ts` under jiti, exactly as
// `npm run harness`): the real core on a fresh data folder (a first run: no host yet), lab hosts with short
// simulator delays. This process chooses the secret and the folder, so nothing secret is printed; workers find
// the harness through the environment, which Playwright passes on from the global setup. Needs the built
// renderer (npm run build; `npm test` builds before this suite). The harness serves a copy of out/renderer taken
// here: a rebuild during the run (new asset names) would otherwise leave the pages it serves with 404s.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HARNESS_ENV } from './harness-env';

const BUILT_RENDERER_DIR = join('out', 'renderer');
const READY_LINE = /^harness: (http:\/\/127\.0\.0\.1:\d+\/)$/m;
const START_TIMEOUT_MS = 120_000;

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`The harness did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Lifts the simulator's immutable attribute (simulated file locks) before removing the folder. */
function removeDataDir(dataDir: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve();
    };
    // A missing chattr ('error') is fine: nothing can be locked then.
    spawn('chattr', ['-R', '-f', '-i', '--', dataDir], { stdio: 'ignore' }).once('error', done).once('exit', done);
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const secret = randomBytes(32).toString('hex');
  if (!existsSync(join(BUILT_RENDERER_DIR, 'index.html'))) {
    throw new Error(`The built renderer is missing (${BUILT_RENDERER_DIR}): run \`npm run build\` first.`);
  }
  const rendererDir = mkdtempSync(join(tmpdir(), 'hv-e2e-renderer-'));
  cpSync(BUILT_RENDERER_DIR, rendererDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'hv-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'jiti/register', 'harness/cli.ts', '--data-dir', dataDir, '--renderer-dir', rendererDir, '--fast-lab'],
    { env: { ...process.env, HARNESS_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let url: string;
  try {
    url = await waitForUrl(child);
  } catch (error) {
    await stopChild(child);
    rmSync(rendererDir, { recursive: true, force: true });
    throw error;
  }
  // Keep draining the harness's output so it never blocks on a full pipe; show its errors.
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  process.env[HARNESS_ENV.url] = url;
  process.env[HARNESS_ENV.origin] = new URL(url).origin;
  process.env[HARNESS_ENV.secret] = secret;
  process.env[HARNESS_ENV.dataDir] = dataDir;
  return async () => {
    await stopChild(child);
    await removeDataDir(dataDir);
    rmSync(rendererDir, { recursive: true, force: true });
  };
}
