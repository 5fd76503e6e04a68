// From a host record to the command that runs one script there, per transport, through the command builders of
// electron/core/powershell/. The builders keep every user-supplied value (address, user, key path, password,
// payload) out of command text: local and lab runs pass only the script path as an argument, remote runs a fixed
// wrapper whose stdin envelope carries the rest. Nothing here may add a user value to `args`.
import { AppException, appError } from '../../../shared/contract/errors';
import type { HostConnection } from '../../../shared/contract/hosts';
import type { CommandSpec } from '../powershell/command-spec';
import { buildLabCommand, buildLocalCommand } from '../powershell/local-command';
import { isPowerShellError } from '../powershell/powershell-error';
import { buildSshCommand, buildWinrmCommand } from '../powershell/remote-command';
import {
  type RemoteScript,
  type SshTarget,
  sshTargetSchema,
  validateTarget,
  type WinrmTarget,
  winrmTargetSchema,
} from '../powershell/remote-target';
import type { ResolvedHost } from './bundle-port';

/** What the workstation side of every transport needs; main builds it once. */
export interface ConnectionEnvironment {
  /** The PowerShell that runs locally (pwsh for ssh; pwsh or powershell.exe otherwise): a path or a bare name. */
  powershellPath: string;
  /** Absolute path of electron/core/powershell/scripts/Invoke-RemoteAgentScript.ps1 as shipped. */
  remoteWrapperPath: string;
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** Workstation-wide SSH settings (the app's known_hosts file, host key policy, connect timeout). */
  ssh?: Pick<SshTarget, 'knownHostsPath' | 'strictHostKeyChecking' | 'connectTimeoutSeconds'>;
  /** Workstation-wide WinRM session options. */
  winrm?: Pick<
    WinrmTarget,
    'openTimeoutMs' | 'operationTimeoutMs' | 'skipCaCheck' | 'skipCnCheck' | 'skipRevocationCheck'
  >;
}

/** The lab host's sandbox and the simulator modules that stand in for Hyper-V there. */
export interface LabSandbox {
  sandboxPath: string;
  modulesPath: string;
}

/**
 * Which script runs. `host`: a script already on the host (an entry script of the deployed bundle).
 * `workstation`: a self-contained script of the app (the connection probe), sent to the host by the remote
 * transports. For local and lab the host is this machine, so both are plain local paths.
 */
export type ScriptLocation = { where: 'host'; path: string } | { where: 'workstation'; path: string };

/** How a long-lived PowerShell is started (the warm session): the command without its stdin. */
export interface ProcessLaunch {
  executable: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  cwd?: string;
}

const WINRM_AUTHENTICATION = {
  negotiate: 'Negotiate',
  kerberos: 'Kerberos',
  credssp: 'CredSSP',
  basic: 'Basic',
} as const satisfies Record<string, WinrmTarget['authentication']>;

/** -ComputerName/-HostName want an IPv6 literal in brackets; the contract also accepts it bare. */
function targetHostName(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

export function toSshTarget(
  address: string,
  connection: HostConnection & { transport: 'ssh' },
  env: ConnectionEnvironment,
): SshTarget {
  return {
    host: targetHostName(address),
    user: connection.username,
    ...(connection.port === undefined ? {} : { port: connection.port }),
    ...(connection.keyPath === undefined ? {} : { keyFilePath: connection.keyPath }),
    ...env.ssh,
  };
}

export function toWinrmTarget(
  address: string,
  connection: HostConnection & { transport: 'winrm' },
  secret: string | null,
  env: ConnectionEnvironment,
): WinrmTarget {
  // Without an explicit credential the session uses the workstation user (Negotiate/Kerberos single sign-on).
  const credential =
    connection.username !== undefined && secret !== null ? { user: connection.username, password: secret } : undefined;
  return {
    host: targetHostName(address),
    useSsl: connection.useSsl,
    authentication: WINRM_AUTHENTICATION[connection.authentication ?? 'negotiate'],
    ...(connection.port === undefined ? {} : { port: connection.port }),
    ...(credential === undefined ? {} : { credential }),
    ...env.winrm,
  };
}

/** A builder's `invalid_target` (a value the transport cannot take) as the contract's validation error. */
function asValidationError(error: unknown): unknown {
  if (isPowerShellError(error) && error.code === 'invalid_target') {
    return new AppException(appError('validation_failed', error.message));
  }
  return error;
}

/**
 * Checks that the address and connection settings can be used by their transport (the remote target schemas are
 * narrower than the contract's, e.g. an SSH user may not start with '-'). Throws AppException validation_failed.
 */
export function assertConnectable(address: string, connection: HostConnection, env: ConnectionEnvironment): void {
  try {
    if (connection.transport === 'ssh')
      validateTarget(sshTargetSchema, toSshTarget(address, connection, env), 'SSH target');
    if (connection.transport === 'winrm') {
      validateTarget(winrmTargetSchema, toWinrmTarget(address, connection, null, env), 'WinRM target');
    }
  } catch (error) {
    throw asValidationError(error);
  }
}

function remoteScript(script: ScriptLocation): RemoteScript {
  return script.where === 'host' ? { kind: 'host_path', path: script.path } : { kind: 'local_file', path: script.path };
}

function requireLab(lab: LabSandbox | null): LabSandbox {
  if (lab === null) throw new AppException(appError('lab_failed', 'The lab host sandbox is not ready.'));
  return lab;
}

/** The command that runs `script` on `host` with the base64 `payload` on its standard input. */
export function buildHostCommand(
  host: ResolvedHost,
  script: ScriptLocation,
  payload: string,
  env: ConnectionEnvironment,
  lab: LabSandbox | null,
): CommandSpec {
  const local = { powershellPath: env.powershellPath, scriptPath: script.path, payload, baseEnv: env.baseEnv };
  const remote = {
    powershellPath: env.powershellPath,
    wrapperPath: env.remoteWrapperPath,
    script: remoteScript(script),
    payload,
    baseEnv: env.baseEnv,
  };
  const connection = host.connection;
  try {
    switch (connection.transport) {
      case 'local':
        return buildLocalCommand(local);
      case 'lab': {
        const sandbox = requireLab(lab);
        return buildLabCommand({
          ...local,
          simulatorModulesPath: sandbox.modulesPath,
          sandboxPath: sandbox.sandboxPath,
        });
      }
      case 'ssh':
        return buildSshCommand({ ...remote, target: toSshTarget(host.address, connection, env) });
      case 'winrm':
        return buildWinrmCommand({ ...remote, target: toWinrmTarget(host.address, connection, host.secret, env) });
    }
  } catch (error) {
    throw asValidationError(error);
  }
}

/** A placeholder payload: the warm session reads its requests from stdin, not a payload. */
const NO_PAYLOAD = 'AA==';

/**
 * How the warm session of `host` is started: exactly the process a cold run of `loopScriptPath` would be (same
 * executable, flags and environment; for lab the simulator modules and sandbox), minus the payload. Null for the
 * remote transports: their warm equivalent is a long-lived PSSession (a wrapper that opens the session once and
 * runs the same request loop through Invoke-Command), not built yet, so they always run cold.
 */
export function buildWarmSessionLaunch(
  host: ResolvedHost,
  loopScriptPath: string,
  env: ConnectionEnvironment,
  lab: LabSandbox | null,
): ProcessLaunch | null {
  if (host.connection.transport !== 'local' && host.connection.transport !== 'lab') return null;
  const spec = buildHostCommand(host, { where: 'workstation', path: loopScriptPath }, NO_PAYLOAD, env, lab);
  return {
    executable: spec.executable,
    args: spec.args,
    env: spec.env,
    ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
  };
}

/** Joins a file name to a folder in the folder's own style (a Windows path on a host, a POSIX path locally). */
export function joinHostPath(folder: string, file: string): string {
  const windows = /^[A-Za-z]:/.test(folder) || (folder.includes('\\') && !folder.includes('/'));
  const separator = windows ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${file}`;
}
