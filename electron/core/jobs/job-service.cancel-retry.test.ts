// Cancel (queued: at once; running: the pipeline is stopped, cancelled once the process is gone) and retry
// (a new job linked by retryOf, only for jobs that did not succeed and are not active).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppException, appError } from '../../../shared/contract/errors';
import type { JobInfo } from '../../../shared/contract/jobs';
import { stepLine } from './test-support/agent-lines';
import { createTestEngine, HOST_A, type TestEngine, VM_1, VM_2 } from './test-support/engine';
import { gated, hang, succeed } from './test-support/fake-executor';
import { deferred } from './test-support/fakes';

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine();
  engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
  engine.inventory.addVm(HOST_A, VM_2, 'web02', 'Off');
});
afterEach(async () => {
  await engine.close();
});

async function submitDelete(vmId = VM_1, vmName = 'web01'): Promise<JobInfo> {
  const { items } = await engine.service.submitDelete({ targets: [{ hostId: HOST_A, vmId, vmName, force: false }] });
  const outcome = items[0]?.outcome;
  if (!outcome?.ok) throw new Error(outcome ? outcome.error.message : 'no outcome');
  return outcome.value;
}

describe('cancel', () => {
  it('cancels a queued job at once: it never runs, and the VM is free again', async () => {
    engine.executor.behaviour = hang;
    const running = await submitDelete(VM_1, 'web01');
    const queued = await submitDelete(VM_2, 'web02');
    const cancelled = await engine.service.cancel({ jobId: queued.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', startedAt: null, error: { code: 'cancelled' } });
    expect(cancelled.finishedAt).not.toBeNull();
    expect(engine.store.get(queued.id)?.status).toBe('cancelled');
    expect(engine.events.statusesOf(queued.id)).toEqual(['cancelled']);
    expect(engine.events.of('notification').at(-1)).toMatchObject({ kind: 'info', jobId: queued.id });
    await engine.service.cancel({ jobId: running.id });
    await engine.service.whenIdle();
    expect(engine.executor.runs.map((run) => run.jobId)).toEqual([running.id]);
    expect(engine.inventory.calls.some((call) => call.includes(queued.id))).toBe(false);
    expect((await submitDelete(VM_2, 'web02')).status).toBe('queued');
  });

  it('cancels a running job through the abort signal and answers once the run has ended', async () => {
    const processGone = deferred();
    engine.executor.behaviour = async (run) => {
      run.print(stepLine(run.jobId, 'disks', 'started'));
      await run.aborted();
      await processGone.promise; // the fake "kills" its process only when the test says so
      throw new AppException(appError('cancelled', 'The run was stopped.'));
    };
    const created = await submitDelete();
    await vi.waitFor(() => expect(engine.executor.runs).toHaveLength(1));
    const cancelling = engine.service.cancel({ jobId: created.id });
    await vi.waitFor(() => expect(engine.executor.runFor(created.id).options.signal?.aborted).toBe(true));
    // Still running until the process is gone.
    expect((await engine.service.get({ jobId: created.id })).job.status).toBe('running');
    processGone.resolve();
    const cancelled = await cancelling;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toMatchObject({ code: 'cancelled', step: 'disks' });
    expect(cancelled.steps.find((step) => step.id === 'disks')?.status).toBe('failed');
    expect(engine.inventory.calls.at(-1)).toBe(`deleteFailed ${HOST_A} ${VM_1} ${created.id}`);
    expect(engine.events.statusesOf(created.id).at(-1)).toBe('cancelled');
  });

  it('counts a run as cancelled whatever error the stopped run reports', async () => {
    engine.executor.behaviour = async (run) => {
      await run.aborted();
      throw new AppException(appError('script_failed', 'pipeline stopped'));
    };
    const created = await submitDelete();
    await vi.waitFor(() => expect(engine.executor.runs).toHaveLength(1));
    expect((await engine.service.cancel({ jobId: created.id })).status).toBe('cancelled');
  });

  it('refuses to cancel a job that ended, and an unknown job', async () => {
    const created = await submitDelete();
    await engine.service.whenIdle();
    await expect(engine.service.cancel({ jobId: created.id })).rejects.toMatchObject({
      error: { code: 'job_not_cancellable', message: expect.stringContaining('already ended (succeeded)') },
    });
    await expect(engine.service.cancel({ jobId: 'j-missing' })).rejects.toMatchObject({
      error: { code: 'job_not_found' },
    });
  });

  it('stops running jobs on shutdown: they end interrupted, not cancelled', async () => {
    engine.executor.behaviour = hang;
    const created = await submitDelete();
    await vi.waitFor(() => expect(engine.executor.runs).toHaveLength(1));
    await engine.service.shutdown();
    expect(engine.store.get(created.id)).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' } });
  });
});

describe('retry', () => {
  async function failedDelete(): Promise<JobInfo> {
    engine.executor.behaviour = async () => {
      throw new AppException(appError('host_unreachable', 'unreachable'));
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    engine.executor.behaviour = succeed;
    return created;
  }

  it('creates a new job with the same parameters, linked by retryOf, which runs', async () => {
    const failed = await failedDelete();
    const retry = await engine.service.retry({ jobId: failed.id });
    expect(retry.id).not.toBe(failed.id);
    expect(retry).toMatchObject({
      retryOf: failed.id,
      type: 'delete_vm',
      hostId: HOST_A,
      vmId: VM_1,
      vmName: 'web01',
      params: { force: false, mode: 'execute' },
      status: 'queued',
    });
    await engine.service.whenIdle();
    expect(engine.store.get(retry.id)?.status).toBe('succeeded');
    expect(engine.store.get(failed.id)?.status).toBe('failed');
  });

  it.each(['cancelled', 'timed_out', 'interrupted'] as const)('retries a %s job', async (status) => {
    const failed = await failedDelete();
    await engine.store.patch(failed.id, { status });
    expect((await engine.service.retry({ jobId: failed.id })).retryOf).toBe(failed.id);
  });

  it('refuses a succeeded job and an active one', async () => {
    const done = await submitDelete();
    await engine.service.whenIdle();
    await expect(engine.service.retry({ jobId: done.id })).rejects.toMatchObject({
      error: { code: 'job_not_retryable', message: expect.stringContaining('succeeded') },
    });
    engine.executor.behaviour = hang;
    const active = await submitDelete();
    await expect(engine.service.retry({ jobId: active.id })).rejects.toMatchObject({
      error: { code: 'job_not_retryable', message: expect.stringContaining('still active') },
    });
  });

  it('validates again: the VM went Running, or another job for it is active', async () => {
    const failed = await failedDelete();
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Running');
    await expect(engine.service.retry({ jobId: failed.id })).rejects.toMatchObject({ error: { code: 'vm_running' } });
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
    const gate = deferred();
    engine.executor.behaviour = gated(() => gate.promise);
    await engine.service.retry({ jobId: failed.id });
    await expect(engine.service.retry({ jobId: failed.id })).rejects.toMatchObject({
      error: { code: 'job_active_for_vm' },
    });
    gate.resolve();
  });

  it('retries a delete whose VM a failed run already unregistered (the agent finishes from its saved plan)', async () => {
    const failed = await failedDelete();
    engine.inventory.vms.clear();
    const retry = await engine.service.retry({ jobId: failed.id });
    expect(retry.retryOf).toBe(failed.id);
  });

  it('retries a lifecycle job with its action, and refuses one whose VM is gone', async () => {
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Running');
    engine.executor.behaviour = async () => {
      throw new AppException(appError('timed_out', 'slow'));
    };
    const failed = await engine.service.submitLifecycle({
      hostId: HOST_A,
      vmId: VM_1,
      vmName: 'web01',
      action: 'save',
    });
    await engine.service.whenIdle();
    engine.executor.behaviour = succeed;
    const retry = await engine.service.retry({ jobId: failed.id });
    expect(retry).toMatchObject({ type: 'vm_lifecycle', params: { action: 'save' }, retryOf: failed.id });
    await engine.service.whenIdle();
    engine.inventory.vms.clear();
    await expect(engine.service.retry({ jobId: failed.id })).rejects.toMatchObject({ error: { code: 'vm_not_found' } });
  });
});
