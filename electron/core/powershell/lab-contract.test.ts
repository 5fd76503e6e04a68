import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pwshPath, repoRoot } from './__fixtures__/paths';
import { encodeAgentPayload, POWERSHELL_FILE_ARGS, powershellEnvironment } from './command-spec';
import { buildLabCommand } from './local-command';
import { PowerShellError } from './powershell-error';
import { PowerShellRunner } from './powershell-runner';
import type { OutputLine } from './script-run';

// The event schemas against the real agent bundle on the lab host: every '##hvagent ' line the entry scripts
// print must parse as an event (a diagnostic here means the agent and the control plane disagree on the
// protocol), and the runner must report the agent's own failures with the agent's message.

const agentDir = resolve(repoRoot, 'powershell', 'agent');
const simulatorModules = resolve(repoRoot, 'powershell', 'simulator', 'modules');
let sandbox = '';

beforeAll(async () => {
  sandbox = join(mkdtempSync(join(tmpdir(), 'hvagent-contract-')), 'lab');
  await new PowerShellRunner().run({
    transport: 'local',
    executable: pwshPath,
    args: [
      ...POWERSHELL_FILE_ARGS,
      resolve(repoRoot, 'powershell', 'simulator', 'New-LabHost.ps1'),
      '-SandboxPath',
      sandbox,
      '-MaxFileSizeBytes',
      '4096',
    ],
    env: powershellEnvironment(process.env, { PSModulePath: simulatorModules }),
    stdinPayload: '',
  });
});

afterAll(() => {
  if (sandbox === '') return;
  const root = resolve(sandbox, '..');
  // The simulator holds file locks with the immutable attribute (chattr +i): lift them before removing.
  try {
    execFileSync('chattr', ['-R', '-f', '-i', '--', root], { stdio: 'ignore' });
  } catch {
    // chattr missing or nothing locked.
  }
  rmSync(root, { recursive: true, force: true });
});

async function runAgent(script: string, payload: Record<string, unknown>) {
  const lines: OutputLine[] = [];
  const spec = buildLabCommand({
    powershellPath: pwshPath,
    scriptPath: resolve(agentDir, script),
    payload: encodeAgentPayload(payload),
    baseEnv: process.env,
    simulatorModulesPath: simulatorModules,
    sandboxPath: sandbox,
  });
  const outcome = await new PowerShellRunner().run(spec, { onLine: (line) => lines.push(line) }).then(
    (result) => ({ result, error: null }),
    (error: unknown) => ({ result: null, error }),
  );
  const markedLines = lines.filter((line) => line.text.startsWith('##hvagent '));
  const diagnostics = lines.flatMap((line) =>
    line.kind === 'log' && line.diagnostic ? [`${line.diagnostic.message} in ${line.text.slice(0, 200)}`] : [],
  );
  const events = lines.flatMap((line) => (line.kind === 'event' ? [line.event] : []));
  return { ...outcome, markedLines, diagnostics, events };
}

const common = { requested_by: 'tester', control_plane: 'WS01' };

describe('agent events on the lab host', () => {
  it('a plan-only delete: every event line is a valid event, in protocol order', async () => {
    const run = await runAgent('Invoke-DeleteVmJob.ps1', {
      ...common,
      job_id: 'j-plan-1',
      vm_id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12',
      vm_name: 'db01',
      mode: 'plan',
    });
    expect(run.diagnostics).toEqual([]);
    expect(run.error).toBeNull();
    expect(run.events.length).toBe(run.markedLines.length);
    expect(run.events.map((event) => event.type)).toContain('plan');
    expect(run.events.at(-1)).toMatchObject({ type: 'result', status: 'succeeded', job_id: 'j-plan-1' });
  });

  it('a refused delete (running VM without force) fails with the agent message', async () => {
    const run = await runAgent('Invoke-DeleteVmJob.ps1', {
      ...common,
      job_id: 'j-plan-2',
      vm_id: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01',
      vm_name: 'web01',
      mode: 'execute',
      force: false,
    });
    expect(run.diagnostics).toEqual([]);
    expect(run.error).toBeInstanceOf(PowerShellError);
    const error = run.error as PowerShellError;
    expect(error.code).toBe('script_failed');
    expect(error.exitCode).toBe(1);
    expect(error.result?.status).toBe('failed');
    expect(error.message).toBe(error.result?.error?.message);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('an invalid payload: exit code 2, result event with invalid_payload', async () => {
    const run = await runAgent('Invoke-DeleteVmJob.ps1', { ...common, job_id: 'j-bad' });
    expect(run.diagnostics).toEqual([]);
    const error = run.error as PowerShellError;
    expect(error.code).toBe('script_failed');
    expect(error.exitCode).toBe(2);
    expect(error.result?.error?.code).toBe('invalid_payload');
  });

  it('the inventory: one result event with the whole host, on one long line', async () => {
    const run = await runAgent('Get-HostInventory.ps1', { ...common, job_id: 'j-inv' });
    expect(run.diagnostics).toEqual([]);
    expect(run.error).toBeNull();
    const result = run.events.find((event) => event.type === 'result');
    expect(result).toMatchObject({ type: 'result', status: 'succeeded' });
    expect(JSON.stringify(result?.inventory ?? null).length).toBeGreaterThan(1000);
  });
});
