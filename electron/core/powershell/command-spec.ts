// What the runner runs: one executable, its argument vector (never a shell command line), its environment, and the
// text written to its standard input before stdin is closed. Transport-specific builders (local-command.ts,
// remote-command.ts) produce it; the runner does not know about transports beyond how to classify failures.

export type Transport = 'local' | 'lab' | 'ssh' | 'winrm';

export interface CommandSpec {
  transport: Transport;
  executable: string;
  args: readonly string[];
  /** The child's whole environment. */
  env: Readonly<Record<string, string>>;
  /**
   * Written to stdin, then stdin is closed. For remote transports it is a JSON envelope that may hold a secret
   * (a WinRM password): never log it; it is the reason secrets never appear in `args`.
   */
  stdinPayload: string;
  cwd?: string;
}

/** Every PowerShell we start runs a file, with no profile, no prompts and no execution-policy surprises. */
export const POWERSHELL_FILE_ARGS: readonly string[] = [
  '-NoProfile',
  '-NonInteractive',
  '-ExecutionPolicy',
  'Bypass',
  '-File',
];

/**
 * The environment for a PowerShell child: the base environment (without unset entries) plus settings that keep
 * its output plain (no ANSI colour codes in error text) and its start quick (no telemetry or update check).
 */
export function powershellEnvironment(
  baseEnv: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(baseEnv)) {
    if (value !== undefined) env[name] = value;
  }
  env.NO_COLOR = '1';
  env.POWERSHELL_TELEMETRY_OPTOUT = '1';
  env.POWERSHELL_UPDATECHECK = 'Off';
  return { ...env, ...extra };
}

/** The agent payload as the protocol wants it on the wire: compact UTF-8 JSON, base64 (standard, padded). */
export function encodeAgentPayload(payload: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}
