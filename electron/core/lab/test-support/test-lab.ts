import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pwshPath, repoRoot } from '../../powershell/__fixtures__/paths';
import type { CommandSpec } from '../../powershell/command-spec';
import { PowerShellRunner } from '../../powershell/powershell-runner';
import type { RunningScript, RunOptions } from '../../powershell/script-run';
import { LabHost, type LabHostOptions } from '../lab-host';

// A lab host in a temporary data folder, with the repository's simulator and real pwsh, for integration tests.

export const simulatorRoot = resolve(repoRoot, 'powershell', 'simulator');
export const labScriptsDir = resolve(repoRoot, 'electron', 'core', 'lab', 'scripts');
export const controlScriptPath = join(labScriptsDir, 'Invoke-LabControl.ps1');
export const labShimPath = join(labScriptsDir, 'Invoke-LabHostScript.ps1');
export { pwshPath, repoRoot };

/** A runner that remembers every command it started (to count seedings and script runs). */
export class RecordingRunner extends PowerShellRunner {
  readonly specs: CommandSpec[] = [];
  override start(spec: CommandSpec, options: RunOptions = {}): RunningScript {
    this.specs.push(spec);
    return super.start(spec, options);
  }
  /** How many runs had `fragment` in their arguments (a script name). */
  count(fragment: string): number {
    return this.specs.filter((spec) => spec.args.some((arg) => arg.includes(fragment))).length;
  }
}

export interface TestLab {
  dataDir: string;
  lab: LabHost;
  runner: RecordingRunner;
  cleanup(): void;
}

export function createTestLab(overrides: Partial<LabHostOptions> = {}): TestLab {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'hvlab-test-'));
  const runner = new RecordingRunner();
  const lab = new LabHost({
    simulatorRoot,
    controlScriptPath,
    powershellPath: pwshPath,
    runner,
    // Disks are sparse anyway; a cap keeps hashing and copying the sandbox cheap.
    maxFileSizeBytes: 4096,
    ...overrides,
    dataDir,
  });
  return {
    dataDir,
    lab,
    runner,
    cleanup() {
      try {
        execFileSync('chattr', ['-R', '-f', '-i', '--', dataDir], { stdio: 'ignore' });
      } catch {
        // Nothing locked, or chattr missing.
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs PowerShell commands on the lab host (simulator modules, HVSIM_ROOT, drive letters mapped, errors
 * terminating) and returns standard output.
 */
export function onLabHost(sandboxPath: string, command: string): string {
  const modules = join(simulatorRoot, 'modules');
  const script = `$ErrorActionPreference = 'Stop'; Import-Module HvSim; Mount-SimDrive; ${command}`;
  return execFileSync(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      HVSIM_ROOT: sandboxPath,
      PSModulePath: `${modules}${delimiter}${process.env.PSModulePath ?? ''}`,
      NO_COLOR: '1',
    },
  }).trim();
}
