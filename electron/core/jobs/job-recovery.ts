// What the job engine does when the app starts (C12): a job left `running` by a crash or a kill becomes
// `interrupted` and its VM is re-read from the host (C8); queued jobs are handed back, oldest first, for the
// service to enqueue again; then history retention removes old finished jobs and their output logs.
import type { JobError } from '../../../shared/contract/jobs';
import { isJobActive } from '../../../shared/contract/jobs';
import type { Settings } from '../../../shared/contract/settings';
import type { Clock, EventSink, InventoryJobHooks } from '../ports';
import type { OutputLogStore } from '../store/output-log';
import { jobEndNotification } from './job-notification';
import type { HostDirectory } from './job-ports';
import { isoTime, type JobRecordStore, type StoredJob, toJobInfo } from './job-record';
import { closeOpenSteps, openStepId } from './job-steps';

export interface JobRecoveryDeps {
  readonly store: JobRecordStore;
  readonly outputs: OutputLogStore;
  readonly inventory: InventoryJobHooks;
  readonly hosts: HostDirectory;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly settings: () => Settings;
}

export interface JobRecoveryOptions {
  /** Retention by count, next to the settings' age limit (default 10,000 jobs). */
  readonly keepNewestJobs?: number;
}

export interface RecoveryReport {
  readonly interrupted: readonly string[];
  /** Queued jobs in their original order, to enqueue again. */
  readonly resume: readonly StoredJob[];
  readonly pruned: readonly string[];
  /** Settles when every interrupted job's VM has been re-read (the app need not wait for the hosts). */
  readonly reconciled: Promise<void>;
}

export const DEFAULT_KEEP_NEWEST_JOBS = 10_000;

const INTERRUPTED_MESSAGE =
  'The app stopped while this job ran, so its outcome on the host is unknown. The VM was re-read from its host; retry to finish the work (a re-run completes what is left).';

export class JobRecovery {
  constructor(
    private readonly deps: JobRecoveryDeps,
    private readonly options: JobRecoveryOptions = {},
  ) {}

  async recover(): Promise<RecoveryReport> {
    const { store } = this.deps;
    const running = store.list((job) => job.status === 'running');
    const interrupted: StoredJob[] = [];
    for (const job of running) interrupted.push(await this.interrupt(job));
    const reconciled = Promise.allSettled(interrupted.map((job) => this.reconcile(job))).then(() => undefined);
    for (const job of interrupted) this.announce(job);

    const resume = store.list((job) => job.status === 'queued').sort(oldestFirst);
    const pruned = await this.applyRetention();
    return { interrupted: interrupted.map((job) => job.id), resume, pruned, reconciled };
  }

  /** Deletes finished jobs beyond the newest N or older than the retention days, and their output logs. */
  async applyRetention(): Promise<string[]> {
    const { store, outputs, settings } = this.deps;
    const policy = {
      keepNewest: this.options.keepNewestJobs ?? DEFAULT_KEEP_NEWEST_JOBS,
      maxAgeDays: settings().historyRetentionDays,
    };
    const pruned = await store.prune(policy, (job) => isJobActive(job.status));
    for (const jobId of pruned) {
      // A log that cannot be removed now is only disk space; the record is gone and nothing points at it.
      await outputs.remove(jobId).catch(() => undefined);
    }
    return pruned;
  }

  private async interrupt(job: StoredJob): Promise<StoredJob> {
    const now = isoTime(this.deps.clock.now());
    const error: JobError = {
      code: 'interrupted',
      message: INTERRUPTED_MESSAGE,
      hostCode: null,
      step: openStepId(job.steps),
      object: null,
    };
    return this.deps.store.patch(job.id, {
      status: 'interrupted',
      finishedAt: now,
      error,
      steps: closeOpenSteps(job.steps, 'Stopped: the app ended while this step ran.', now),
      outputLineCount: await this.loggedLines(job),
      updatedAt: now,
    });
  }

  private async loggedLines(job: StoredJob): Promise<number> {
    try {
      return await this.deps.outputs.count(job.id);
    } catch {
      return job.outputLineCount;
    }
  }

  private async reconcile(job: StoredJob): Promise<void> {
    const { inventory } = this.deps;
    if (job.type === 'delete_vm') await inventory.deleteFailed(job.hostId, job.vmId, job.id, INTERRUPTED_MESSAGE);
    else await inventory.lifecycleEnded(job.hostId, job.vmId);
  }

  private announce(job: StoredJob): void {
    const info = toJobInfo(job);
    this.deps.events.emit('job.updated', { job: info });
    const hostName = this.deps.hosts.displayNameOf(job.hostId) ?? job.hostId;
    this.deps.events.emit('notification', jobEndNotification(info, hostName));
  }
}

function oldestFirst(a: StoredJob, b: StoredJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
