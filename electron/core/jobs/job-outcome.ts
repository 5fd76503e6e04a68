// How a run ends, as a job status and error: the one place that reads an exit code, the agent's `result` event
// and the executor's typed errors together. Pure, so every branch is tested without running anything.
import type { AgentEvent } from '../../../shared/contract/agent/read-line';
import type { HostError } from '../../../shared/contract/delete-plan';
import { isAppException } from '../../../shared/contract/errors';
import type { JobError, JobStatus } from '../../../shared/contract/jobs';
import { clip } from '../../../shared/contract/primitives';
import type { HostRunResult } from '../ports';

export type EndStatus = Extract<JobStatus, 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'interrupted'>;

export interface JobOutcome {
  readonly status: EndStatus;
  readonly error: JobError | null;
}

export type ResultEvent = Extract<AgentEvent, { type: 'result' }>;

/** Why the runner aborted the run: the user cancelled it, or the app is shutting down. */
export type AbortCause = 'cancel' | 'shutdown';

export interface OutcomeContext {
  /** The `result` event seen in the output, when the run's own result lacks it. */
  readonly seenResult: ResultEvent | null;
  readonly timeoutMs: number;
  readonly abortCause: AbortCause | null;
  /** The step that was open when the run ended. */
  readonly openStep: string | null;
}

/** The host's status and error from a delete or lifecycle result. */
function hostOutcome(result: ResultEvent): { status: 'succeeded' | 'failed'; error: HostError | null } | null {
  if (result.script === 'delete' || result.script === 'lifecycle') return result.result;
  return null;
}

function fromHostError(error: HostError): JobError {
  return {
    code: 'script_failed',
    message: clip(error.message),
    hostCode: error.code,
    step: error.step,
    object: error.object,
  };
}

/** The run finished (the process exited): succeeded only with exit 0 and a `result` that says so. */
export function outcomeOfRun(run: HostRunResult, context: OutcomeContext): JobOutcome {
  const event = run.result?.type === 'result' ? run.result : context.seenResult;
  const host = event ? hostOutcome(event) : null;
  if (!host) {
    return failed('protocol_error', `The host script ended (exit code ${run.exitCode}) without reporting a result.`);
  }
  if (host.status === 'failed') {
    if (host.error) return { status: 'failed', error: fromHostError(host.error) };
    return failed('script_failed', `The host reported a failure (exit code ${run.exitCode}) without saying why.`);
  }
  if (run.exitCode !== 0) {
    return failed('script_failed', `The host script reported success but exited with code ${run.exitCode}.`);
  }
  return { status: 'succeeded', error: null };
}

/** The run rejected: cancelled, timed out, or a typed failure of the transport or the script. */
export function outcomeOfFailure(error: unknown, context: OutcomeContext): JobOutcome {
  const step = context.openStep;
  if (context.abortCause === 'shutdown') {
    return failed('interrupted', 'The app stopped while this job ran; its PowerShell was stopped.', step);
  }
  if (context.abortCause === 'cancel') {
    return {
      status: 'cancelled',
      error: jobError('cancelled', 'Cancelled while running; the host script was stopped.', step),
    };
  }
  if (!isAppException(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return failed('internal', `The job could not run: ${message}`, step);
  }
  const { code, message, details } = error.error;
  if (code === 'timed_out') {
    const limit = describeDuration(context.timeoutMs);
    const text = `Did not finish within ${limit}; the host script was stopped.${message ? ` ${message}` : ''}`;
    return { status: 'timed_out', error: jobError('timed_out', text, step) };
  }
  if (code === 'cancelled') {
    return { status: 'cancelled', error: jobError('cancelled', message || 'The run was stopped.', step) };
  }
  // The host's own account (its code, step and the object it names) beats a transport's summary of it.
  const host = context.seenResult ? hostOutcome(context.seenResult) : null;
  if (code === 'script_failed' && host?.status === 'failed' && host.error) {
    return { status: 'failed', error: fromHostError(host.error) };
  }
  return {
    status: 'failed',
    error: {
      code,
      message: clip(message),
      hostCode: details?.hostCode ?? null,
      step: details?.step ?? step,
      object: details?.object ?? null,
    },
  };
}

function jobError(code: JobError['code'], message: string, step: string | null = null): JobError {
  return { code, message: clip(message), hostCode: null, step, object: null };
}

function failed(code: JobError['code'], message: string, step: string | null = null): JobOutcome {
  return { status: code === 'interrupted' ? 'interrupted' : 'failed', error: jobError(code, message, step) };
}

export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0 && seconds >= 60) {
    const minutes = seconds / 60;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
