// HostExecutor (electron/core/ports.ts): runs one agent entry script on one host. Resolves the host and its
// secret, makes sure the host has the current bundle, builds the transport's command and streams the output in
// batches; read-only calls (inventory, plan-only deletes) on lab and local hosts go through the host's warm
// session and fall back to a cold run when the session is lost; the others run on the host's standby process when
// there is one (standby-job-process.ts), cold otherwise. Every failure leaves as an AppException with
// the contract's code (host-errors.ts), and the secret only ever travels in the remote wrapper's stdin envelope.
import type { AgentScript } from '../../../shared/contract/agent/read-line';
import type { HostExecutor, HostRunOptions, HostRunResult } from '../ports';
import type { CommandSpec } from '../powershell/command-spec';
import { encodeAgentPayload } from '../powershell/command-spec';
import { PowerShellError } from '../powershell/powershell-error';
import type { OutputLine, RunningScript, RunOptions } from '../powershell/script-run';
import { errorMessageFromStderr } from '../powershell/stderr-message';
import type { BundleDeployer, LabHostProvider, ResolvedHost } from './bundle-port';
import {
  buildHostCommand,
  buildWarmSessionLaunch,
  type ConnectionEnvironment,
  joinHostPath,
  type LabSandbox,
} from './host-connection';
import { resultError, resultFailed, toRunException } from './host-errors';
import { HostOutputCollector } from './host-output';
import { RunDeadline } from './run-deadline';
import type { StandbyJobProcesses } from './standby-job-process';
import { WarmSessionLost } from './warm-session';
import type { WarmSessionPool } from './warm-session-pool';

export const AGENT_SCRIPT_FILES: Readonly<Record<AgentScript, string>> = {
  delete: 'Invoke-DeleteVmJob.ps1',
  lifecycle: 'Invoke-VmLifecycleJob.ps1',
  inventory: 'Get-HostInventory.ps1',
};

export interface HostResolver {
  /** The host with its secret decrypted; rejects with host_not_found or secret_unavailable. */
  resolve(hostId: string): Promise<ResolvedHost>;
}

/** The part of PowerShellRunner the executor uses. */
export interface ScriptStarter {
  start(spec: CommandSpec, options?: RunOptions): RunningScript;
}

export interface HostExecutorOptions {
  hosts: HostResolver;
  deployer: BundleDeployer;
  lab: LabHostProvider;
  runner: ScriptStarter;
  connectionEnv: ConnectionEnvironment;
  /** Warm sessions for read-only calls; omit to run everything cold. */
  warm?: { pool: WarmSessionPool; loopScriptPath: string };
  /** Pre-started processes for the calls that change something on lab and local hosts; omit to run them cold. */
  standby?: Pick<StandbyJobProcesses, 'start' | 'prepare'>;
  /** Output batching (defaults: OutputBatcher's 500 lines / 16 ms). */
  batch?: { maxLines?: number; maxDelayMs?: number };
}

/** A delete's plan only: the delete itself (the same entry script) is likely to follow. */
function isDeletePlan(script: AgentScript, payload: Readonly<Record<string, unknown>>): boolean {
  return script === 'delete' && payload.mode === 'plan';
}

/** Reads that change nothing on the host may share a warm session; everything else runs in its own process. */
export function isReadOnlyCall(script: AgentScript, payload: Readonly<Record<string, unknown>>): boolean {
  return script === 'inventory' || (script === 'delete' && payload.mode === 'plan');
}

interface Prepared {
  host: ResolvedHost;
  lab: LabSandbox | null;
  scriptPath: string;
  payload: string;
}

export class AgentHostExecutor implements HostExecutor {
  constructor(private readonly options: HostExecutorOptions) {}

  async run(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    options: HostRunOptions,
  ): Promise<HostRunResult> {
    const deadline = new RunDeadline(options.timeoutMs, options.signal);
    let secret: string | null = null;
    let collector: HostOutputCollector | null = null;
    try {
      const prepared = await this.prepare(hostId, script, payload, deadline);
      secret = prepared.host.secret;
      collector = new HostOutputCollector({
        hostId,
        script,
        onLines: options.onLines,
        secret,
        onCallbackError: () => deadline.stop('cancelled'),
        ...this.options.batch,
      });
      const exitCode = await this.execute(prepared, isReadOnlyCall(script, payload), collector, deadline);
      collector.end();
      if (collector.callbackError !== null) throw collector.callbackError.error;
      const result = collector.result;
      if (result !== null && resultFailed(result)) {
        throw new PowerShellError('script_failed', resultError(result)?.message || 'The host script failed', {
          exitCode,
        });
      }
      if (result === null && collector.protocolError !== null) {
        throw new PowerShellError('script_failed', collector.protocolError.message, { exitCode });
      }
      if (isDeletePlan(script, payload)) this.prepareStandby(prepared);
      return { exitCode, result };
    } catch (error) {
      collector?.end();
      const cause = collector?.callbackError?.error ?? (deadline.reason !== null ? deadline.error() : error);
      throw toRunException(cause, {
        hostId,
        secret,
        result: collector?.result ?? null,
        protocolError: collector?.protocolError ?? null,
      });
    } finally {
      deadline.dispose();
    }
  }

  private async prepare(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    deadline: RunDeadline,
  ): Promise<Prepared> {
    deadline.throwIfStopped();
    const host = await this.options.hosts.resolve(hostId);
    deadline.throwIfStopped();
    const { bundleRoot } = await this.options.deployer.ensureCurrent(host, deadline.signal);
    deadline.throwIfStopped();
    const lab = host.connection.transport === 'lab' ? await this.options.lab.ensureSandbox() : null;
    deadline.throwIfStopped();
    return {
      host,
      lab,
      scriptPath: joinHostPath(bundleRoot, AGENT_SCRIPT_FILES[script]),
      payload: encodeAgentPayload(payload),
    };
  }

  /** Runs the script (warm when allowed and possible, cold otherwise); resolves with exit code 0 or rejects. */
  private async execute(
    prepared: Prepared,
    readOnly: boolean,
    collector: HostOutputCollector,
    deadline: RunDeadline,
  ): Promise<number> {
    const warm = this.options.warm;
    const launch =
      readOnly && warm
        ? buildWarmSessionLaunch(prepared.host, warm.loopScriptPath, this.options.connectionEnv, prepared.lab)
        : null;
    if (warm && launch !== null) {
      try {
        const outcome = await warm.pool.run(
          prepared.host.id,
          launch,
          { scriptPath: prepared.scriptPath, payload: prepared.payload },
          { onLine: (line) => collector.push(line.stream, line.text, line.receivedAt), signal: deadline.signal },
        );
        if (outcome.exitCode !== 0) {
          const message =
            errorMessageFromStderr(outcome.stderrTail) || `PowerShell exited with code ${outcome.exitCode}`;
          throw new PowerShellError('script_failed', message, {
            exitCode: outcome.exitCode,
            stderrTail: outcome.stderrTail,
          });
        }
        return 0;
      } catch (error) {
        // Lost before any output: nothing reached the caller, and the call is read-only, so run it cold.
        if (!(error instanceof WarmSessionLost)) throw error;
      }
    }
    return this.runCold(prepared, collector, deadline, !readOnly);
  }

  /** The command of a run of the prepared script in a process of its own. */
  private coldCommand(prepared: Prepared): CommandSpec {
    return buildHostCommand(
      prepared.host,
      { where: 'host', path: prepared.scriptPath },
      prepared.payload,
      this.options.connectionEnv,
      prepared.lab,
    );
  }

  /** After a delete's plan: the process the delete would run in, started now (lab and local hosts only). */
  private prepareStandby(prepared: Prepared): void {
    const standby = this.options.standby;
    const transport = prepared.host.connection.transport;
    if (standby === undefined || (transport !== 'lab' && transport !== 'local')) return;
    try {
      standby.prepare(prepared.host.id, this.coldCommand(prepared));
    } catch {
      // Only a head start: the delete builds (and reports) its command itself.
    }
  }

  private async runCold(
    prepared: Prepared,
    collector: HostOutputCollector,
    deadline: RunDeadline,
    mutating: boolean,
  ): Promise<number> {
    deadline.throwIfStopped();
    const spec = this.coldCommand(prepared);
    const runOptions = {
      onLine: (line: OutputLine) =>
        collector.push(line.stream === 'stdout' ? 'out' : 'err', line.text, line.receivedAt),
    };
    const standby = this.options.standby;
    const running =
      mutating && standby !== undefined
        ? standby.start(prepared.host.id, spec, runOptions)
        : this.options.runner.start(spec, runOptions);
    const stop = () => running.stop();
    deadline.signal.addEventListener('abort', stop, { once: true });
    try {
      return (await running.done).exitCode;
    } finally {
      deadline.signal.removeEventListener('abort', stop);
    }
  }
}
