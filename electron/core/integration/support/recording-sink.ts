// An EventSink that keeps every event with the moment it was emitted and checks each payload against the
// contract's event schema (so an event main could not send over IPC fails the test where it is emitted).
import { type EventEnvelope, eventEnvelopeSchema } from '../../../../shared/contract/api';
import type { JobInfo, JobOutputLine } from '../../../../shared/contract/jobs';
import type { EventSink } from '../../ports';

export interface RecordedEvent {
  readonly envelope: EventEnvelope;
  /** Epoch ms when the core emitted it. */
  readonly at: number;
}

type Waiter = { check: () => boolean; resolve: () => void };

export class RecordingSink implements EventSink {
  readonly events: RecordedEvent[] = [];
  /** Payloads that failed the contract's schema (expected to stay empty). */
  readonly invalid: { event: string; issue: string }[] = [];
  private waiters: Waiter[] = [];

  emit: EventSink['emit'] = (name, payload) => {
    const parsed = eventEnvelopeSchema.safeParse({ event: name, payload });
    if (!parsed.success) this.invalid.push({ event: name, issue: parsed.error.message.slice(0, 500) });
    this.events.push({ envelope: { event: name, payload } as EventEnvelope, at: Date.now() });
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  };

  /** Every `job.created` / `job.updated` snapshot of one job, in order, with its emission time. */
  jobUpdates(jobId: string): { name: 'job.created' | 'job.updated'; job: JobInfo; at: number }[] {
    const out: { name: 'job.created' | 'job.updated'; job: JobInfo; at: number }[] = [];
    for (const { envelope, at } of this.events) {
      if ((envelope.event === 'job.created' || envelope.event === 'job.updated') && envelope.payload.job.id === jobId) {
        out.push({ name: envelope.event, job: envelope.payload.job, at });
      }
    }
    return out;
  }

  /** Every output line of one job as the events delivered them, with the emission time of its batch. */
  outputLines(jobId: string): (JobOutputLine & { emittedAt: number })[] {
    return this.events.flatMap(({ envelope, at }) =>
      envelope.event === 'job.output' && envelope.payload.jobId === jobId
        ? envelope.payload.lines.map((line) => ({ ...line, emittedAt: at }))
        : [],
    );
  }

  /** The last snapshot of a job the events carried. */
  lastJob(jobId: string): JobInfo | undefined {
    return this.jobUpdates(jobId).at(-1)?.job;
  }

  /** Resolves when `check` holds (checked after every event); rejects after `timeoutMs`. */
  waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ check, resolve: done });
    });
  }

  /** Resolves once the job's events show it ended. */
  waitForEnd(jobId: string, timeoutMs = 60_000): Promise<JobInfo> {
    const ended = () => {
      const status = this.lastJob(jobId)?.status;
      return status !== undefined && status !== 'queued' && status !== 'running';
    };
    return this.waitFor(ended, `job ${jobId} to end`, timeoutMs).then(() => this.lastJob(jobId) as JobInfo);
  }
}
