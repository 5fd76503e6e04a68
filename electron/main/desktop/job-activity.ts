// What the tray shows: the jobs that are queued or running right now, kept from the core's job events as they
// pass on their way to the window (and seeded from the job list once the core has started).
import type { EventEnvelope, EventName, EventPayload } from '../../../shared/contract/api';
import { isJobActive, type JobInfo } from '../../../shared/contract/jobs';
import type { EventSink } from '../../core/ports';

/** One active job as the tray lists it. */
export interface ActiveJob {
  readonly id: string;
  readonly hostId: string;
  readonly vmName: string;
  readonly status: 'queued' | 'running';
  readonly label: JobLabel;
  readonly createdAt: string;
}

export type JobLabel = { readonly kind: 'delete' } | { readonly kind: 'lifecycle'; readonly action: string };

function toActive(job: JobInfo): ActiveJob {
  return {
    id: job.id,
    hostId: job.hostId,
    vmName: job.vmName,
    status: job.status === 'running' ? 'running' : 'queued',
    label: job.type === 'delete_vm' ? { kind: 'delete' } : { kind: 'lifecycle', action: job.params.action },
    createdAt: job.createdAt,
  };
}

export class JobActivity {
  private readonly active = new Map<string, ActiveJob>();
  private readonly listeners = new Set<() => void>();

  /** Feeds one event; job.created/job.updated change the set, everything else is ignored. */
  observe(envelope: EventEnvelope): void {
    if (envelope.event !== 'job.created' && envelope.event !== 'job.updated') return;
    const job = envelope.payload.job;
    const before = this.active.get(job.id);
    if (isJobActive(job.status)) {
      const next = toActive(job);
      this.active.set(job.id, next);
      if (before?.status === next.status) return;
    } else if (!this.active.delete(job.id)) {
      return;
    }
    this.changed();
  }

  /** Adds jobs read from the store (after start) that no event has mentioned yet. */
  seed(jobs: readonly JobInfo[]): void {
    let added = false;
    for (const job of jobs) {
      if (!isJobActive(job.status) || this.active.has(job.id)) continue;
      this.active.set(job.id, toActive(job));
      added = true;
    }
    if (added) this.changed();
  }

  /** Running first, then queued; oldest first within each. */
  list(): ActiveJob[] {
    const rank = (job: ActiveJob) => (job.status === 'running' ? 0 : 1);
    return [...this.active.values()].sort(
      (a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
  }

  counts(): { running: number; queued: number } {
    let running = 0;
    for (const job of this.active.values()) if (job.status === 'running') running++;
    return { running, queued: this.active.size - running };
  }

  /** Called after every change of the set or of a job's status; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** An EventSink that passes every event on to `target` and shows it to each observer first. */
export function observedSink(target: EventSink, observers: readonly ((envelope: EventEnvelope) => void)[]): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      const envelope = { event, payload } as EventEnvelope;
      for (const observe of observers) {
        // A desktop nicety (tray, notification) must never stop an event reaching the window.
        try {
          observe(envelope);
        } catch (error) {
          console.error(`Observer of ${event} failed:`, error);
        }
      }
      target.emit(event, payload);
    },
  };
}
