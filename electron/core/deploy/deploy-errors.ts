// What a bundle check or install failed with, as the contract's AppException: the runner's typed codes, the host
// script's own message and code for a script failure, and never the host's secret in the text.
import {
  AppException,
  appError,
  type ErrorCode,
  type ErrorDetails,
  isAppException,
} from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import { isPowerShellError, type PowerShellErrorCode } from '../powershell/powershell-error';

const CODES: Record<PowerShellErrorCode, ErrorCode> = {
  powershell_missing: 'powershell_missing',
  spawn_failed: 'powershell_missing',
  script_failed: 'script_failed',
  timed_out: 'timed_out',
  cancelled: 'cancelled',
  host_unreachable: 'host_unreachable',
  authentication_failed: 'authentication_failed',
  invalid_target: 'validation_failed',
};

function redact(text: string, secret: string | null): string {
  return secret === null || secret === '' ? text : text.split(secret).join('[redacted]');
}

export function deployFailure(
  code: ErrorCode,
  message: string,
  hostId: string,
  hostCode?: string,
  exitCode?: number | null,
): AppException {
  const details: ErrorDetails = { hostId };
  if (hostCode !== undefined) details.hostCode = clip(hostCode, 128);
  if (exitCode !== undefined && exitCode !== null) details.exitCode = exitCode;
  return new AppException(appError(code, clip(message), details));
}

/** Any failure of a host script run as an AppException; `what` says which run ("checking the agent bundle"). */
export function toDeployException(error: unknown, hostId: string, secret: string | null, what: string): AppException {
  if (isAppException(error)) return error;
  if (!isPowerShellError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return deployFailure('internal', redact(`${what} failed unexpectedly: ${message}`, secret), hostId);
  }
  const hostError = error.result?.error ?? null;
  const message = redact(`${what} failed: ${hostError?.message || error.message}`, secret);
  return deployFailure(CODES[error.code], message, hostId, hostError?.code, error.exitCode);
}
