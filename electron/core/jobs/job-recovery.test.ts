// Start-up (C12): running jobs become interrupted and their VMs are re-read; queued jobs resume in their
// original order; retention removes old finished jobs and their logs, never active ones.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDeleteJob, newLifecycleJob } from './job-factory';
import type { StoredJob } from './job-record';
import { JobRecovery } from './job-recovery';
import { createTestEngine, HOST_A, HOST_B, type TestEngine, VM_1, VM_2, VM_3, VM_4 } from './test-support/engine';
import { hang, succeed } from './test-support/fake-executor';

let engine: TestEngine;
afterEach(async () => {
  await engine.close();
});

const DAY = 24 * 60 * 60 * 1000;

function at(offsetMs: number): string {
  return new Date(engine.clock.now() + offsetMs).toISOString();
}

function deleteJob(id: string, hostId: string, vmId: string, overrides: Partial<StoredJob> = {}): StoredJob {
  const base = newDeleteJob(
    { id, hostId, vmId, vmName: `vm-${id}`, requestedBy: 'CONTOSO\\admin', now: at(-60_000), retryOf: null },
    false,
  );
  return { ...base, ...overrides } as StoredJob;
}

describe('recovery on start', () => {
  it('marks running jobs interrupted, closes their open step, counts their output and re-reads their VMs', async () => {
    engine = await createTestEngine({ noStart: true });
    const running = deleteJob('j-run', HOST_A, VM_1, { status: 'running', startedAt: at(-50_000) });
    const steps = running.steps.map((step) =>
      step.id === 'validate'
        ? { ...step, status: 'succeeded' as const }
        : step.id === 'disks'
          ? { ...step, status: 'started' as const }
          : step,
    );
    await engine.store.put({ ...running, steps } as StoredJob);
    const lifecycle = newLifecycleJob(
      { id: 'j-life', hostId: HOST_B, vmId: VM_2, vmName: 'db01', requestedBy: 'x', now: at(-1000), retryOf: null },
      'start',
    );
    await engine.store.put({ ...lifecycle, status: 'running', startedAt: at(-500) });
    await engine.outputs.append('j-run', [
      { ts: 1, stream: 'out', text: 'a' },
      { ts: 2, stream: 'out', text: 'b' },
    ]);
    await engine.outputs.close('j-run');

    const report = await engine.service.start();
    await report.reconciled;
    expect(report.interrupted).toEqual(expect.arrayContaining(['j-run', 'j-life']));
    const stored = engine.store.get('j-run');
    expect(stored).toMatchObject({
      status: 'interrupted',
      finishedAt: at(0),
      outputLineCount: 2,
      error: { code: 'interrupted', step: 'disks', hostCode: null },
    });
    expect(stored?.steps.find((step) => step.id === 'disks')?.status).toBe('failed');
    expect(engine.store.get('j-life')?.status).toBe('interrupted');
    expect(engine.inventory.calls.sort()).toEqual([
      `deleteFailed ${HOST_A} ${VM_1} j-run`,
      `lifecycleEnded ${HOST_B} ${VM_2}`,
    ]);
    expect(engine.events.statusesOf('j-run')).toEqual(['interrupted']);
    expect(engine.events.of('notification').map((event) => event.title)).toContain(
      "Delete of 'vm-j-run' on Host A was interrupted",
    );
    // The VM is free again: a retry can be submitted.
    engine.inventory.addVm(HOST_A, VM_1, 'vm-j-run');
    expect((await engine.service.retry({ jobId: 'j-run' })).retryOf).toBe('j-run');
  });

  it('resumes queued jobs in the order they were created, not the order they were stored', async () => {
    engine = await createTestEngine({ noStart: true, poolSize: 1 });
    const jobs = [
      deleteJob('j-3', HOST_A, VM_3, { createdAt: at(-1000), updatedAt: at(-1000) }),
      deleteJob('j-1', HOST_A, VM_1, { createdAt: at(-3000), updatedAt: at(-100) }),
      deleteJob('j-2', HOST_B, VM_2, { createdAt: at(-2000), updatedAt: at(-2000) }),
    ];
    for (const job of jobs) await engine.store.put(job);
    const report = await engine.service.start();
    expect(report.resume.map((job) => job.id)).toEqual(['j-1', 'j-2', 'j-3']);
    await engine.service.whenIdle();
    expect(engine.executor.runs.map((run) => run.jobId)).toEqual(['j-1', 'j-2', 'j-3']);
    expect(jobs.map((job) => engine.store.get(job.id)?.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('keeps dedupe for resumed jobs', async () => {
    engine = await createTestEngine({ noStart: true });
    engine.executor.behaviour = hang;
    await engine.store.put(deleteJob('j-q', HOST_A, VM_1));
    await engine.service.start();
    engine.inventory.addVm(HOST_A, VM_1, 'vm-j-q');
    const { items } = await engine.service.submitDelete({
      targets: [{ hostId: HOST_A, vmId: VM_1, vmName: 'vm-j-q', force: false }],
    });
    expect(items[0]?.outcome).toMatchObject({ ok: false, error: { code: 'job_active_for_vm' } });
  });

  it('after a kill mid-job, a restart finds the job interrupted and the store intact', async () => {
    engine = await createTestEngine();
    engine.inventory.addVm(HOST_A, VM_1, 'web01');
    engine.inventory.addVm(HOST_A, VM_2, 'web02');
    engine.executor.behaviour = async (run) => {
      if (run.payload.vm_id === VM_2) return succeed(run);
      run.print('[10:00:00] working');
      return new Promise(() => {}); // the process "dies" with the app: this run never ends
    };
    const submit = async (vmId: string, vmName: string) => {
      const { items } = await engine.service.submitDelete({
        targets: [{ hostId: HOST_A, vmId, vmName, force: false }],
      });
      const outcome = items[0]?.outcome;
      if (!outcome?.ok) throw new Error('refused');
      return outcome.value.id;
    };
    const stuck = await submit(VM_1, 'web01');
    const waiting = await submit(VM_2, 'web02');
    await vi.waitFor(() => expect(engine.store.get(stuck)?.status).toBe('running'));
    engine.executor.behaviour = succeed;
    await engine.restart();
    await engine.service.whenIdle();
    expect(engine.store.get(stuck)).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' } });
    expect(engine.store.get(waiting)?.status).toBe('succeeded');
    expect(engine.inventory.calls).toContain(`deleteFailed ${HOST_A} ${VM_1} ${stuck}`);
  });
});

describe('retention', () => {
  it('removes finished jobs older than the retention days with their output logs, never active ones', async () => {
    engine = await createTestEngine({ noStart: true });
    engine.executor.behaviour = hang;
    engine.settings = { ...engine.settings, historyRetentionDays: 30 };
    const old = at(-40 * DAY);
    await engine.store.put(deleteJob('j-old', HOST_A, VM_1, { status: 'succeeded', createdAt: old, updatedAt: old }));
    await engine.store.put(deleteJob('j-oldq', HOST_A, VM_2, { createdAt: old, updatedAt: old }));
    await engine.store.put(deleteJob('j-new', HOST_A, VM_3, { status: 'failed', updatedAt: at(-DAY) }));
    await engine.outputs.append('j-old', [{ ts: 1, stream: 'out', text: 'old line' }]);
    await engine.outputs.close('j-old');
    const report = await engine.service.start();
    expect(report.pruned).toEqual(['j-old']);
    expect(engine.store.get('j-old')).toBeUndefined();
    expect(engine.store.get('j-oldq')?.status).toMatch(/queued|running/);
    expect(engine.store.get('j-new')).toBeDefined();
    expect(await engine.outputs.count('j-old')).toBe(0);
  });

  it('keeps only the newest N, counting active jobs but never removing them', async () => {
    engine = await createTestEngine({ noStart: true });
    for (const [i, vm] of [VM_1, VM_2, VM_3, VM_4].entries()) {
      await engine.store.put(deleteJob(`j-${i}`, HOST_A, vm, { status: 'succeeded', updatedAt: at(-i * 1000) }));
    }
    await engine.store.put(deleteJob('j-q', HOST_B, VM_1, { updatedAt: at(-DAY) }));
    const recovery = new JobRecovery(engine.deps, { keepNewestJobs: 2 });
    expect((await recovery.applyRetention()).sort()).toEqual(['j-2', 'j-3']);
    expect(engine.store.list().map((job) => job.id)).toEqual(['j-0', 'j-1', 'j-q']);
  });
});
