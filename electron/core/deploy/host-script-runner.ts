// Runs one of the app's own self-contained scripts (the bundle check, the bundle install) on a host and returns its
// `result` event. The command comes from the same builders as jobs (hosts/host-connection.ts over
// powershell/local-command.ts and remote-command.ts): the payload is piped, never part of command text; remote
// transports send the script with the fixed wrapper. On the lab host the script runs through a small shim
// (lab/scripts/Invoke-LabHostScript.ps1) that maps the lab's drive letters first, as a real host has its C:.
import { isAppException } from '../../../shared/contract/errors';
import type { LabHostProvider, ResolvedHost } from '../hosts/bundle-port';
import { buildHostCommand, type ConnectionEnvironment } from '../hosts/host-connection';
import type { ResultEvent } from '../powershell/agent-events';
import { type CommandSpec, encodeAgentPayload } from '../powershell/command-spec';
import { isPowerShellError } from '../powershell/powershell-error';
import type { PowerShellRunner } from '../powershell/powershell-runner';
import { deployFailure, toDeployException } from './deploy-errors';

export interface HostScriptOptions {
  /** Aborting stops the run (local process and remote pipeline); it then rejects with code `cancelled`. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Names the run in error messages ("checking the agent bundle"). */
  what?: string;
}

/**
 * Runs `scriptPath` (a script of this workstation) on `target` with `payload` (compact JSON, base64, piped) and
 * resolves with its `result` event when it succeeded. Rejects with an AppException.
 */
export type RunHostScript = (
  target: ResolvedHost,
  scriptPath: string,
  payload: Readonly<Record<string, unknown>>,
  options?: HostScriptOptions,
) => Promise<ResultEvent>;

export interface HostScriptRunnerDependencies {
  runner: PowerShellRunner;
  connection: ConnectionEnvironment;
  lab: LabHostProvider;
  /** Absolute path of lab/scripts/Invoke-LabHostScript.ps1 as shipped. */
  labShimPath: string;
}

async function commandFor(
  deps: HostScriptRunnerDependencies,
  target: ResolvedHost,
  scriptPath: string,
  payload: string,
): Promise<CommandSpec> {
  if (target.connection.transport !== 'lab') {
    return buildHostCommand(target, { where: 'workstation', path: scriptPath }, payload, deps.connection, null);
  }
  const lab = await deps.lab.ensureSandbox();
  const shim = buildHostCommand(
    target,
    { where: 'workstation', path: deps.labShimPath },
    payload,
    deps.connection,
    lab,
  );
  // The script path is the app's own file, an argument of the shim (never a user value).
  return { ...shim, args: [...shim.args, '-ScriptPath', scriptPath] };
}

export function createHostScriptRunner(deps: HostScriptRunnerDependencies): RunHostScript {
  return async (target, scriptPath, payload, options = {}) => {
    const what = options.what ?? 'running a host script';
    try {
      options.signal?.throwIfAborted();
      const spec = await commandFor(deps, target, scriptPath, encodeAgentPayload(payload));
      options.signal?.throwIfAborted();
      const run = deps.runner.start(spec, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
      const stop = () => run.stop();
      options.signal?.addEventListener('abort', stop, { once: true });
      try {
        const { result } = await run.done;
        if (result === null) {
          throw deployFailure('protocol_error', `${what}: the script ended without reporting a result.`, target.id);
        }
        return result;
      } finally {
        options.signal?.removeEventListener('abort', stop);
      }
    } catch (error) {
      // An abort before the run started surfaces as the signal's own AbortError.
      if (options.signal?.aborted && !isAppException(error) && !isPowerShellError(error)) {
        throw deployFailure('cancelled', `${what} was cancelled.`, target.id);
      }
      throw toDeployException(error, target.id, target.secret, what);
    }
  };
}
