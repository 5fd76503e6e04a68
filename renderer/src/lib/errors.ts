// Turns a typed AppError into what an administrator understands: what failed (title), where and on what
// (detail: host, object, step, the core's own message) and what to do next (hint). Every error code has an
// entry, so a new code fails the typecheck here until it is explained. Never shows a stack.
import type { AppError, ErrorCode } from '@shared/contract/errors';

export interface ErrorDescription {
  /** What failed, in a few words. */
  readonly title: string;
  /** Where and on what: the host, the object, the step, and the core's message. */
  readonly detail: string;
  /** What the administrator can do about it. */
  readonly hint: string;
}

interface CodeText {
  readonly title: string;
  readonly hint: string;
}

const CODE_TEXT: { readonly [C in ErrorCode]: CodeText } = {
  validation_failed: {
    title: 'Some values are not valid',
    hint: 'Correct the fields named below and try again.',
  },
  forbidden_sender: {
    title: 'The request was refused',
    hint: 'Only the app window may send requests. Restart the app; if it persists, report it.',
  },
  not_ready: {
    title: 'The app is still starting',
    hint: 'Wait a few seconds and try again.',
  },
  host_not_found: {
    title: 'Host not found',
    hint: 'The host was removed. Pick another host or add it again.',
  },
  host_in_use: {
    title: 'The host has jobs in progress',
    hint: 'Wait for its queued and running jobs to finish, or cancel them in Jobs, then remove the host.',
  },
  secret_unavailable: {
    title: 'Stored credentials cannot be read or saved',
    hint: "The OS secret store is unavailable. Unlock your keyring or sign in again, or use the workstation user's own credentials.",
  },
  vm_not_found: {
    title: 'VM not found',
    hint: 'The VM may have been deleted or renamed on the host. Refresh the inventory.',
  },
  vm_name_mismatch: {
    title: 'The VM name does not match',
    hint: 'The VM was renamed or replaced since the list was read. Refresh the inventory and try again.',
  },
  vm_running: {
    title: 'The VM is not stopped',
    hint: 'Shut down or turn off the VM first, then delete it.',
  },
  vm_state_invalid: {
    title: "The VM's state does not allow this",
    hint: 'Refresh the inventory to see its current state, then choose an action that state allows.',
  },
  job_active_for_vm: {
    title: 'Another job is working on this VM',
    hint: 'Wait for that job to finish (see Jobs), or cancel it, then try again.',
  },
  job_not_found: {
    title: 'Job not found',
    hint: 'The job is no longer in the history. Refresh the jobs list.',
  },
  job_not_cancellable: {
    title: 'The job cannot be cancelled',
    hint: 'It has already ended; see its result in Jobs.',
  },
  job_not_retryable: {
    title: 'The job cannot be retried',
    hint: 'Only a failed, cancelled or interrupted job can be retried, once it has ended.',
  },
  powershell_missing: {
    title: 'PowerShell is not installed on this workstation',
    hint: 'Install PowerShell 7 (pwsh) on this workstation, then restart the app.',
  },
  host_unreachable: {
    title: 'The host cannot be reached',
    hint: 'Check the address, the network and that WinRM or SSH is enabled and allowed through the firewall, then test the connection.',
  },
  authentication_failed: {
    title: 'The host refused the credentials',
    hint: 'Edit the host and check the user name, password or key, and that the account is a Hyper-V administrator.',
  },
  bundle_verification_failed: {
    title: 'The script bundle on the host failed verification',
    hint: 'Something on the host changed the deployed scripts. Try again; if it persists, check the host for tampering or antivirus interference.',
  },
  script_failed: {
    title: 'The operation failed on the host',
    hint: 'Read the step and object below and the job output, fix the cause on the host, then retry.',
  },
  protocol_error: {
    title: 'The host returned output the app could not understand',
    hint: 'Check the job output for messages from the host (a profile script or module may print extra text), then retry.',
  },
  timed_out: {
    title: 'The operation timed out',
    hint: 'The host may be busy or slow to answer. Check its state, then retry.',
  },
  cancelled: {
    title: 'The operation was cancelled',
    hint: 'Nothing more will happen. Retry it if you still want it done.',
  },
  interrupted: {
    title: 'The app stopped while the job was running',
    hint: 'Refresh the inventory to see what the host did, then retry the job if needed.',
  },
  store_failed: {
    title: 'The app could not read or write its data',
    hint: "Check free disk space and permissions of the app's data folder, then try again.",
  },
  export_failed: {
    title: 'The export could not be written',
    hint: 'Choose a folder you can write to, with free space, and export again.',
  },
  lab_failed: {
    title: 'The lab host could not be prepared',
    hint: 'Reset the lab from its context menu; if it keeps failing, check that PowerShell 7 is installed.',
  },
  internal: {
    title: 'Unexpected error',
    hint: 'This is a defect in the app. Try again; if it persists, report it with the job export.',
  },
};

/** The title and hint of a code alone, for places that have no AppError (e.g. a job's stored error code). */
export function describeCode(code: ErrorCode): CodeText {
  return CODE_TEXT[code] ?? CODE_TEXT.internal;
}

/** What failed, where, and what to do. `hostName` names `details.hostId` for the admin when known. */
export function describeError(error: AppError, hostName?: string): ErrorDescription {
  const text = describeCode(error.code);
  const details = error.details;
  const parts: string[] = [];
  const host = hostName ?? details?.hostId;
  if (host) parts.push(`Host: ${host}`);
  if (details?.object) parts.push(`Object: ${details.object}`);
  if (details?.step) parts.push(`Step: ${details.step}`);
  if (details?.hostCode) parts.push(`Host code: ${details.hostCode}`);
  if (details?.exitCode !== undefined) parts.push(`Exit code: ${details.exitCode}`);
  if (error.message && error.message !== text.title) parts.push(stripStack(error.message));
  return { title: text.title, detail: parts.join(' · '), hint: text.hint };
}

/** Field messages of a `validation_failed` error, keyed by dotted path ('' = the whole request). */
export function fieldIssues(error: AppError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.details?.issues ?? []) out[issue.path] ??= issue.message;
  return out;
}

/** Keeps the first line of a message: a multi-line message is most likely a stack trace or a script dump. */
function stripStack(message: string): string {
  const firstLine = message.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(/\s+at\s+\S+\s*\(.*$/, '').trim();
}
