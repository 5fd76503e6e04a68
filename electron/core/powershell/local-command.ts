import { isAbsolute, delimiter as pathDelimiter } from 'node:path';
import { type CommandSpec, POWERSHELL_FILE_ARGS, powershellEnvironment } from './command-spec';
import { PowerShellError } from './powershell-error';

// Command specs for the transports that run on this machine: `local` (the workstation is the Hyper-V host) and
// `lab` (the same bundle against the simulator modules and a sandbox folder). The entry script runs with
// `pwsh -File`; the base64 payload is written to its standard input, where the script reads it as `$input`.

export interface LocalCommandInput {
  /** The PowerShell executable: an absolute path, or a bare name looked up on PATH by the OS. */
  powershellPath: string;
  /** Absolute path of the entry script (absolute, so it can never be read as a PowerShell parameter). */
  scriptPath: string;
  /** The base64 payload (see encodeAgentPayload). */
  payload: string;
  baseEnv: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

export interface LabCommandInput extends LocalCommandInput {
  /** powershell/simulator/modules: its Hyper-V and FailoverClusters modules shadow any real ones. */
  simulatorModulesPath: string;
  /** The lab host's sandbox (state.json plus one folder per drive letter). */
  sandboxPath: string;
  /** Path-list separator of the machine PowerShell runs on; defaults to this one's. */
  pathDelimiter?: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function assertPayload(payload: string): void {
  if (payload.length === 0 || payload.length % 4 !== 0 || !BASE64.test(payload)) {
    throw new PowerShellError('invalid_target', 'The agent payload must be non-empty standard base64 text');
  }
}

function assertAbsolute(what: string, value: string): void {
  if (!isAbsolute(value)) throw new PowerShellError('invalid_target', `The ${what} must be an absolute path`);
}

export function buildLocalCommand(input: LocalCommandInput): CommandSpec {
  assertAbsolute('entry script', input.scriptPath);
  assertPayload(input.payload);
  return {
    transport: 'local',
    executable: input.powershellPath,
    args: [...POWERSHELL_FILE_ARGS, input.scriptPath],
    env: powershellEnvironment(input.baseEnv),
    stdinPayload: `${input.payload}\n`,
    ...(input.cwd === undefined ? {} : { cwd: input.cwd }),
  };
}

export function buildLabCommand(input: LabCommandInput): CommandSpec {
  assertAbsolute('simulator modules folder', input.simulatorModulesPath);
  assertAbsolute('lab sandbox', input.sandboxPath);
  const separator = input.pathDelimiter ?? pathDelimiter;
  const inherited = input.baseEnv.PSModulePath;
  const modulePath = inherited ? `${input.simulatorModulesPath}${separator}${inherited}` : input.simulatorModulesPath;
  const local = buildLocalCommand(input);
  return {
    ...local,
    transport: 'lab',
    env: powershellEnvironment(input.baseEnv, { PSModulePath: modulePath, HVSIM_ROOT: input.sandboxPath }),
  };
}
