// The lab host (C11): a simulated Hyper-V host whose sandbox lives in the app's data folder, at <dataDir>/lab/sandbox.
// It is seeded from the simulator's lab scenario on first use and can be reset. A sandbox is always built in a
// fresh sibling folder and renamed into place, so the sandbox path either holds a complete host or nothing; a reset
// swaps the new host in, then removes the old one with the simulator's Remove-SimSandbox (which lifts file locks,
// the immutable attribute, first). Seeding and resets run one at a time; concurrent callers share one seeding.
// The host's C:\ProgramData is <sandbox>/C/ProgramData: the deploy service installs the agent bundle there.

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LabHostProvider } from '../hosts/bundle-port';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { LabFaults } from './lab-faults';
import { type LabPowerShell, labFailure, runLabControl, seedSandbox, simulatorModulesPath } from './lab-powershell';

export interface LabSandbox {
  sandboxPath: string;
  modulesPath: string;
}

export interface LabHostOptions {
  /** The app's data folder; the lab keeps everything under <dataDir>/lab. */
  dataDir: string;
  /** powershell/simulator (development) or <resources>/simulator (packaged). */
  simulatorRoot: string;
  /** Absolute path of lab/scripts/Invoke-LabControl.ps1 as shipped. */
  controlScriptPath: string;
  /** pwsh 7.5 or later: a path or a bare name. */
  powershellPath: string;
  runner?: PowerShellRunner;
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Default: scenarios/lab.json of the simulator. */
  scenarioPath?: string;
  /** Caps every created file (tests that hash whole sandboxes). */
  maxFileSizeBytes?: number;
  timeoutMs?: number;
}

const SEEDING_PREFIX = '.seeding-';
const RETIRED_PREFIX = '.retired-';
const execFileAsync = promisify(execFile);

export class LabHost implements LabHostProvider {
  readonly faults: LabFaults;
  readonly labDir: string;
  readonly sandboxPath: string;
  private readonly pwsh: LabPowerShell;
  private ready: Promise<LabSandbox> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly resetListeners = new Set<() => void>();

  constructor(private readonly options: LabHostOptions) {
    this.labDir = join(options.dataDir, 'lab');
    this.sandboxPath = join(this.labDir, 'sandbox');
    this.pwsh = {
      runner: options.runner ?? new PowerShellRunner(),
      powershellPath: options.powershellPath,
      baseEnv: options.baseEnv ?? process.env,
      simulatorRoot: options.simulatorRoot,
      controlScriptPath: options.controlScriptPath,
      timeoutMs: options.timeoutMs ?? 120_000,
    };
    this.faults = new LabFaults(async (request) => {
      const { sandboxPath } = await this.ensureSandbox();
      try {
        return await runLabControl(this.pwsh, sandboxPath, request);
      } catch (error) {
        throw labFailure(`The lab control action '${String(request.action)}' failed`, error);
      }
    });
  }

  /** The sandbox, seeded first when it does not exist yet. */
  ensureSandbox(): Promise<LabSandbox> {
    this.ready ??= this.track(this.serially(() => this.prepare()));
    return this.ready;
  }

  /** Rebuilds the lab host from its scenario (every VM back as seeded, faults gone). Jobs on the lab must not run. */
  reset(): Promise<LabSandbox> {
    const done = this.serially(async () => {
      await this.seed();
      for (const listener of this.resetListeners) listener();
      return this.sandbox();
    });
    this.ready = this.track(done);
    return done;
  }

  /** Called after every reset (the deploy service forgets the lab's bundle, the inventory re-reads it). */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  private sandbox(): LabSandbox {
    return { sandboxPath: this.sandboxPath, modulesPath: simulatorModulesPath(this.pwsh) };
  }

  /** A failed seeding is not remembered: the next call tries again. */
  private track(promise: Promise<LabSandbox>): Promise<LabSandbox> {
    promise.catch(() => {
      if (this.ready === promise) this.ready = null;
    });
    return promise;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async prepare(): Promise<LabSandbox> {
    await this.removeLeftovers();
    if (!existsSync(join(this.sandboxPath, 'state.json'))) await this.seed();
    return this.sandbox();
  }

  /** Builds a new host beside the sandbox and swaps it in; the previous one (if any) is removed afterwards. */
  private async seed(): Promise<void> {
    await mkdir(this.labDir, { recursive: true });
    const staging = join(this.labDir, `${SEEDING_PREFIX}${randomUUID()}`);
    try {
      await seedSandbox(this.pwsh, staging, {
        ...(this.options.scenarioPath === undefined ? {} : { scenarioPath: this.options.scenarioPath }),
        ...(this.options.maxFileSizeBytes === undefined ? {} : { maxFileSizeBytes: this.options.maxFileSizeBytes }),
      });
    } catch (error) {
      await this.removeSandboxFolder(staging);
      throw labFailure('The lab host could not be seeded', error);
    }
    const retired = join(this.labDir, `${RETIRED_PREFIX}${randomUUID()}`);
    const hadSandbox = existsSync(this.sandboxPath);
    if (hadSandbox) await rename(this.sandboxPath, retired);
    await rename(staging, this.sandboxPath);
    if (hadSandbox) await this.removeSandboxFolder(retired);
  }

  /** Sandboxes of an interrupted seeding or reset. */
  private async removeLeftovers(): Promise<void> {
    const entries = await readdir(this.labDir).catch(() => [] as string[]);
    for (const name of entries) {
      if (name.startsWith(SEEDING_PREFIX) || name.startsWith(RETIRED_PREFIX)) {
        await this.removeSandboxFolder(join(this.labDir, name));
      }
    }
  }

  /**
   * Removes a sandbox with the simulator's Remove-SimSandbox. A half-built one (no state.json yet) is refused
   * there; it is one of our own folders, so its immutable attributes are lifted and it is deleted here instead.
   */
  private async removeSandboxFolder(path: string): Promise<void> {
    if (!existsSync(path)) return;
    try {
      await runLabControl(this.pwsh, path, { action: 'remove_sandbox', path });
    } catch {
      await execFileAsync('chattr', ['-R', '-f', '-i', '--', path]).catch(() => undefined);
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
