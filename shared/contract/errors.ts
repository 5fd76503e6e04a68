// Typed error codes: every rejection and failure the renderer can see has one of these codes, a message for
// the administrator, and optional structured details. One list, one zod enum, one type.
import { z } from 'zod';
import { MESSAGE_MAX, messageSchema, shortTextSchema } from './primitives';

export const ERROR_CODES = [
  // The call itself
  'validation_failed', // arguments failed the channel's schema; details.issues names each field
  'forbidden_sender', // the call came from a frame that is not the app's own window
  'not_ready', // the core is still starting (store loading, recovery running)
  // Hosts
  'host_not_found',
  'host_in_use', // the host has queued or running jobs, so it cannot be removed now
  'secret_unavailable', // the OS secret store (safeStorage) cannot encrypt or decrypt
  // VMs and the requests of C4
  'vm_not_found', // no VM with that id is tracked on that host
  'vm_name_mismatch', // the id and the name given do not belong together (S1)
  'vm_running', // the VM is Running/Paused/Saved/Starting/Stopping and force was not given (C4, S7)
  'vm_state_invalid', // a lifecycle action that the VM's state does not allow
  'job_active_for_vm', // another job is queued or running for the same VM
  // Jobs
  'job_not_found',
  'job_not_cancellable', // the job already ended
  'job_not_retryable', // the job succeeded, or is still active
  // Running PowerShell on a host
  'powershell_missing', // no pwsh / powershell executable on this workstation
  'host_unreachable',
  'authentication_failed',
  'bundle_verification_failed', // the agent bundle on the host does not match the manifest after deploying
  'script_failed', // the host script failed; details carry the host's code, step and object
  'protocol_error', // the host script's output broke the protocol (unparseable or missing result event)
  'timed_out',
  'cancelled',
  'interrupted', // the app stopped while the job ran
  // The workstation
  'store_failed', // reading or writing the job store, settings or hosts failed
  'export_failed',
  'lab_failed', // the lab host could not be seeded or reset
  'internal', // a defect: anything not covered above
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.output<typeof errorCodeSchema>;

/** One schema problem: the dotted path of the field (`targets.0.vmId`) and what is wrong with it. */
export const validationIssueSchema = z.strictObject({
  path: z.string().max(512),
  message: messageSchema,
});

/** Structured context; every field is typed, so an error can never smuggle arbitrary data (or a secret). */
export const errorDetailsSchema = z.strictObject({
  issues: z.array(validationIssueSchema).max(50).optional(),
  hostId: z.string().max(64).optional(),
  /** The host's own error code (agent `error.code`, e.g. `file_locked`). */
  hostCode: shortTextSchema.optional(),
  /** The delete or lifecycle step that failed. */
  step: shortTextSchema.optional(),
  /** What the failure concerns: a file path, VM name, cluster role. */
  object: z.string().max(MESSAGE_MAX).optional(),
  exitCode: z.int().optional(),
  jobId: z.string().max(128).optional(),
});

export const appErrorSchema = z.strictObject({
  code: errorCodeSchema,
  message: messageSchema,
  details: errorDetailsSchema.optional(),
});

export type ValidationIssue = z.output<typeof validationIssueSchema>;
export type ErrorDetails = z.output<typeof errorDetailsSchema>;
export type AppError = z.output<typeof appErrorSchema>;

export function appError(code: ErrorCode, message: string, details?: ErrorDetails): AppError {
  return details === undefined ? { code, message } : { code, message, details };
}

/** Thrown by services for an expected failure; the IPC wrapper turns it into `{ok: false, error}`. */
export class AppException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppException';
    this.error = error;
  }
}

export function isAppException(value: unknown): value is AppException {
  return value instanceof AppException;
}
