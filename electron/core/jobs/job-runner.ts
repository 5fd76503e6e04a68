// Runs one job from `running` to its end: tells the inventory (C8), sends the agent its payload through the
// HostExecutor with the job type's timeout and the abort signal, stores and emits the output while the script
// runs, follows the agent's step/plan/result events, maps the end to a status, and announces it. The service
// decides when a job runs (the scheduler) and owns the abort controller; this file decides what running means.
import type { AgentEvent } from '../../../shared/contract/agent/read-line';
import { AppException, appError } from '../../../shared/contract/errors';
import { isJobActive, type JobInfo } from '../../../shared/contract/jobs';
import type { HostRunOptions, HostRunResult } from '../ports';
import { deleteJobPayload, lifecycleJobPayload } from './agent-payload';
import { jobEndNotification } from './job-notification';
import { type AbortCause, type JobOutcome, outcomeOfFailure, outcomeOfRun, type ResultEvent } from './job-outcome';
import { JobOutputSink } from './job-output-sink';
import type { JobEngineDeps } from './job-ports';
import { isoTime, type JobChanges, type StoredJob } from './job-record';
import { applyStepEvent, closeOpenSteps, openStepId } from './job-steps';
import type { LiveJob } from './live-job';

export type JobRunnerDeps = Pick<
  JobEngineDeps,
  'outputs' | 'executor' | 'inventory' | 'hosts' | 'events' | 'clock' | 'settings' | 'identity'
>;

/** Abort reasons the service uses; anything else counts as a cancel. */
export const SHUTDOWN_REASON = 'shutdown';

export class JobRunner {
  constructor(private readonly deps: JobRunnerDeps) {}

  /** `onEnded` runs as soon as the final status is stored, before the inventory re-read: the VM is free then. */
  async run(live: LiveJob, signal: AbortSignal, onEnded: () => void = () => {}): Promise<void> {
    try {
      await this.runJob(live, signal, onEnded);
    } catch (defect) {
      // A defect (not a host failure, which runJob maps itself) must not leave a job `running` until the next
      // start: it ends `failed` with code internal, and the VM is re-read like after any failure.
      if (!isJobActive(live.record.status)) throw defect;
      const message = `The job engine failed while running this job: ${describe(defect)}`;
      await this.deps.outputs.close(live.record.id).catch(() => undefined);
      await live.transition({
        status: 'failed',
        finishedAt: isoTime(this.deps.clock.now()),
        error: { code: 'internal', message, hostCode: null, step: null, object: null },
      });
      live.dispose();
      onEnded();
      await this.reconcileInventory(live.info);
    }
  }

  private async runJob(live: LiveJob, signal: AbortSignal, onEnded: () => void): Promise<void> {
    const { clock, events } = this.deps;
    const job = live.record;
    await live.transition({ status: 'running', startedAt: isoTime(clock.now()) });
    if (job.type === 'delete_vm') {
      this.quietly(() => this.deps.inventory.markDeleting(job.hostId, job.vmId, job.id));
    }

    const output = new JobOutputSink(job.id, this.deps.outputs, events, await this.linesAlreadyLogged(job.id));
    let seenResult: ResultEvent | null = null;
    const onLines: HostRunOptions['onLines'] = (batch) => {
      live.countOutput(output.accept(batch));
      for (const line of batch) {
        if (!line.event || (line.event.jobId !== null && line.event.jobId !== job.id)) continue;
        if (line.event.type === 'result') seenResult = line.event;
        const changes = changesFromEvent(live.record, line.event, isoTime(line.receivedAt));
        if (changes) live.change(changes);
      }
    };

    const timeoutMs = this.timeoutMs(job);
    const context = () => ({
      seenResult,
      timeoutMs,
      abortCause: abortCauseOf(signal),
      openStep: openStepId(live.record.steps),
    });
    let outcome: JobOutcome;
    try {
      if (signal.aborted) throw new AppException(appError('cancelled', 'Stopped before the script started.'));
      const run = await this.execute(job, { onLines, signal, timeoutMs });
      if (run.result?.type === 'result' && seenResult === null) {
        seenResult = run.result;
        const changes = changesFromEvent(live.record, run.result, isoTime(clock.now()));
        if (changes) live.change(changes);
      }
      outcome = outcomeOfRun(run, context());
    } catch (error) {
      outcome = outcomeOfFailure(error, context());
    }

    const outputError = await output.close();
    const at = isoTime(clock.now());
    const steps =
      outcome.status === 'succeeded'
        ? live.record.steps
        : closeOpenSteps(live.record.steps, `Stopped: ${outcome.error?.message ?? outcome.status}`, at);
    await live.transition({
      status: outcome.status,
      finishedAt: at,
      error: outcome.error,
      steps,
      outputLineCount: output.lineCount,
    });
    live.dispose();
    onEnded();
    const writeError = await live.flush();

    const ended = live.info;
    await this.reconcileInventory(ended);
    const hostName = this.deps.hosts.displayNameOf(ended.hostId) ?? ended.hostId;
    events.emit('notification', jobEndNotification(ended, hostName));
    if (outputError || writeError) {
      events.emit('notification', {
        kind: 'warning',
        title: 'Job history incomplete',
        body: `Job ${ended.id}: ${outputError ? 'its output' : 'its record'} could not be stored completely (${describe(outputError ?? writeError)}).`,
        jobId: ended.id,
      });
    }
  }

  private execute(job: StoredJob, options: HostRunOptions): Promise<HostRunResult> {
    const { executor, identity } = this.deps;
    if (job.type === 'delete_vm') return executor.run(job.hostId, 'delete', deleteJobPayload(job, identity), options);
    return executor.run(job.hostId, 'lifecycle', lifecycleJobPayload(job, identity), options);
  }

  private timeoutMs(job: StoredJob): number {
    const timeouts = this.deps.settings().jobTimeouts;
    return (job.type === 'delete_vm' ? timeouts.deleteVmSeconds : timeouts.vmLifecycleSeconds) * 1000;
  }

  private async linesAlreadyLogged(jobId: string): Promise<number> {
    try {
      return await this.deps.outputs.count(jobId);
    } catch {
      return 0;
    }
  }

  /** C8: a delete that succeeded prunes the VM; anything else re-reads it from its host. */
  private async reconcileInventory(job: JobInfo): Promise<void> {
    const { inventory } = this.deps;
    try {
      if (job.type === 'vm_lifecycle') await inventory.lifecycleEnded(job.hostId, job.vmId);
      else if (job.status === 'succeeded') await inventory.deleteSucceeded(job.hostId, job.vmId, job.id);
      else await inventory.deleteFailed(job.hostId, job.vmId, job.id, job.error?.message ?? job.status);
    } catch {
      // The inventory reports its own refresh failures (inventory.changed carries the error); the job's outcome
      // is already recorded and must not change because a re-read failed.
    }
  }

  private quietly(action: () => void): void {
    try {
      action();
    } catch {
      // As above: an inventory problem never stops a job.
    }
  }
}

function abortCauseOf(signal: AbortSignal): AbortCause | null {
  if (!signal.aborted) return null;
  return signal.reason === SHUTDOWN_REASON ? 'shutdown' : 'cancel';
}

/** What an agent event changes in the job record, or null when it changes nothing (warnings are log lines). */
export function changesFromEvent(job: StoredJob, event: AgentEvent, at: string): JobChanges | null {
  switch (event.type) {
    case 'step':
      return { steps: applyStepEvent(job.steps, event, at) };
    case 'plan':
      return job.type === 'delete_vm' ? { plan: event.plan } : null;
    case 'result':
      if (job.type === 'delete_vm' && event.script === 'delete') return { result: event.result };
      if (job.type === 'vm_lifecycle' && event.script === 'lifecycle') return { result: event.result };
      return null;
    case 'warning':
      return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
