import { isAbsolute } from 'node:path';
import { type CommandSpec, POWERSHELL_FILE_ARGS, powershellEnvironment } from './command-spec';
import { assertPayload } from './local-command';
import { PowerShellError } from './powershell-error';
import {
  type RemoteScript,
  remoteScriptSchema,
  type SshTarget,
  sshTargetSchema,
  validateTarget,
  type WinrmTarget,
  winrmTargetSchema,
} from './remote-target';

// Command specs for the remote transports. Local PowerShell runs one fixed wrapper script
// (scripts/Invoke-RemoteAgentScript.ps1) whose command line never changes; everything about the target (host,
// user, key, port, session options, the script to run, the payload, and a WinRM password) travels in a JSON
// envelope on standard input. So no host or user value is ever part of command text, and no secret is ever
// visible in a process listing. The wrapper opens the session, pipes the payload into the script on the host,
// streams its output as it arrives, and exits with the script's exit code (3 when the session could not be
// opened: see remote-failure.ts).

export const REMOTE_ENVELOPE_FORMAT = 1;

/** Wrapper exit codes besides the script's own 0/1/2. */
export const WRAPPER_EXIT = {
  connectFailed: 3,
  invalidEnvelope: 4,
  sessionBroken: 5,
} as const;

interface RemoteCommandBase {
  /** Local PowerShell 7 (SSH remoting and -Options need 7.3 or later; WinRM also works from 5.1). */
  powershellPath: string;
  /** Absolute path of scripts/Invoke-RemoteAgentScript.ps1 as shipped with the app. */
  wrapperPath: string;
  script: RemoteScript;
  /** The base64 agent payload. */
  payload: string;
  baseEnv: Readonly<Record<string, string | undefined>>;
}

export interface SshCommandInput extends RemoteCommandBase {
  target: SshTarget;
}

export interface WinrmCommandInput extends RemoteCommandBase {
  target: WinrmTarget;
}

function wrapperSpec(input: RemoteCommandBase, transport: 'ssh' | 'winrm', envelope: object): CommandSpec {
  if (!isAbsolute(input.wrapperPath)) {
    throw new PowerShellError('invalid_target', 'The remote wrapper script path must be absolute');
  }
  return {
    transport,
    executable: input.powershellPath,
    args: [...POWERSHELL_FILE_ARGS, input.wrapperPath],
    env: powershellEnvironment(input.baseEnv),
    stdinPayload: `${JSON.stringify(envelope)}\n`,
  };
}

export function buildSshCommand(input: SshCommandInput): CommandSpec {
  const target = validateTarget(sshTargetSchema, input.target, 'SSH target');
  const script = validateTarget(remoteScriptSchema, input.script, 'remote script');
  assertPayload(input.payload);
  // BatchMode: never prompt (a passphrase, a password, an unknown host key); fail instead of hanging.
  const sshOptions: Record<string, string> = { BatchMode: 'yes' };
  if (target.strictHostKeyChecking !== undefined) sshOptions.StrictHostKeyChecking = target.strictHostKeyChecking;
  if (target.knownHostsPath !== undefined) sshOptions.UserKnownHostsFile = target.knownHostsPath;
  if (target.connectTimeoutSeconds !== undefined) sshOptions.ConnectTimeout = String(target.connectTimeoutSeconds);
  const envelope = {
    format: REMOTE_ENVELOPE_FORMAT,
    transport: 'ssh',
    host: target.host,
    port: target.port ?? null,
    user: target.user,
    key_file: target.keyFilePath ?? null,
    ssh_options: sshOptions,
    script,
    payload: input.payload,
  };
  return wrapperSpec(input, 'ssh', envelope);
}

export function buildWinrmCommand(input: WinrmCommandInput): CommandSpec {
  const target = validateTarget(winrmTargetSchema, input.target, 'WinRM target');
  const script = validateTarget(remoteScriptSchema, input.script, 'remote script');
  assertPayload(input.payload);
  const envelope = {
    format: REMOTE_ENVELOPE_FORMAT,
    transport: 'winrm',
    host: target.host,
    port: target.port ?? null,
    use_ssl: target.useSsl ?? false,
    authentication: target.authentication ?? 'Negotiate',
    configuration_name: target.configurationName ?? null,
    credential:
      target.credential === undefined ? null : { user: target.credential.user, password: target.credential.password },
    session_options: {
      open_timeout_ms: target.openTimeoutMs ?? null,
      operation_timeout_ms: target.operationTimeoutMs ?? null,
      skip_ca_check: target.skipCaCheck ?? false,
      skip_cn_check: target.skipCnCheck ?? false,
      skip_revocation_check: target.skipRevocationCheck ?? false,
    },
    script,
    payload: input.payload,
  };
  return wrapperSpec(input, 'winrm', envelope);
}
