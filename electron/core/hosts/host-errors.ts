// One place that turns whatever a run failed with (the runner's PowerShellError, a warm session's, a deployer's
// AppException, a defect) into the contract's AppException: the codes of HostExecutor, the host's own message and
// error details for a script failure, and never a secret in the text.
import type { HostError } from '../../../shared/contract/delete-plan';
import {
  type AppError,
  AppException,
  appError,
  type ErrorCode,
  type ErrorDetails,
  isAppException,
} from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import { isPowerShellError, type PowerShellErrorCode } from '../powershell/powershell-error';
import { type ResultEvent, redact } from './host-output';

const CODES: Record<PowerShellErrorCode, ErrorCode> = {
  powershell_missing: 'powershell_missing',
  // The executable is there but cannot be started (EACCES...): for the admin, PowerShell is not usable.
  spawn_failed: 'powershell_missing',
  script_failed: 'script_failed',
  timed_out: 'timed_out',
  cancelled: 'cancelled',
  host_unreachable: 'host_unreachable',
  authentication_failed: 'authentication_failed',
  invalid_target: 'validation_failed',
};

export interface FailureContext {
  hostId: string;
  secret: string | null;
  /** The run's result event, when the script printed one. */
  result: ResultEvent | null;
  /** The first event line that broke the protocol. */
  protocolError: AppError | null;
}

/** The host's error of a result event (each script puts it in its own place). */
export function resultError(result: ResultEvent): HostError | null {
  return result.script === 'inventory' ? result.error : result.result.error;
}

export function resultFailed(result: ResultEvent): boolean {
  return (result.script === 'inventory' ? result.status : result.result.status) === 'failed';
}

function exception(code: ErrorCode, message: string, details: ErrorDetails, secret: string | null): AppException {
  return new AppException(appError(code, clip(redact(message, secret)), details));
}

export function toRunException(error: unknown, context: FailureContext): AppException {
  const { hostId, secret } = context;
  if (isAppException(error)) {
    const redacted = redact(error.error.message, secret);
    return redacted === error.error.message ? error : new AppException({ ...error.error, message: redacted });
  }
  if (!isPowerShellError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return exception('internal', `Running PowerShell failed unexpectedly: ${message}`, { hostId }, secret);
  }
  const code = CODES[error.code];
  const details: ErrorDetails = { hostId, ...(error.exitCode === null ? {} : { exitCode: error.exitCode }) };
  if (code !== 'script_failed') return exception(code, error.message, details, secret);
  const hostError = context.result === null ? null : resultError(context.result);
  if (hostError !== null) {
    return exception(
      'script_failed',
      hostError.message || error.message,
      {
        ...details,
        hostCode: clip(hostError.code, 128),
        ...(hostError.step === null ? {} : { step: clip(hostError.step, 128) }),
        ...(hostError.object === null ? {} : { object: clip(redact(hostError.object, secret)) }),
      },
      secret,
    );
  }
  if (context.result === null && context.protocolError !== null) {
    return exception('protocol_error', context.protocolError.message, details, secret);
  }
  return exception('script_failed', error.message, details, secret);
}
