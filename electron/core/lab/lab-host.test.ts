import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import { encodeAgentPayload } from '../powershell/command-spec';
import { buildLabCommand } from '../powershell/local-command';
import { PowerShellError } from '../powershell/powershell-error';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { createTestLab, onLabHost, pwshPath, repoRoot, type TestLab } from './test-support/test-lab';

// The lab host against the real simulator and pwsh: seeded once on first use (also when asked twice at once),
// reset back to its scenario, and faults injected and cleared through the simulator's control cmdlets.

const DB01 = { id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', name: 'db01' };
let current: TestLab | null = null;

function newLab(overrides: Parameters<typeof createTestLab>[0] = {}): TestLab {
  current = createTestLab(overrides);
  return current;
}

afterEach(() => {
  current?.cleanup();
  current = null;
});

async function planDelete(sandboxPath: string, modulesPath: string) {
  const spec = buildLabCommand({
    powershellPath: pwshPath,
    scriptPath: join(repoRoot, 'powershell', 'agent', 'Invoke-DeleteVmJob.ps1'),
    payload: encodeAgentPayload({
      job_id: 'j-lab-plan',
      vm_id: DB01.id,
      vm_name: DB01.name,
      mode: 'plan',
      requested_by: 'tester',
      control_plane: 'WS01',
    }),
    baseEnv: process.env,
    simulatorModulesPath: modulesPath,
    sandboxPath,
  });
  return new PowerShellRunner().run(spec).then(
    (result) => ({ result, error: null }),
    (error: unknown) => ({ result: null, error: error as PowerShellError }),
  );
}

describe('LabHost seeding and reset', () => {
  it('seeds the sandbox on first use, once for two concurrent callers', async () => {
    const { lab, runner, dataDir } = newLab();
    expect(existsSync(lab.sandboxPath)).toBe(false);
    const [first, second] = await Promise.all([lab.ensureSandbox(), lab.ensureSandbox()]);
    expect(first).toEqual(second);
    expect(first.sandboxPath).toBe(join(dataDir, 'lab', 'sandbox'));
    expect(runner.count('New-LabHost.ps1')).toBe(1);
    expect(existsSync(join(first.sandboxPath, 'state.json'))).toBe(true);
    expect(existsSync(join(first.sandboxPath, 'C', 'VMs', 'db01', 'notes.txt'))).toBe(true);
    expect(onLabHost(first.sandboxPath, "(Hyper-V\\Get-VM -Name 'db01').Id.ToString()")).toBe(DB01.id);
    // Only the sandbox is left in the lab folder: the staging folder was renamed into place.
    expect(readdirSync(join(dataDir, 'lab'))).toEqual(['sandbox']);

    // A later call (and a new LabHost on the same data folder, as after a restart) does not seed again.
    await lab.ensureSandbox();
    expect(runner.count('New-LabHost.ps1')).toBe(1);
  });

  it('reuses an existing sandbox after a restart and clears what an interrupted seeding left', async () => {
    const { lab, dataDir } = newLab();
    await lab.ensureSandbox();
    const restartedLab = createTestLab({ dataDir });
    // A half-built sandbox (no state.json): Remove-SimSandbox refuses it, the lab removes its own folder anyway.
    const leftover = join(dataDir, 'lab', '.seeding-crashed');
    mkdirSync(join(leftover, 'C', 'VMs'), { recursive: true });
    writeFileSync(join(leftover, 'C', 'VMs', 'disk.vhdx'), 'x');
    await restartedLab.lab.ensureSandbox();
    expect(restartedLab.runner.count('New-LabHost.ps1')).toBe(0);
    expect(readdirSync(join(dataDir, 'lab'))).toEqual(['sandbox']);
  });

  it('reset restores the scenario: a deleted VM is back, files and faults as seeded', async () => {
    const { lab, dataDir } = newLab();
    const { sandboxPath } = await lab.ensureSandbox();
    onLabHost(sandboxPath, "Hyper-V\\Remove-VM -Name 'db01' -Force");
    onLabHost(
      sandboxPath,
      "Remove-Item -LiteralPath 'C:\\ISO\\ubuntu-22.04.4-live-server-amd64.iso'; Set-SimFault -CommandName Get-VHD -Kind Fail | Out-Null",
    );
    expect(existsSync(join(sandboxPath, 'C', 'ISO', 'ubuntu-22.04.4-live-server-amd64.iso'))).toBe(false);
    expect(onLabHost(sandboxPath, "@(Hyper-V\\Get-VM | Where-Object -Property Name -EQ -Value 'db01').Count")).toBe(
      '0',
    );
    let resets = 0;
    lab.onReset(() => {
      resets += 1;
    });

    // A caller that asks for the sandbox during the reset gets the new one.
    const [reset, during] = await Promise.all([lab.reset(), lab.ensureSandbox()]);
    expect(reset.sandboxPath).toBe(sandboxPath);
    expect(during.sandboxPath).toBe(sandboxPath);
    expect(resets).toBe(1);
    expect(onLabHost(sandboxPath, "(Hyper-V\\Get-VM -Name 'db01').Id.ToString()")).toBe(DB01.id);
    expect(existsSync(join(sandboxPath, 'C', 'ISO', 'ubuntu-22.04.4-live-server-amd64.iso'))).toBe(true);
    expect((await lab.faults.list()).faults).toEqual([]);
    expect(readdirSync(join(dataDir, 'lab'))).toEqual(['sandbox']);
  });

  it('reports a sandbox that cannot be seeded as lab_failed, and tries again on the next call', async () => {
    const { lab, runner } = newLab({ scenarioPath: join(repoRoot, 'no-such-scenario.json') });
    const error = await lab.ensureSandbox().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).error.code).toBe('lab_failed');
    expect((error as AppException).message).toContain('could not be seeded');
    await lab.ensureSandbox().catch(() => undefined);
    expect(runner.count('New-LabHost.ps1')).toBe(2);
    expect(existsSync(lab.sandboxPath)).toBe(false);
  });
});

describe('LabHost faults', () => {
  // One lab for these tests; each leaves no fault behind.
  let shared: TestLab;
  beforeAll(async () => {
    shared = createTestLab();
    await shared.lab.ensureSandbox();
  });
  afterAll(() => shared.cleanup());

  it('inject, list and clear a failing cmdlet: a plan fails with the fault, then works again', async () => {
    const { lab } = shared;
    const { sandboxPath, modulesPath } = await lab.ensureSandbox();

    const fault = await lab.faults.inject({
      commandName: 'Get-VM',
      target: 'db01',
      kind: 'fail',
      message: 'The RPC server is unavailable.',
    });
    expect(fault).toMatchObject({ cmdlet: 'Get-VM', target: 'db01', kind: 'fail', remaining: null });
    expect((await lab.faults.list()).faults.map((listed) => listed.id)).toEqual([fault.id]);

    const failed = await planDelete(sandboxPath, modulesPath);
    expect(failed.error).toBeInstanceOf(PowerShellError);
    expect(failed.error?.result?.error?.message).toContain('The RPC server is unavailable.');

    expect((await lab.faults.clear({ id: fault.id })).faults).toEqual([]);
    const planned = await planDelete(sandboxPath, modulesPath);
    expect(planned.error).toBeNull();
    expect(planned.result?.result?.status).toBe('succeeded');
  });

  it('locks and unlocks a file, and tunes the simulator delays', async () => {
    const { lab } = shared;
    const { sandboxPath } = await lab.ensureSandbox();
    const notes = 'C:\\VMs\\db01\\notes.txt';
    const locked = await lab.faults.lockFile(notes);
    expect(locked.locks).toEqual([expect.objectContaining({ path: notes, reason: 'fault', until: null })]);
    const refused = onLabHost(
      sandboxPath,
      `try { Remove-Item -LiteralPath '${notes}' -ErrorAction Stop; 'deleted' } catch { 'refused' }`,
    );
    expect(refused).toBe('refused');
    expect((await lab.faults.unlockFile(notes)).locks).toEqual([]);
    expect(onLabHost(sandboxPath, `Remove-Item -LiteralPath '${notes}'; Test-Path -LiteralPath '${notes}'`)).toBe(
      'False',
    );

    await lab.faults.setBehaviour({ releaseDelayMs: 10, mergeDelayMs: 20, transitionDelayMs: 30 });
    const behaviour = onLabHost(
      sandboxPath,
      'Import-Module HvSim; (Get-SimState).behaviour | ConvertTo-Json -Compress',
    );
    expect(JSON.parse(behaviour)).toEqual({ releaseDelayMs: 10, mergeDelayMs: 20, transitionDelayMs: 30 });
  });

  it('a hang fault with a count, cleared by command name', async () => {
    const { lab } = shared;
    await lab.faults.inject({ commandName: 'Stop-VM', kind: 'hang', seconds: 30, count: 2 });
    await lab.faults.inject({ commandName: 'Remove-VM', kind: 'fail' });
    const listed = await lab.faults.list();
    expect(listed.faults.map((fault) => [fault.cmdlet, fault.kind, fault.seconds, fault.remaining])).toEqual([
      ['Stop-VM', 'hang', 30, 2],
      ['Remove-VM', 'fail', null, null],
    ]);
    const cleared = await lab.faults.clear({ commandName: 'Stop-VM' });
    expect(cleared.faults.map((fault) => fault.cmdlet)).toEqual(['Remove-VM']);
    expect((await lab.faults.clear()).faults).toEqual([]);
  });
});
