import type { ResultEvent } from './agent-events';

// The runner's failures, as one error class with a discriminating `code` (the shape of GitHub Desktop's GitError:
// the host's own message, plus what the caller needs to decide what to do next).

export type PowerShellErrorCode =
  /** The PowerShell executable does not exist where we looked (ENOENT on spawn). */
  | 'powershell_missing'
  /** The executable exists but could not be started (EACCES, ...). */
  | 'spawn_failed'
  /** The script ran and failed: non-zero exit code, or a `result` event with status `failed`. */
  | 'script_failed'
  /** The run took longer than its timeout and was stopped. */
  | 'timed_out'
  /** stop() was called. */
  | 'cancelled'
  /** A remote transport could not reach the host (name not resolved, connection refused or timed out). */
  | 'host_unreachable'
  /** A remote transport reached the host and was refused (bad credentials, key, host key, trust settings). */
  | 'authentication_failed'
  /** A remote target (host name, user, port, option) was rejected before anything ran. */
  | 'invalid_target';

export interface PowerShellErrorDetails {
  exitCode?: number | null;
  signal?: string | null;
  /** The agent's `result` event, when the script got far enough to emit one. */
  result?: ResultEvent | null;
  /** The last lines of standard error. */
  stderrTail?: readonly string[];
  cause?: unknown;
}

export class PowerShellError extends Error {
  override readonly name = 'PowerShellError';
  readonly code: PowerShellErrorCode;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly result: ResultEvent | null;
  readonly stderrTail: readonly string[];

  constructor(code: PowerShellErrorCode, message: string, details: PowerShellErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.exitCode = details.exitCode ?? null;
    this.signal = details.signal ?? null;
    this.result = details.result ?? null;
    this.stderrTail = details.stderrTail ?? [];
  }
}

export function isPowerShellError(error: unknown): error is PowerShellError {
  return error instanceof PowerShellError;
}
