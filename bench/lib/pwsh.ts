// Running the fixture scripts: as the app does (a CommandSpec built by buildLocalCommand, the payload base64 on
// stdin) and, for baselines, the very same spec spawned bare with its output thrown away.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../../electron/core/powershell/command-spec';
import { encodeAgentPayload } from '../../electron/core/powershell/command-spec';
import { buildLocalCommand } from '../../electron/core/powershell/local-command';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The spec the app would build to run bench/fixtures/<script> with this payload. */
export function fixtureSpec(pwsh: string, script: string, payload: Readonly<Record<string, unknown>>): CommandSpec {
  return buildLocalCommand({
    powershellPath: pwsh,
    scriptPath: join(fixturesDir, script),
    payload: encodeAgentPayload(payload),
    baseEnv: process.env,
  });
}

/**
 * Spawns the spec as the runner would (same executable, arguments, environment, stdin payload, process group) but
 * with stdout and stderr on /dev/null (stdio 'ignore'); resolves with the milliseconds from spawn to exit.
 */
export function runDiscarded(spec: CommandSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(spec.executable, [...spec.args], {
      env: spec.env,
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: process.platform !== 'win32',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${spec.args.at(-1)} ended with ${signal ?? `exit code ${code}`}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(spec.stdinPayload, 'utf8');
  });
}
