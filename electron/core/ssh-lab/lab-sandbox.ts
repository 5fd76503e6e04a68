import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { powershellEnvironment } from '../powershell/command-spec';
import { newLabHostScript, pwshPath, simulatorModulesPath } from './lab-paths';

// The "remote" host's disks: a simulator sandbox built from the lab scenario (powershell/simulator/README.md),
// with short simulator delays so a delete through SSH finishes in a few seconds. Paths reach PowerShell through
// environment variables, never through command text.

const runFile = promisify(execFile);

/** The setup script: build the lab host, then shorten the delays (Remove-VM and detach hold files for them). */
const BUILD_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$null = & $env:HVLAB_NEW_LAB_HOST -SandboxPath $env:HVLAB_SANDBOX -MaxFileSizeBytes 4096',
  '$env:HVSIM_ROOT = $env:HVLAB_SANDBOX',
  'Import-Module -Name HvSim',
  'Set-SimBehaviour -ReleaseDelayMs 300 -MergeDelayMs 300 -TransitionDelayMs 300',
].join('\n');

export async function buildLabSandbox(sandboxPath: string): Promise<void> {
  const env = powershellEnvironment(process.env, {
    PSModulePath: simulatorModulesPath,
    HVLAB_NEW_LAB_HOST: newLabHostScript,
    HVLAB_SANDBOX: sandboxPath,
  });
  await runFile(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', BUILD_SCRIPT], { env, timeout: 60_000 });
}

/** Removes a folder holding a sandbox: the simulator's file locks (chattr +i) are lifted first. */
export function removeSandboxFolder(folder: string): void {
  try {
    execFileSync('chattr', ['-R', '-f', '-i', '--', folder], { stdio: 'ignore' });
  } catch {
    // chattr is missing or had nothing to do.
  }
  rmSync(folder, { recursive: true, force: true });
}
