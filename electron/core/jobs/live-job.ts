// A running job's current state. The runner changes it as events arrive; every change of state is written to the
// job store in order (without blocking the output stream) and announced through a coalesced `job.updated`.
// The output line count is the exception: it changes with every batch, so it is shown live and written only
// along with the next state change, never per line (C12).
import type { JobInfo } from '../../../shared/contract/jobs';
import type { Clock, EventSink } from '../ports';
import type { Timers } from './job-ports';
import { applyChanges, isoTime, type JobChanges, type JobRecordStore, type StoredJob, toJobInfo } from './job-record';
import { UpdateCoalescer } from './update-coalescer';

export interface LiveJobDeps {
  readonly store: JobRecordStore;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly timers: Timers;
  /** At most one `job.updated` per this many milliseconds while the status stays the same. */
  readonly updateIntervalMs: number;
}

export class LiveJob {
  private state: StoredJob;
  private writes: Promise<void> = Promise.resolve();
  private firstWriteError: unknown;
  private readonly updates: UpdateCoalescer;

  constructor(
    initial: StoredJob,
    private readonly deps: LiveJobDeps,
  ) {
    this.state = initial;
    this.updates = new UpdateCoalescer(deps.updateIntervalMs, deps.clock, deps.timers, () =>
      deps.events.emit('job.updated', { job: this.info }),
    );
  }

  get record(): StoredJob {
    return this.state;
  }

  get info(): JobInfo {
    return toJobInfo(this.state);
  }

  /** A change of state while the status stays the same: persisted in order, announced coalesced. */
  change(changes: JobChanges): void {
    this.apply(changes);
    this.persist(changes);
    this.updates.request();
  }

  /** More output lines exist: shown live, persisted with the next state change. */
  countOutput(lines: number): void {
    if (lines === 0) return;
    this.apply({ outputLineCount: this.state.outputLineCount + lines });
    this.updates.request();
  }

  /** A status change: durable in the store before it is announced, and announced at once. */
  async transition(changes: JobChanges): Promise<void> {
    this.apply(changes);
    this.persist(changes);
    await this.writes;
    this.updates.now();
  }

  /** Waits for every write so far; returns the first write failure, if any. */
  async flush(): Promise<unknown> {
    await this.writes;
    return this.firstWriteError;
  }

  /** Leaves no timer behind once the job has ended. */
  dispose(): void {
    this.updates.cancel();
  }

  private apply(changes: JobChanges): void {
    this.state = applyChanges(this.state, changes, isoTime(this.deps.clock.now()));
  }

  private persist(changes: JobChanges): void {
    const patch = { ...changes, outputLineCount: this.state.outputLineCount, updatedAt: this.state.updatedAt };
    const id = this.state.id;
    // Chained, so the journal receives the patches in the order the job made them; a failed write is kept for
    // the runner to report and does not stop the ones after it.
    this.writes = this.writes.then(async () => {
      try {
        await this.deps.store.patch(id, patch as Parameters<JobRecordStore['patch']>[1]);
      } catch (error) {
        this.firstWriteError ??= error;
      }
    });
  }
}
