// The job engine's front (the seed's JobService, C4/C5): validates and creates delete and lifecycle jobs, runs
// plan-only deletes, lists, reads, cancels, retries and exports jobs. Method signatures follow the IPC contract,
// so main's handlers only forward. Queue order lives in JobScheduler, one run in JobRunner, start-up in
// JobRecovery.
import type { ChannelArgs, ChannelValue } from '../../../shared/contract/api';
import { AppException, appError } from '../../../shared/contract/errors';
import type { ExportResult } from '../../../shared/contract/job-export';
import { isJobActive, type JobInfo, type JobStatus } from '../../../shared/contract/jobs';
import { fail, ok } from '../../../shared/contract/result';
import { ActiveJobs } from './active-jobs';
import { DeletePlanner, type PlanDeleteValue } from './delete-planner';
import type { AppIdentity } from './job-export-format';
import { newDeleteJob, newLifecycleJob } from './job-factory';
import { JobIdFactory } from './job-ids';
import { type ExportSaver, type JobEngineDeps, realTimers, type Timers } from './job-ports';
import { JobReads } from './job-reads';
import { isoTime, type StoredJob, toJobInfo } from './job-record';
import { DEFAULT_KEEP_NEWEST_JOBS, JobRecovery, type RecoveryReport } from './job-recovery';
import { JobRunner, SHUTDOWN_REASON } from './job-runner';
import { JobScheduler, type SchedulerEntry } from './job-scheduler';
import { announceCancelled, storeFailure, toAppError } from './job-service-support';
import { checkDeleteTarget, checkLifecycleTarget, checkTarget, type ValidationDeps } from './job-validation';
import { LiveJob } from './live-job';

export interface JobServiceOptions {
  /** Workers for jobs of different hosts (default 8); one host never runs two jobs at once whatever this is. */
  readonly poolSize?: number;
  /** At most one `job.updated` per this many ms while a job runs (default 250). */
  readonly updateIntervalMs?: number;
  /** How long cancel() waits for a running job's process to be gone before answering (default 10 s). */
  readonly cancelWaitMs?: number;
  /** Retention by count, next to the settings' days (default 10,000 jobs). */
  readonly keepNewestJobs?: number;
  readonly ids?: JobIdFactory;
  /** Main's save dialog, for exports to a file; without it only `destination: 'content'` works. */
  readonly exportSaver?: ExportSaver;
  readonly app?: AppIdentity;
}

interface RunningJob {
  readonly controller: AbortController;
  readonly live: LiveJob;
  readonly done: Promise<void>;
}

const RETRYABLE: readonly JobStatus[] = ['failed', 'cancelled', 'timed_out', 'interrupted'];

export class JobService {
  private readonly active = new ActiveJobs();
  private readonly running = new Map<string, RunningJob>();
  private readonly scheduler: JobScheduler<SchedulerEntry>;
  private readonly runner: JobRunner;
  private readonly planner: DeletePlanner;
  private readonly ids: JobIdFactory;
  private readonly timers: Timers;
  private readonly validation: ValidationDeps;
  private readonly reads: JobReads;
  private readonly recovery: JobRecovery;
  private started = false;

  constructor(
    private readonly deps: JobEngineDeps,
    private readonly options: JobServiceOptions = {},
  ) {
    this.ids = options.ids ?? new JobIdFactory(deps.clock);
    this.timers = deps.timers ?? realTimers;
    this.runner = new JobRunner(deps);
    this.planner = new DeletePlanner(deps, this.ids);
    this.validation = { hosts: deps.hosts, inventory: deps.inventory, active: this.active };
    this.recovery = new JobRecovery(deps, { keepNewestJobs: options.keepNewestJobs ?? DEFAULT_KEEP_NEWEST_JOBS });
    this.reads = new JobReads(deps, (jobId) => this.running.get(jobId)?.live.info, options);
    this.scheduler = new JobScheduler({ poolSize: options.poolSize ?? 8, run: (entry) => this.execute(entry.id) });
  }

  /** Recovers the store's jobs (C12) and starts running queued ones. Call once, after the store is loaded. */
  async start(): Promise<RecoveryReport> {
    if (this.started) throw new Error('The job service is already started.');
    const report = await this.recovery.recover();
    this.started = true;
    for (const job of report.resume) {
      if (this.active.jobFor(job.hostId, job.vmId) === undefined) this.active.add(job.hostId, job.vmId, job.id);
      this.scheduler.enqueue({ id: job.id, hostId: job.hostId });
    }
    return report;
  }

  /** Each target is accepted or refused on its own (C4); accepted ones are queued in the order given. */
  async submitDelete(args: ChannelArgs<'jobs.submitDelete'>): Promise<ChannelValue<'jobs.submitDelete'>> {
    this.assertStarted();
    const accepted: (StoredJob | AppException)[] = args.targets.map((target) => {
      try {
        const checked = checkDeleteTarget(this.validation, target);
        return this.reserve(newDeleteJob(this.fields(target, checked.vm?.name ?? target.vmName, null), target.force));
      } catch (error) {
        return new AppException(toAppError(error));
      }
    });
    // Written together so the journal commits them as one group; announced and queued in the order given.
    const written = await Promise.all(accepted.map((job) => (job instanceof AppException ? job : this.write(job))));
    const items = args.targets.map((target, i) => {
      const job = written[i];
      const outcome = !job || job instanceof AppException ? fail(toAppError(job)) : ok(this.enqueueNew(job));
      return { hostId: target.hostId, vmId: target.vmId, outcome };
    });
    return { items };
  }

  async submitLifecycle(args: ChannelArgs<'jobs.submitLifecycle'>): Promise<JobInfo> {
    this.assertStarted();
    checkLifecycleTarget(this.validation, args, args.action);
    const job = this.reserve(newLifecycleJob(this.fields(args, args.vmName, null), args.action));
    return this.enqueueNew(await this.writeOrThrow(job));
  }

  /** A plan-only run (S2): validated like a delete's target, run at once, nothing stored or changed. */
  async planDelete(args: ChannelArgs<'jobs.planDelete'>): Promise<PlanDeleteValue> {
    this.assertStarted();
    checkTarget(this.validation, args);
    return this.planner.plan({ ...args, force: args.force ?? false });
  }

  /** Newest first, filtered, one page. */
  list(args: ChannelArgs<'jobs.list'>): ChannelValue<'jobs.list'> {
    this.assertStarted();
    return this.reads.list(args);
  }

  get(args: ChannelArgs<'jobs.get'>): Promise<ChannelValue<'jobs.get'>> {
    this.assertStarted();
    return this.reads.get(args);
  }

  getOutput(args: ChannelArgs<'jobs.getOutput'>): Promise<ChannelValue<'jobs.getOutput'>> {
    this.assertStarted();
    return this.reads.getOutput(args);
  }

  /** Queued: cancelled at once. Running: the pipeline is stopped; answers once the process is gone (bounded). */
  async cancel(args: ChannelArgs<'jobs.cancel'>): Promise<JobInfo> {
    const record = this.record(args.jobId);
    if (!isJobActive(record.status)) {
      throw new AppException(
        appError('job_not_cancellable', `Job ${record.id} already ended (${record.status}).`, { jobId: record.id }),
      );
    }
    const run = this.running.get(record.id);
    if (!run) {
      this.scheduler.remove(record.id);
      return this.cancelQueued(record);
    }
    run.controller.abort('cancel');
    await this.waitAtMost(run.done, this.options.cancelWaitMs ?? 10_000);
    return this.info(record.id);
  }

  /** A new job for the same VM and parameters, linked by `retryOf` (C5); only for jobs that did not succeed. */
  async retry(args: ChannelArgs<'jobs.retry'>): Promise<JobInfo> {
    this.assertStarted();
    const old = this.record(args.jobId);
    if (!RETRYABLE.includes(old.status)) {
      const why = isJobActive(old.status) ? 'is still active' : 'succeeded';
      throw new AppException(
        appError(
          'job_not_retryable',
          `Job ${old.id} ${why}; only failed, cancelled, timed out or interrupted jobs can be retried.`,
          { jobId: old.id },
        ),
      );
    }
    const target = { hostId: old.hostId, vmId: old.vmId, vmName: old.vmName };
    let job: StoredJob;
    if (old.type === 'delete_vm') {
      checkDeleteTarget(this.validation, { ...target, force: old.params.force }, true);
      job = newDeleteJob(this.fields(target, old.vmName, old.id), old.params.force);
    } else {
      checkLifecycleTarget(this.validation, target, old.params.action);
      job = newLifecycleJob(this.fields(target, old.vmName, old.id), old.params.action);
    }
    return this.enqueueNew(await this.writeOrThrow(this.reserve(job)));
  }

  /** Text or JSON (C10); to main's save dialog, or as content for the caller to offer. */
  export(args: ChannelArgs<'jobs.export'>): Promise<ExportResult> {
    this.assertStarted();
    return this.reads.export(args);
  }

  /** History retention now (it also runs at start); returns the removed job ids. */
  applyRetention(): Promise<string[]> {
    this.assertStarted();
    return this.recovery.applyRetention();
  }

  /** A host with queued or running jobs cannot be removed (`host_in_use`). */
  hasActiveJobs(hostId: string): boolean {
    return this.active.hasHost(hostId);
  }

  /** No job queued or running, and the work after each job's end (inventory re-read, notification) done too. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.scheduler.whenIdle();
      const finishing = [...this.running.values()];
      if (finishing.length === 0) return;
      await Promise.all(finishing.map((run) => run.done));
    }
  }

  /** App quit: start nothing new, stop running jobs' PowerShell (they end `interrupted`), wait a bounded time. */
  async shutdown(): Promise<void> {
    this.scheduler.pause();
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort(SHUTDOWN_REASON);
    await this.waitAtMost(Promise.all(runs.map((run) => run.done)), this.options.cancelWaitMs ?? 10_000);
  }

  private async execute(jobId: string): Promise<void> {
    const record = this.deps.store.get(jobId);
    if (record?.status !== 'queued') return;
    const controller = new AbortController();
    const live = new LiveJob(record, {
      store: this.deps.store,
      events: this.deps.events,
      clock: this.deps.clock,
      timers: this.timers,
      updateIntervalMs: this.options.updateIntervalMs ?? 250,
    });
    let finished = () => {};
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    this.running.set(jobId, { controller, live, done });
    const release = () => this.active.remove(record.hostId, record.vmId, record.id);
    // The scheduler frees the host when this promise settles. That is as soon as the job's final status is stored:
    // the inventory re-read and the notification that follow are read-only, and holding the host for them left
    // it idle between jobs (seconds per job in `npm run bench` lab-makespan).
    let hostFree = () => {};
    const ended = new Promise<void>((resolve) => {
      hostFree = resolve;
    });
    const run = this.runner
      .run(live, controller.signal, () => {
        release();
        hostFree();
      })
      .finally(() => {
        release();
        this.running.delete(jobId);
        finished();
      });
    // A defect before the job ended rejects here, as before; one after it (the job is stored as ended by then)
    // has no one to tell but would otherwise be an unhandled rejection.
    run.catch(() => undefined);
    await Promise.race([ended, run]);
  }

  private async cancelQueued(record: StoredJob): Promise<JobInfo> {
    const now = isoTime(this.deps.clock.now());
    const error = {
      code: 'cancelled' as const,
      message: 'Cancelled before it started.',
      hostCode: null,
      step: null,
      object: null,
    };
    let stored: StoredJob;
    try {
      stored = await this.deps.store.patch(record.id, { status: 'cancelled', finishedAt: now, error, updatedAt: now });
    } catch (cause) {
      throw storeFailure(cause);
    }
    this.active.remove(record.hostId, record.vmId, record.id);
    const info = toJobInfo(stored);
    announceCancelled(this.deps, info);
    return info;
  }

  private fields(target: { hostId: string; vmId: string }, vmName: string, retryOf: string | null) {
    const now = isoTime(this.deps.clock.now());
    const { requestedBy } = this.deps.identity;
    return { id: this.ids.next(), hostId: target.hostId, vmId: target.vmId, vmName, requestedBy, now, retryOf };
  }

  /** Claims the VM before any await, so a racing submit for it is refused. */
  private reserve<J extends StoredJob>(job: J): J {
    this.active.add(job.hostId, job.vmId, job.id);
    return job;
  }

  private async write(job: StoredJob): Promise<StoredJob | AppException> {
    try {
      return await this.deps.store.put(job);
    } catch (cause) {
      this.active.remove(job.hostId, job.vmId, job.id);
      return storeFailure(cause);
    }
  }

  private async writeOrThrow(job: StoredJob): Promise<StoredJob> {
    const written = await this.write(job);
    if (written instanceof AppException) throw written;
    return written;
  }

  private enqueueNew(job: StoredJob): JobInfo {
    const info = toJobInfo(job);
    this.deps.events.emit('job.created', { job: info });
    this.scheduler.enqueue({ id: job.id, hostId: job.hostId });
    return info;
  }

  private record(jobId: string): StoredJob {
    this.assertStarted();
    return this.reads.record(jobId);
  }

  private info(jobId: string): JobInfo {
    return this.reads.info(jobId);
  }

  private waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
    let handle: unknown;
    const timeout = new Promise<void>((resolve) => {
      handle = this.timers.setTimeout(resolve, ms);
    });
    return Promise.race([promise.then(() => undefined), timeout]).finally(() => this.timers.clearTimeout(handle));
  }

  private assertStarted(): void {
    if (!this.started) throw new AppException(appError('not_ready', 'The job engine is still starting.'));
  }
}
