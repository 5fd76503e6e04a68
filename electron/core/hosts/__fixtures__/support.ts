import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundleDeployer, LabHostProvider, ResolvedHost } from '../bundle-port';
import type { ConnectionEnvironment } from '../host-connection';

// Paths and small fakes shared by the hosts tests: the repository's pwsh and agent bundle, the fixture bundle, a
// lab sandbox built with the simulator's New-LabHost.ps1, a deployer that "deploys" by naming a folder.

export const fixturesDir = dirname(fileURLToPath(import.meta.url));
export const hostsDir = resolve(fixturesDir, '..');
export const repoRoot = resolve(fixturesDir, '../../../..');
export const pwshPath = resolve(repoRoot, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
export const agentDir = resolve(repoRoot, 'powershell', 'agent');
export const fixtureBundleDir = resolve(fixturesDir, 'bundle');
export const simulatorModules = resolve(repoRoot, 'powershell', 'simulator', 'modules');
export const remoteWrapperPath = resolve(
  repoRoot,
  'electron',
  'core',
  'powershell',
  'scripts',
  'Invoke-RemoteAgentScript.ps1',
);
export const warmLoopPath = resolve(hostsDir, 'scripts', 'Start-WarmSession.ps1');
export const probePath = resolve(hostsDir, 'scripts', 'Test-HostConnection.ps1');

export const DB01 = { vm_id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vm_name: 'db01' };

export function connectionEnv(overrides: Partial<ConnectionEnvironment> = {}): ConnectionEnvironment {
  return { powershellPath: pwshPath, remoteWrapperPath, baseEnv: process.env, ...overrides };
}

export function fakeDeployer(bundleRoot: string): BundleDeployer & { calls: number } {
  const deployer = {
    calls: 0,
    async ensureCurrent(_target: ResolvedHost, signal?: AbortSignal) {
      deployer.calls += 1;
      signal?.throwIfAborted();
      return { bundleRoot, version: 'test' };
    },
  };
  return deployer;
}

export function fixedLab(sandboxPath: string): LabHostProvider {
  return { ensureSandbox: async () => ({ sandboxPath, modulesPath: simulatorModules }) };
}

export const noLab: LabHostProvider = {
  ensureSandbox: async () => {
    throw new Error('no lab in this test');
  },
};

export function resolvedHost(overrides: Partial<ResolvedHost> = {}): ResolvedHost {
  return {
    id: 'h1',
    displayName: 'Host 1',
    address: 'localhost',
    connection: { transport: 'local' },
    secret: null,
    ...overrides,
  };
}

/** Builds the seeded lab host in a new temp folder; returns the sandbox and a cleanup. */
export function buildLabSandbox(): { sandboxPath: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'hosts-lab-'));
  const sandboxPath = join(root, 'lab');
  execFileSync(
    pwshPath,
    [
      '-NoProfile',
      '-NonInteractive',
      '-File',
      resolve(repoRoot, 'powershell', 'simulator', 'New-LabHost.ps1'),
      '-SandboxPath',
      sandboxPath,
      '-MaxFileSizeBytes',
      '4096',
    ],
    { stdio: 'ignore' },
  );
  return {
    sandboxPath,
    cleanup: () => {
      try {
        execFileSync('chattr', ['-R', '-f', '-i', '--', root], { stdio: 'ignore' });
      } catch {
        // chattr missing or nothing locked.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Live processes whose command line mentions `needle` (Linux /proc). */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state === 'Z' || state === 'X') continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  return check();
}
