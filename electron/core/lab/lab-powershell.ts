// The two PowerShell runs the lab host makes on this workstation: building a sandbox with the simulator's
// New-LabHost.ps1 (an argument vector of our own paths, no stdin), and one request to the lab control script
// (scripts/Invoke-LabControl.ps1, run like a lab job through buildLabCommand, the request piped as base64 JSON).
import { join } from 'node:path';
import { AppException, appError } from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import type { ResultEvent } from '../powershell/agent-events';
import { encodeAgentPayload, POWERSHELL_FILE_ARGS, powershellEnvironment } from '../powershell/command-spec';
import { buildLabCommand } from '../powershell/local-command';
import { isPowerShellError } from '../powershell/powershell-error';
import type { PowerShellRunner } from '../powershell/powershell-runner';

export interface LabPowerShell {
  runner: PowerShellRunner;
  /** pwsh 7.5+ (the simulator needs it): a path or a bare name. */
  powershellPath: string;
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** powershell/simulator (development) or <resources>/simulator (packaged). */
  simulatorRoot: string;
  /** Absolute path of scripts/Invoke-LabControl.ps1 as shipped. */
  controlScriptPath: string;
  timeoutMs: number;
}

export interface SeedOptions {
  scenarioPath?: string;
  maxFileSizeBytes?: number;
}

export function simulatorModulesPath(lab: Pick<LabPowerShell, 'simulatorRoot'>): string {
  return join(lab.simulatorRoot, 'modules');
}

/** The reason a run failed: the script's own error message when it reported one. */
function reasonOf(error: unknown): string {
  if (isPowerShellError(error)) return error.result?.error?.message || error.message;
  return error instanceof Error ? error.message : String(error);
}

export function labFailure(message: string, error?: unknown): AppException {
  const text = error === undefined ? message : `${message}: ${reasonOf(error)}`;
  // No PowerShell is not a lab problem: say so with the code every other run uses for it (C6).
  const missing = isPowerShellError(error) && (error.code === 'powershell_missing' || error.code === 'spawn_failed');
  return new AppException(appError(missing ? 'powershell_missing' : 'lab_failed', clip(text)));
}

/** Builds the lab host from its scenario in `sandboxPath` (which must not exist or be empty). */
export async function seedSandbox(lab: LabPowerShell, sandboxPath: string, options: SeedOptions): Promise<void> {
  const args = [...POWERSHELL_FILE_ARGS, join(lab.simulatorRoot, 'New-LabHost.ps1'), '-SandboxPath', sandboxPath];
  if (options.scenarioPath !== undefined) args.push('-ScenarioPath', options.scenarioPath);
  if (options.maxFileSizeBytes !== undefined) args.push('-MaxFileSizeBytes', String(options.maxFileSizeBytes));
  await lab.runner.run(
    {
      transport: 'local',
      executable: lab.powershellPath,
      args,
      env: powershellEnvironment(lab.baseEnv, { PSModulePath: simulatorModulesPath(lab) }),
      stdinPayload: '',
    },
    { timeoutMs: lab.timeoutMs },
  );
}

/** One request to the lab control script against `sandboxPath`; resolves with its result event. */
export async function runLabControl(
  lab: LabPowerShell,
  sandboxPath: string,
  request: Readonly<Record<string, unknown>>,
): Promise<ResultEvent> {
  const spec = buildLabCommand({
    powershellPath: lab.powershellPath,
    scriptPath: lab.controlScriptPath,
    payload: encodeAgentPayload(request),
    baseEnv: lab.baseEnv,
    simulatorModulesPath: simulatorModulesPath(lab),
    sandboxPath,
  });
  const { result } = await lab.runner.run(spec, { timeoutMs: lab.timeoutMs });
  if (result === null) throw labFailure(`The lab control action '${String(request.action)}' reported no result`);
  return result;
}
