// The stop conditions of one run as one AbortSignal: the caller's signal (cancel) and the run's timeout. Every
// phase (deploy, lab seeding, the script itself, cold or warm) listens to this one signal, and `reason` tells
// afterwards why it fired, so a phase that only knows "I was aborted" still ends the run with the right code.
import { PowerShellError } from '../powershell/powershell-error';

export type StopReason = 'timed_out' | 'cancelled';

export class RunDeadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onCallerAbort = () => this.stop('cancelled');
  reason: StopReason | null = null;

  constructor(
    private readonly timeoutMs: number | undefined,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    if (callerSignal?.aborted) this.stop('cancelled');
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs > 0 && this.reason === null) {
      this.timer = setTimeout(() => this.stop('timed_out'), timeoutMs);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(reason: StopReason): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.controller.abort();
  }

  /** Throws the stop as the runner would report it, when the run was stopped. */
  throwIfStopped(): void {
    if (this.reason !== null) throw this.error();
  }

  error(): PowerShellError {
    return this.reason === 'timed_out'
      ? new PowerShellError(
          'timed_out',
          `The run did not finish within ${(this.timeoutMs ?? 0) / 1000} s and was stopped`,
        )
      : new PowerShellError('cancelled', 'The run was cancelled');
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}
