// Running a job: the payload the agent gets, output stored and emitted in order while the script runs, steps
// from step events, plan and result stored, the end mapped to a status, the inventory told, a notification.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppException, appError } from '../../../shared/contract/errors';
import type { JobInfo } from '../../../shared/contract/jobs';
import { deleteResultLine, lifecycleResultLine, log, stepLine, warningLine } from './test-support/agent-lines';
import { createTestEngine, HOST_A, type TestEngine, VM_1 } from './test-support/engine';
import { gated, succeed } from './test-support/fake-executor';
import { deferred, settle } from './test-support/fakes';

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine();
  engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
});
afterEach(async () => {
  await engine.close();
});

async function submitDelete(force = false): Promise<JobInfo> {
  const { items } = await engine.service.submitDelete({
    targets: [{ hostId: HOST_A, vmId: VM_1, vmName: 'web01', force }],
  });
  const outcome = items[0]?.outcome;
  if (!outcome?.ok) throw new Error('refused');
  return outcome.value;
}

async function job(id: string): Promise<JobInfo> {
  return (await engine.service.get({ jobId: id })).job;
}

describe('a delete job', () => {
  it('sends the agent exactly its payload, with the delete timeout and an abort signal', async () => {
    const created = await submitDelete();
    await engine.service.whenIdle();
    const run = engine.executor.runFor(created.id);
    expect(run.script).toBe('delete');
    expect(run.hostId).toBe(HOST_A);
    expect(run.payload).toEqual({
      job_id: created.id,
      vm_id: VM_1,
      vm_name: 'web01',
      force: false,
      mode: 'execute',
      requested_by: 'CONTOSO\\admin',
      control_plane: 'WS-ADMIN-01',
    });
    expect(run.options.timeoutMs).toBe(15 * 60 * 1000);
    expect(run.options.signal).toBeInstanceOf(AbortSignal);
  });

  it('goes created -> running -> succeeded, marks the VM Deleting, prunes it, and notifies', async () => {
    const created = await submitDelete();
    await engine.service.whenIdle();
    const names = engine.events.all.map((event) => event.name);
    const statuses = engine.events.statusesOf(created.id);
    expect(names[0]).toBe('job.created');
    expect(statuses[0]).toBe('running');
    expect(statuses.at(-1)).toBe('succeeded');
    expect(new Set(statuses)).toEqual(new Set(['running', 'succeeded']));
    const firstOutput = names.indexOf('job.output');
    const lastUpdate = names.lastIndexOf('job.updated');
    expect(firstOutput).toBeGreaterThan(names.indexOf('job.updated'));
    expect(firstOutput).toBeLessThan(lastUpdate);
    expect(names.at(-1)).toBe('notification');
    expect(engine.inventory.calls).toEqual([
      `markDeleting ${HOST_A} ${VM_1} ${created.id}`,
      `deleteSucceeded ${HOST_A} ${VM_1} ${created.id}`,
    ]);
    expect(engine.events.of('notification')).toEqual([
      {
        kind: 'success',
        title: "Deleted 'web01' on Host A",
        body: `Job ${created.id}: 1 file deleted, 1 folder removed, 0 items kept.`,
        jobId: created.id,
      },
    ]);
  });

  it('stores timestamps, the plan, the result, the steps and the line count', async () => {
    engine.executor.behaviour = async (run) => {
      engine.clock.advance(5000);
      return succeed(run);
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    const stored = engine.store.get(created.id);
    if (stored?.type !== 'delete_vm') throw new Error('missing');
    expect(stored.status).toBe('succeeded');
    expect(stored.startedAt).toBe(created.createdAt);
    expect(Date.parse(stored.finishedAt ?? '') - Date.parse(created.createdAt)).toBe(5000);
    expect(stored.plan?.filesToDelete.map((file) => file.path)).toEqual([
      'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx',
    ]);
    expect(stored.result?.filesDeleted).toEqual(['C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx']);
    const steps = Object.fromEntries(stored.steps.map((step) => [step.id, step.status]));
    expect(steps).toMatchObject({ validate: 'succeeded', disks: 'succeeded', cluster: 'pending' });
    expect(stored.outputLineCount).toBe(8);
    expect(await engine.outputs.count(created.id)).toBe(8);
    expect(stored.error).toBeNull();
  });

  it('stores every line in order and emits it in batches whose seq continues across the job', async () => {
    engine.executor.behaviour = async (run) => {
      run.print(log('one'), log('two'));
      run.printErr('a warning on stderr');
      run.print(stepLine(run.jobId, 'validate', 'started'), log('three'), warningLine(run.jobId, 'kept C:\\ISO'));
      run.print(deleteResultLine(run.jobId));
      return run.exit(0);
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    const batches = engine.events.of('job.output');
    expect(batches.map((batch) => [batch.fromSeq, batch.lines.length])).toEqual([
      [0, 2],
      [2, 1],
      [3, 3],
      [6, 1],
    ]);
    const emitted = batches.flatMap((batch) => batch.lines);
    expect(emitted.map((line) => line.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(emitted.map((line) => line.stream)).toEqual(['out', 'out', 'err', 'event', 'out', 'event', 'event']);
    const page = await engine.service.get({ jobId: created.id, output: { from: 0, limit: 100 } });
    expect(page.output?.lines).toEqual(emitted);
    expect(page.output).toMatchObject({ from: 0, nextSeq: 7, total: 7 });
    expect(page.job.outputLineCount).toBe(7);
    const middle = await engine.service.getOutput({ jobId: created.id, from: 2, limit: 3 });
    expect(middle.lines.map((line) => line.text)).toEqual([
      'a warning on stderr',
      emitted[3]?.text,
      '[10:42:01] three',
    ]);
    expect(middle.nextSeq).toBe(5);
  });

  it('emits and stores output while the script is still running', async () => {
    const gate = deferred();
    engine.executor.behaviour = gated(() => gate.promise);
    const created = await submitDelete();
    await vi.waitFor(() => expect(engine.events.of('job.output')).toHaveLength(1));
    await settle();
    const live = await engine.service.get({ jobId: created.id, output: { from: 0, limit: 10 } });
    expect(live.job.status).toBe('running');
    expect(live.job.outputLineCount).toBe(1);
    expect(live.output?.lines.map((line) => line.text)).toEqual(['[10:42:01] started']);
    gate.resolve();
    await engine.service.whenIdle();
    expect((await job(created.id)).status).toBe('succeeded');
  });

  it('moves steps as step events arrive, and fails with the host message naming the object', async () => {
    const gate = deferred();
    const locked = 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx';
    engine.executor.behaviour = async (run) => {
      const id = run.jobId;
      run.print(stepLine(id, 'validate', 'started'), stepLine(id, 'validate', 'succeeded'));
      run.print(stepLine(id, 'cluster', 'skipped', 'not clustered'), stepLine(id, 'disks', 'started'));
      await gate.promise;
      const message = `could not delete '${locked}': The process cannot access the file`;
      run.print(stepLine(id, 'disks', 'failed', message));
      run.print(deleteResultLine(id, { code: 'file_locked', message, step: 'disks', object: locked }));
      return run.exit(1);
    };
    const created = await submitDelete();
    await vi.waitFor(async () => {
      const steps = (await job(created.id)).steps;
      expect(steps.find((step) => step.id === 'disks')?.status).toBe('started');
    });
    const during = await job(created.id);
    expect(during.steps.map((step) => `${step.id}:${step.status}`)).toEqual([
      'validate:succeeded',
      'lock:pending',
      'plan:pending',
      'cluster:skipped',
      'power:pending',
      'checkpoints:pending',
      'disks:started',
      'media:pending',
      'unregister:pending',
      'folders:pending',
    ]);
    expect(during.steps.find((step) => step.id === 'cluster')?.detail).toBe('not clustered');
    gate.resolve();
    await engine.service.whenIdle();
    const ended = await job(created.id);
    expect(ended.status).toBe('failed');
    expect(ended.error).toEqual({
      code: 'script_failed',
      message: `could not delete '${locked}': The process cannot access the file`,
      hostCode: 'file_locked',
      step: 'disks',
      object: locked,
    });
    expect(ended.steps.find((step) => step.id === 'disks')).toMatchObject({ status: 'failed' });
    expect(engine.inventory.calls.at(-1)).toBe(`deleteFailed ${HOST_A} ${VM_1} ${created.id}`);
    expect(engine.events.of('notification').at(-1)).toMatchObject({
      kind: 'error',
      title: "Delete of 'web01' on Host A failed",
      body: expect.stringContaining('The process cannot access the file'),
    });
  });

  it('times out with the delete timeout from the settings: timed_out, the open step failed, the VM re-read', async () => {
    engine.settings = { ...engine.settings, jobTimeouts: { ...engine.settings.jobTimeouts, deleteVmSeconds: 600 } };
    engine.executor.behaviour = async (run) => {
      run.print(stepLine(run.jobId, 'checkpoints', 'started'));
      throw new AppException(appError('timed_out', 'The PowerShell process was stopped.'));
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    expect(engine.executor.runFor(created.id).options.timeoutMs).toBe(600_000);
    const ended = await job(created.id);
    expect(ended.status).toBe('timed_out');
    expect(ended.error).toMatchObject({ code: 'timed_out', step: 'checkpoints' });
    expect(ended.error?.message).toMatch(/^Did not finish within 10 minutes; the host script was stopped\./);
    expect(ended.steps.find((step) => step.id === 'checkpoints')?.status).toBe('failed');
    expect(engine.inventory.calls.at(-1)).toBe(`deleteFailed ${HOST_A} ${VM_1} ${created.id}`);
    expect(engine.events.of('notification').at(-1)?.title).toBe("Delete of 'web01' on Host A timed out");
  });

  it('fails with the transport error when the host cannot be reached', async () => {
    engine.executor.behaviour = async () => {
      throw new AppException(appError('host_unreachable', 'Host A did not answer on port 5985.', { hostId: HOST_A }));
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    expect((await job(created.id)).error).toEqual({
      code: 'host_unreachable',
      message: 'Host A did not answer on port 5985.',
      hostCode: null,
      step: null,
      object: null,
    });
  });

  it('fails with protocol_error when the script ends without a result', async () => {
    engine.executor.behaviour = async (run) => {
      run.print(log('hello'));
      return run.exit(0);
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    expect((await job(created.id)).error).toMatchObject({ code: 'protocol_error' });
  });

  it('ends failed (internal) instead of staying running when the engine itself breaks mid-job', async () => {
    engine.settings = undefined as unknown as typeof engine.settings; // reading the timeout now throws
    const created = await submitDelete();
    await engine.service.whenIdle();
    expect(await job(created.id)).toMatchObject({ status: 'failed', error: { code: 'internal' } });
    expect(engine.inventory.calls.at(-1)).toBe(`deleteFailed ${HOST_A} ${VM_1} ${created.id}`);
    expect(engine.service.hasActiveJobs(HOST_A)).toBe(false);
  });

  it('writes the store on state changes, never per output line', async () => {
    const patch = vi.spyOn(engine.store, 'patch');
    engine.executor.behaviour = async (run) => {
      for (let i = 0; i < 200; i++) run.print(log(`line ${i}`), log(`more ${i}`));
      run.print(deleteResultLine(run.jobId));
      return run.exit(0);
    };
    const created = await submitDelete();
    await engine.service.whenIdle();
    // running, the result, the end.
    expect(patch).toHaveBeenCalledTimes(3);
    expect(engine.store.get(created.id)?.outputLineCount).toBe(401);
  });
});

describe('a lifecycle job', () => {
  it('sends the lifecycle payload, adds steps as reported, stores the result and re-reads the VM', async () => {
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Running');
    engine.executor.behaviour = succeed;
    const created = await engine.service.submitLifecycle({
      hostId: HOST_A,
      vmId: VM_1,
      vmName: 'web01',
      action: 'shutdown',
    });
    await engine.service.whenIdle();
    const run = engine.executor.runFor(created.id);
    expect(run.script).toBe('lifecycle');
    expect(run.payload).toEqual({
      job_id: created.id,
      vm_id: VM_1,
      vm_name: 'web01',
      action: 'shutdown',
      requested_by: 'CONTOSO\\admin',
      control_plane: 'WS-ADMIN-01',
    });
    expect(run.options.timeoutMs).toBe(5 * 60 * 1000);
    const ended = await job(created.id);
    expect(ended.status).toBe('succeeded');
    expect(ended.steps.map((step) => `${step.id}:${step.status}`)).toEqual([
      'validate:succeeded',
      'shutdown:succeeded',
    ]);
    if (ended.type !== 'vm_lifecycle') throw new Error('type');
    expect(ended.result?.vm?.state).toBe('Off');
    expect(engine.inventory.calls).toEqual([`lifecycleEnded ${HOST_A} ${VM_1}`]);
    expect(engine.events.of('notification').at(-1)).toMatchObject({
      kind: 'success',
      title: "Shut down 'web01' on Host A",
      body: `Job ${created.id}: the VM is now Off.`,
    });
  });

  it('fails with the host invalid_transition message', async () => {
    engine.executor.behaviour = async (run) => {
      const message = 'cannot shut down a VM that is Paused (shut down works from Running)';
      run.print(stepLine(run.jobId, 'validate', 'failed', message));
      run.print(
        lifecycleResultLine(
          run.jobId,
          { id: VM_1, name: 'web01', state: 'Paused' },
          {
            code: 'invalid_transition',
            message,
            step: 'validate',
            object: 'web01',
          },
        ),
      );
      return run.exit(1);
    };
    const created = await engine.service.submitLifecycle({
      hostId: HOST_A,
      vmId: VM_1,
      vmName: 'web01',
      action: 'start',
    });
    await engine.service.whenIdle();
    const ended = await job(created.id);
    expect(ended.error).toMatchObject({ code: 'script_failed', hostCode: 'invalid_transition', step: 'validate' });
    expect(engine.inventory.calls).toEqual([`lifecycleEnded ${HOST_A} ${VM_1}`]);
  });
});

describe('job.updated while running', () => {
  it('is coalesced to one per interval, with the latest state, and a status change always goes out at once', async () => {
    await engine.close();
    engine = await createTestEngine({ manualTimers: true, updateIntervalMs: 1000 });
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
    const gate = deferred();
    engine.executor.behaviour = async (run) => {
      for (let i = 0; i < 50; i++) run.print(log(`line ${i}`));
      await gate.promise;
      return succeed(run);
    };
    const created = await submitDelete();
    await vi.waitFor(() => expect(engine.events.of('job.output')).toHaveLength(50));
    const updates = () => engine.events.of('job.updated').filter((event) => event.job.id === created.id);
    // The running transition went out at once; the 50 batches since then wait for one timer.
    expect(updates().map((event) => [event.job.status, event.job.outputLineCount])).toEqual([['running', 0]]);
    expect(engine.timers?.pending.size).toBe(1);
    engine.clock.advance(1000);
    engine.timers?.fireAll();
    expect(updates().map((event) => event.job.outputLineCount)).toEqual([0, 50]);
    gate.resolve();
    await engine.service.whenIdle();
    expect(updates().at(-1)?.job.status).toBe('succeeded');
    expect(engine.timers?.pending.size).toBe(0);
  });
});
