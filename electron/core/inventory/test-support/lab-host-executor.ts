// A minimal HostExecutor for the integration test: runs an agent entry script in the repository's pwsh against
// the simulator (the `lab` transport's command) and reads its lines with the shared agent reader. The real
// executor (deploy, transports, error mapping) is the remote-execution service's; this is just enough of it.
import { resolve } from 'node:path';
import { type AgentEvent, readAgentLine } from '../../../../shared/contract/agent/read-line';
import { AppException, appError, ERROR_CODES, type ErrorCode } from '../../../../shared/contract/errors';
import type { AgentScript, HostExecutor, HostOutputLine, HostRunOptions, HostRunResult } from '../../ports';
import { encodeAgentPayload } from '../../powershell/command-spec';
import { buildLabCommand } from '../../powershell/local-command';
import { isPowerShellError } from '../../powershell/powershell-error';
import { PowerShellRunner } from '../../powershell/powershell-runner';

const ENTRY_SCRIPTS: Record<AgentScript, string> = {
  delete: 'Invoke-DeleteVmJob.ps1',
  lifecycle: 'Invoke-VmLifecycleJob.ps1',
  inventory: 'Get-HostInventory.ps1',
};

export interface LabHostExecutorOptions {
  repoRoot: string;
  pwshPath: string;
  /** Host id -> its sandbox folder. */
  sandboxes: Readonly<Record<string, string>>;
}

export class LabHostExecutor implements HostExecutor {
  private readonly runner = new PowerShellRunner();

  constructor(private readonly options: LabHostExecutorOptions) {}

  async run(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    options: HostRunOptions,
  ): Promise<HostRunResult> {
    const sandboxPath = this.options.sandboxes[hostId];
    if (sandboxPath === undefined) throw new AppException(appError('host_not_found', `No lab host ${hostId}`));
    const spec = buildLabCommand({
      powershellPath: this.options.pwshPath,
      scriptPath: resolve(this.options.repoRoot, 'powershell', 'agent', ENTRY_SCRIPTS[script]),
      payload: encodeAgentPayload(payload),
      baseEnv: process.env,
      simulatorModulesPath: resolve(this.options.repoRoot, 'powershell', 'simulator', 'modules'),
      sandboxPath,
    });
    let result: AgentEvent | null = null;
    const running = this.runner.start(spec, {
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      onLine: (line) => {
        const read = readAgentLine(line.text, { script, hostId });
        const event = read.ok ? read.value : null;
        if (event?.type === 'result') result = event;
        const output: HostOutputLine = {
          stream: line.stream === 'stdout' ? 'out' : 'err',
          text: line.text,
          event,
          receivedAt: line.receivedAt,
        };
        options.onLines([output]);
      },
    });
    options.signal?.addEventListener('abort', () => running.stop());
    try {
      const done = await running.done;
      return { exitCode: done.exitCode, result };
    } catch (error) {
      // A host-side failure still printed its result: the caller reads the host's message from it.
      if (isPowerShellError(error) && error.code === 'script_failed' && result) {
        return { exitCode: error.exitCode ?? 1, result };
      }
      const code: ErrorCode =
        isPowerShellError(error) && (ERROR_CODES as readonly string[]).includes(error.code)
          ? (error.code as ErrorCode)
          : 'internal';
      throw new AppException(appError(code, error instanceof Error ? error.message : String(error), { hostId }));
    }
  }
}
