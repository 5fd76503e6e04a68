// planDelete (a plan-only run: read-only, not queued, nothing stored) and list (filters, paging, newest first).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppException, appError } from '../../../shared/contract/errors';
import { deleteResultLine, planLine, warningLine } from './test-support/agent-lines';
import { createTestEngine, HOST_A, HOST_B, type TestEngine, VM_1, VM_2, VM_3 } from './test-support/engine';
import { hang } from './test-support/fake-executor';

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine();
  engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Running');
});
afterEach(async () => {
  await engine.close();
});

const target = { hostId: HOST_A, vmId: VM_1, vmName: 'web01' };

describe('planDelete', () => {
  it('runs the delete script in plan mode at once and returns the plan and warnings; nothing is stored', async () => {
    engine.executor.behaviour = async (run) => {
      run.print(warningLine(run.jobId, 'VM is Running: the delete needs force'));
      run.print(planLine(run.jobId, VM_1, 'web01', 'Running'), deleteResultLine(run.jobId, null, 'plan'));
      return run.exit(0);
    };
    const value = await engine.service.planDelete(target);
    expect(value.plan).toMatchObject({ vm: { id: VM_1, name: 'web01', state: 'Running' }, requiresForce: true });
    expect(value.warnings).toEqual([{ message: 'VM is Running: the delete needs force', path: null }]);
    const [run] = engine.executor.runs;
    expect(run?.script).toBe('delete');
    expect(run?.payload).toMatchObject({ vm_id: VM_1, vm_name: 'web01', force: false, mode: 'plan' });
    expect(String(run?.payload.job_id)).toMatch(/^p-[0-9a-z]{13}-[0-9a-f]{8}$/);
    expect(run?.options.timeoutMs).toBe(120_000);
    expect(engine.store.size).toBe(0);
    expect(engine.events.all).toEqual([]);
    expect(engine.inventory.calls).toEqual([]);
  });

  it('runs even while the host has a mutating job (a plan takes no lock and changes nothing)', async () => {
    engine.inventory.addVm(HOST_A, VM_2, 'web02', 'Off');
    engine.executor.behaviour = hang;
    await engine.service.submitDelete({ targets: [{ hostId: HOST_A, vmId: VM_2, vmName: 'web02', force: false }] });
    engine.executor.behaviour = async (run) => {
      run.print(planLine(run.jobId, VM_1, 'web01'), deleteResultLine(run.jobId, null, 'plan'));
      return run.exit(0);
    };
    await expect(engine.service.planDelete({ ...target, force: true })).resolves.toHaveProperty('plan');
    expect(engine.executor.runs.at(-1)?.payload.force).toBe(true);
  });

  it('turns a failed plan into script_failed with the host code and object', async () => {
    engine.executor.behaviour = async (run) => {
      run.print(
        deleteResultLine(
          run.jobId,
          {
            code: 'reference_unknown',
            message: "cannot read the chain of 'D:\\x.vhdx'",
            step: 'plan',
            object: 'D:\\x.vhdx',
          },
          'plan',
        ),
      );
      return run.exit(1);
    };
    await expect(engine.service.planDelete(target)).rejects.toMatchObject({
      error: {
        code: 'script_failed',
        message: "cannot read the chain of 'D:\\x.vhdx'",
        details: { hostCode: 'reference_unknown', step: 'plan', object: 'D:\\x.vhdx' },
      },
    });
  });

  it('passes typed transport errors through, and reports a run without a plan as protocol_error', async () => {
    engine.executor.behaviour = async () => {
      throw new AppException(appError('powershell_missing', 'No PowerShell found.'));
    };
    await expect(engine.service.planDelete(target)).rejects.toMatchObject({ error: { code: 'powershell_missing' } });
    engine.executor.behaviour = async (run) => run.exit(0);
    await expect(engine.service.planDelete(target)).rejects.toMatchObject({ error: { code: 'protocol_error' } });
  });

  it('validates host, VM and name first, without running anything', async () => {
    await expect(engine.service.planDelete({ ...target, hostId: 'h-x' })).rejects.toMatchObject({
      error: { code: 'host_not_found' },
    });
    await expect(engine.service.planDelete({ ...target, vmId: VM_3 })).rejects.toMatchObject({
      error: { code: 'vm_not_found' },
    });
    await expect(engine.service.planDelete({ ...target, vmName: 'x' })).rejects.toMatchObject({
      error: { code: 'vm_name_mismatch' },
    });
    expect(engine.executor.runs).toEqual([]);
  });
});

describe('list', () => {
  async function fill(): Promise<string[]> {
    engine.executor.behaviour = hang;
    const ids: string[] = [];
    for (const [hostId, vmId] of [
      [HOST_A, VM_2],
      [HOST_A, VM_3],
      [HOST_B, VM_2],
    ] as const) {
      engine.inventory.addVm(hostId, vmId, `vm-${vmId.slice(0, 1)}`, 'Off');
      engine.clock.advance(1000);
      const { items } = await engine.service.submitDelete({
        targets: [{ hostId, vmId, vmName: `vm-${vmId.slice(0, 1)}`, force: false }],
      });
      if (!items[0]?.outcome.ok) throw new Error('refused');
      ids.push(items[0].outcome.value.id);
    }
    return ids;
  }

  const all = { offset: 0, limit: 100 };

  it('lists newest first with a total, and pages', async () => {
    const [first, second, third] = await fill();
    const listed = engine.service.list(all);
    expect(listed.jobs.map((job) => job.id)).toEqual([third, second, first]);
    expect(listed.total).toBe(3);
    const page = engine.service.list({ offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.jobs.map((job) => job.id)).toEqual([second]);
  });

  it('filters by status, type, host and VM', async () => {
    const [first, second, third] = await fill();
    expect(engine.service.list({ ...all, hostId: HOST_B }).jobs.map((job) => job.id)).toEqual([third]);
    expect(engine.service.list({ ...all, vmId: VM_2 }).jobs.map((job) => job.id)).toEqual([third, first]);
    expect(engine.service.list({ ...all, status: ['running'] }).jobs.map((job) => job.id)).toEqual([third, first]);
    expect(engine.service.list({ ...all, status: ['queued'] }).jobs.map((job) => job.id)).toEqual([second]);
    expect(engine.service.list({ ...all, type: 'vm_lifecycle' }).total).toBe(0);
  });

  it('shows a running job with its live output count', async () => {
    engine.executor.behaviour = hang;
    engine.inventory.addVm(HOST_A, VM_2, 'web02', 'Off');
    await engine.service.submitDelete({ targets: [{ hostId: HOST_A, vmId: VM_2, vmName: 'web02', force: false }] });
    await vi.waitFor(() =>
      expect(engine.service.list(all).jobs[0]).toMatchObject({ status: 'running', outputLineCount: 1 }),
    );
    // The store has the running status but not yet the count: output lines are not written to the record.
    expect(engine.store.list()[0]?.outputLineCount).toBe(0);
  });
});
