// The native notification when a job ends (C10). The core already tells the window about every ending with a
// `notification` event (title naming the VM and host, body with the outcome, the job id): jobs/job-notification.ts.
// Main mirrors the first such event of each job natively, so the two never disagree; any later notice about
// the same job (a "history incomplete" warning) stays in the window. Whether to show it at all is the
// admin's setting `notifyOnJobEnd`.
import type { EventEnvelope, EventPayload } from '../../../shared/contract/api';

export interface NativeNotice {
  readonly title: string;
  readonly body: string;
  readonly jobId: string;
  /** Failures ask for attention (Windows: the notification stays until dismissed). */
  readonly urgent: boolean;
}

export interface JobEndNotifierOptions {
  /** Shows the notice; a click on it should open the job. */
  readonly show: (notice: NativeNotice) => void;
  /** Read at the moment of each ending, so a changed setting applies to the next job. */
  readonly enabled: () => boolean;
  /** How many job ids to remember (ids are never reused; this only bounds memory). Default 2,000. */
  readonly remember?: number;
}

export class JobEndNotifier {
  private readonly seen = new Set<string>();
  private readonly remember: number;

  constructor(private readonly options: JobEndNotifierOptions) {
    this.remember = options.remember ?? 2000;
  }

  observe(envelope: EventEnvelope): void {
    if (envelope.event !== 'notification') return;
    const notice = nativeNoticeFor(envelope.payload);
    if (!notice || this.seen.has(notice.jobId)) return;
    this.seen.add(notice.jobId);
    if (this.seen.size > this.remember) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    if (this.options.enabled()) this.options.show(notice);
  }
}

/** The native form of a job's notification; null for a notice about no job. */
export function nativeNoticeFor(payload: EventPayload<'notification'>): NativeNotice | null {
  if (payload.jobId === null) return null;
  return { title: payload.title, body: payload.body, jobId: payload.jobId, urgent: payload.kind === 'error' };
}
