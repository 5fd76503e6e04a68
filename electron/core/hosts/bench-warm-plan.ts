// Benchmark of the delete dialog's preview (issue 3): a plan-only delete of one VM on the lab host, call to plan,
// through the host executor with the host's warm session, against a cold `pwsh -File` run of the same plan (the
// baseline, measured in the same run). Target: warm at most 0.5 x cold. Rounds alternate cold and warm, so a
// machine busy with something else slows both alike; the figures are medians.
// Run: node --import jiti/register electron/core/hosts/bench-warm-plan.ts   (the lead wires it into `npm run bench`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeAgentPayload } from '../powershell/command-spec';
import { buildLabCommand } from '../powershell/local-command';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { AgentHostExecutor } from './host-executor';
import { WarmSessionPool } from './warm-session-pool';

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
}

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const pwsh = resolve(repoRoot, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
const agentDir = resolve(repoRoot, 'powershell', 'agent');
const modulesPath = resolve(repoRoot, 'powershell', 'simulator', 'modules');
const payload = {
  job_id: 'bench-plan',
  vm_id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12',
  vm_name: 'db01',
  mode: 'plan',
  requested_by: 'bench',
  control_plane: 'bench',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function runWarmPlanBench(options: { rounds?: number } = {}): Promise<BenchFigure[]> {
  const rounds = options.rounds ?? 5;
  const root = mkdtempSync(join(tmpdir(), 'bench-warm-plan-'));
  const sandboxPath = join(root, 'lab');
  const pool = new WarmSessionPool();
  try {
    execFileSync(
      pwsh,
      [
        '-NoProfile',
        '-NonInteractive',
        '-File',
        resolve(repoRoot, 'powershell/simulator/New-LabHost.ps1'),
        '-SandboxPath',
        sandboxPath,
        '-MaxFileSizeBytes',
        '4096',
      ],
      { stdio: 'ignore' },
    );
    const runner = new PowerShellRunner();
    const executor = new AgentHostExecutor({
      hosts: {
        resolve: async () => ({
          id: 'lab',
          displayName: 'Lab',
          address: 'lab.local',
          connection: { transport: 'lab' },
          secret: null,
        }),
      },
      deployer: { ensureCurrent: async () => ({ bundleRoot: agentDir, version: 'bench' }) },
      lab: { ensureSandbox: async () => ({ sandboxPath, modulesPath }) },
      runner,
      connectionEnv: {
        powershellPath: pwsh,
        remoteWrapperPath: resolve(repoRoot, 'electron/core/powershell/scripts/Invoke-RemoteAgentScript.ps1'),
        baseEnv: process.env,
      },
      warm: { pool, loopScriptPath: resolve(repoRoot, 'electron/core/hosts/scripts/Start-WarmSession.ps1') },
    });
    const coldSpec = buildLabCommand({
      powershellPath: pwsh,
      scriptPath: join(agentDir, 'Invoke-DeleteVmJob.ps1'),
      payload: encodeAgentPayload(payload),
      baseEnv: process.env,
      simulatorModulesPath: modulesPath,
      sandboxPath,
    });
    const warmCall = async () => {
      const started = performance.now();
      await executor.run('lab', 'delete', payload, { onLines: () => undefined });
      return performance.now() - started;
    };
    const coldCall = async () => {
      const started = performance.now();
      await runner.run(coldSpec);
      return performance.now() - started;
    };
    const firstWarm = await warmCall(); // starts the session: what the first preview after idle costs
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      cold.push(await coldCall());
      warm.push(await warmCall());
    }
    const coldMs = median(cold);
    const warmMs = median(warm);
    return [
      { name: 'plan-only, cold pwsh -File (baseline)', value: coldMs, unit: 'ms' },
      { name: 'plan-only, warm session', value: warmMs, unit: 'ms' },
      { name: 'plan-only, first call (session start included)', value: firstWarm, unit: 'ms' },
      { name: 'plan-only, warm / cold', value: warmMs / coldMs, unit: 'x', target: 0.5 },
    ];
  } finally {
    pool.closeAll();
    try {
      execFileSync('chattr', ['-R', '-f', '-i', '--', root], { stdio: 'ignore' });
    } catch {
      // chattr missing or nothing locked.
    }
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await runWarmPlanBench()) {
    const verdict =
      figure.target === undefined
        ? ''
        : `  (target <= ${figure.target}: ${figure.value <= figure.target ? 'met' : 'MISSED'})`;
    console.log(
      `${figure.name.padEnd(50)} ${figure.value.toFixed(figure.unit === 'x' ? 2 : 0).padStart(8)} ${figure.unit}${verdict}`,
    );
  }
}
